import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StoreError } from "../../engine/errors.js";
import { Tutor } from "../../engine/index.js";
import { JsonProgressStore } from "../../engine/progress/store.js";
import { ratingFor, review } from "../../engine/review/scheduler.js";
import { FIXTURE_CONTENT, openTutor, tempDir } from "../helpers/engine.js";

describe("the JSON progress store", () => {
  it("keeps one document per learner and lists learners by id", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    await store.update("local", (doc) => {
      doc.history.push({
        questionId: "q",
        lessonId: "l",
        stage: 1,
        at: "t",
        correct: true,
        score: 1,
        hintUsed: false,
        mode: "quiz",
      });
    });
    await store.update("discord:1234", () => undefined);
    expect(readdirSync(join(dir, "learners")).sort()).toEqual(["discord%3A1234.json", "local.json"]);
    expect((await store.learners()).sort()).toEqual(["discord:1234", "local"]);
    expect((await store.read("local")).history).toHaveLength(1);
    expect((await store.read("new-person")).history).toEqual([]);
  });

  it("closes only when the reads in flight have let go of their locks", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    await store.update("local", () => undefined);
    // Neither read is awaited before close(), as when a screen is left while it still loads.
    let settled = 0;
    const reads = [store.read("local"), store.read("someone-else")].map((read) =>
      read.finally(() => settled++),
    );
    await store.close();
    expect(settled).toBe(2);
    expect(readdirSync(join(dir, "learners")).filter((name) => name.endsWith(".lock"))).toEqual([]);
    await expect(Promise.all(reads)).resolves.toHaveLength(2);
  });

  it("loses no update when many writes race inside one process", async () => {
    const store = new JsonProgressStore(tempDir());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.update("racer", (doc) => {
          doc.journal.push({
            lessonId: "l",
            stage: 2,
            questionId: `q${i}`,
            kind: "explanation",
            text: "",
            at: "",
            covered: [],
            missed: [],
          });
        }),
      ),
    );
    expect((await store.read("racer")).journal).toHaveLength(40);
  });

  it("moves a corrupt document aside, reports it, and never silently replaces it", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    await store.update("local", () => undefined);
    const file = join(dir, "learners", "local.json");
    writeFileSync(file, '{"version": 1, "history": [ {"questionId": "q1", ');
    const error = await store.read("local").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const storeError = error as StoreError;
    expect(storeError.code).toBe("STORE_CORRUPT");
    expect(storeError.path).toBe(file);
    expect(storeError.movedTo).toMatch(/local\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(storeError.message).toContain(storeError.movedTo);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(storeError.movedTo as string, "utf8")).toBe(
      '{"version": 1, "history": [ {"questionId": "q1", ',
    );
    expect((await store.read("local")).history).toEqual([]);
  });

  it("treats a document holding null as corrupt rather than as a new learner", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    await store.update("local", () => undefined);
    writeFileSync(join(dir, "learners", "local.json"), "null");
    await expect(store.update("local", () => undefined)).rejects.toMatchObject({ code: "STORE_CORRUPT" });
  });

  it("moves aside valid JSON of the wrong shape instead of dropping what it holds", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    await store.update("local", () => undefined);
    const file = join(dir, "learners", "local.json");
    writeFileSync(file, JSON.stringify({ version: 1, history: { "0": { questionId: "q1" } } }));
    const error = (await store.read("local").catch((e: unknown) => e)) as StoreError;
    expect(error).toMatchObject({ code: "STORE_CORRUPT", path: file });
    expect(error.message).toContain('its "history" is not a list');
    expect(readFileSync(error.movedTo as string, "utf8")).toContain('"questionId":"q1"');
  });

  it("summarises progress even when a hand-edited record has an unreadable time", async () => {
    const dataDir = tempDir();
    const store = new JsonProgressStore(dataDir);
    await store.update("local", (doc) => {
      doc.history.push({
        questionId: "basics-recv",
        lessonId: "tcp-basics",
        stage: 1,
        at: "nope",
        correct: true,
        score: 1,
        hintUsed: false,
        mode: "quiz",
      });
      doc.cards["basics-recv"] = { ...review(undefined, new Date(), ratingFor(true, false)), due: "nope" };
    });
    const progress = await (await openTutor({ dataDir })).progress("local");
    expect(progress.answers).toBe(1);
    expect(progress.activity.every((d) => d.count === 0)).toBe(true);
  });

  it("keeps fields and answers it does not know, and skips them when computing progress", async () => {
    const dataDir = tempDir();
    const store = new JsonProgressStore(dataDir);
    await store.update("local", (doc) => {
      doc.futureField = { keep: "me" };
      doc.history.push({
        questionId: "removed-question",
        lessonId: "gone",
        stage: 3,
        at: "2026-01-01T10:00:00Z",
        correct: true,
        score: 1,
        hintUsed: false,
        mode: "quiz",
      });
      doc.cards["removed-question"] = review(
        undefined,
        new Date("2020-01-01T00:00:00Z"),
        ratingFor(false, false),
      );
    });
    const tutor = await openTutor({ dataDir });
    const progress = await tutor.progress("local");
    expect(progress.dueNow).toBe(0);
    expect(progress.stagesPassed).toBe(0);
    await tutor.startQuiz("local", "tcp-basics", 1);
    const doc = await store.read("local");
    expect(doc.futureField).toEqual({ keep: "me" });
    expect(doc.history.map((r) => r.questionId)).toEqual(["removed-question"]);
  });
});

describe("a data folder that cannot be used", () => {
  it("gives a store error that says what to do, for a file in the way", async () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const store = new JsonProgressStore(file);
    const error = (await store.read("local").catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe("STORE_IO");
    expect(error.message).toBe(
      `Could not use ${file} as the data folder (ENOTDIR). Point --data-dir or TUTOR_DATA_DIR at a folder you can write to.`,
    );
    await expect(
      Tutor.open({ contentDir: FIXTURE_CONTENT, dataDir: file }).then((t) => t.progress("x")),
    ).rejects.toMatchObject({
      code: "STORE_IO",
    });
  });
});
