import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { describe, expect, it } from "vitest";
import { StoreError } from "../../engine/errors.js";
import { Tutor } from "../../engine/index.js";
import type { AnswerRecord, ExportedLearner, StoredCard } from "../../engine/progress/model.js";
import { JsonProgressStore, type StoreOptions } from "../../engine/progress/store.js";
import { ratingFor, review } from "../../engine/review/scheduler.js";
import { FIXTURE_CONTENT, historyOf, openTutor, tempDir } from "../helpers/engine.js";
import { answerRecord, recordAnswer, storeContract } from "./store-contract.js";

storeContract("JSON files", {
  fresh: () => new JsonProgressStore(tempDir(), { onNotice: () => undefined }),
  again: (store) => new JsonProgressStore(store.dir, { onNotice: () => undefined }),
});

/** A store whose notices are kept for the test to read. */
function storeWithNotices(dir = tempDir(), options: StoreOptions = {}) {
  const notices: string[] = [];
  const store = new JsonProgressStore(dir, { onNotice: (m) => notices.push(m), ...options });
  return { store, notices, dir };
}

describe("the JSON store's files", () => {
  it("keeps a small document and an answer log per learner: an answer appends one line and never rewrites history", async () => {
    const { store } = storeWithNotices();
    for (let i = 0; i < 50; i++) await recordAnswer(store, "ana", answerRecord({ text: "x".repeat(500) }));
    const { doc, log } = store.pathsOf("ana");
    const docSize = statSync(doc).size;
    await recordAnswer(store, "ana", answerRecord({ text: "x".repeat(500) }));
    // The document does not grow with the history; the log grows by one line.
    expect(statSync(doc).size).toBeLessThan(docSize + 10);
    expect(statSync(doc).size).toBeLessThan(2_000);
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(51);
    expect(readFileSync(doc, "utf8")).not.toContain("xxxxxxxx");
  });

  it("sees another process's write at once (a cached document is revalidated by its file)", async () => {
    const { store: a } = storeWithNotices();
    const { store: b } = storeWithNotices(a.dir);
    await recordAnswer(a, "ana", answerRecord());
    expect((await b.read("ana")).totals.answers).toBe(1);
    await recordAnswer(b, "ana", answerRecord());
    expect((await a.read("ana")).totals.answers).toBe(2);
    await recordAnswer(a, "ana", answerRecord());
    expect((await historyOf(b, "ana")).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it("drops a learner deleted by another process from this one's figures (two bot shards on one folder)", async () => {
    const { store: a } = storeWithNotices();
    const { store: b } = storeWithNotices(a.dir);
    await recordAnswer(a, "ana", answerRecord({ guildId: "g1", xp: 10 }));
    await recordAnswer(a, "bob", answerRecord({ guildId: "g1", xp: 10 }));
    const who = async (store: JsonProgressStore) =>
      (await store.leaderboard({ guildId: "g1", limit: 10 })).map((e) => e.learnerId).sort();
    expect(await who(b)).toEqual(["ana", "bob"]);
    expect(await a.delete("bob")).toBe(true);
    expect(await who(b)).toEqual(["ana"]);
    // Answers after the recount are folded in as before, in both.
    await recordAnswer(b, "cy", answerRecord({ guildId: "g1", xp: 10 }));
    expect(await who(a)).toEqual(["ana", "cy"]);
    expect(await who(b)).toEqual(["ana", "cy"]);
  });

  it("drops a torn last line of the log (a crash mid-write) with a notice, and goes on", async () => {
    const { store, notices } = storeWithNotices();
    await recordAnswer(store, "ana", answerRecord());
    const { log } = store.pathsOf("ana");
    writeFileSync(log, `${readFileSync(log, "utf8")}{"questionId":"torn","less`);
    expect(await historyOf(store, "ana")).toHaveLength(1);
    await recordAnswer(store, "ana", answerRecord({ questionId: "next" }));
    expect(notices.join("\n")).toMatch(/Dropped \d+ byte\(s\) at the end of .*answers\.jsonl/);
    expect((await historyOf(store, "ana")).map((r) => r.questionId)).toEqual(["q1", "next"]);
    expect(readFileSync(log, "utf8")).not.toContain("torn");
  });

  it("counts whole answers the log holds past its document (a stop between the two writes) with a notice", async () => {
    const { store, notices } = storeWithNotices();
    await recordAnswer(store, "ana", answerRecord());
    const { log } = store.pathsOf("ana");
    // What a writer stopped after syncing the log, before replacing the document, leaves behind.
    writeFileSync(
      log,
      `${readFileSync(log, "utf8")}${JSON.stringify(answerRecord({ questionId: "q2", seq: 2 }))}\n`,
    );
    await recordAnswer(store, "ana", answerRecord({ questionId: "q3" }));
    expect(notices.join("\n")).toMatch(/Counted 1 answer\(s\) at the end of .*answers\.jsonl/);
    expect((await historyOf(store, "ana")).map((r) => [r.seq, r.questionId])).toEqual([
      [1, "q1"],
      [2, "q2"],
      [3, "q3"],
    ]);
    expect((await store.read("ana")).totals).toEqual({ answers: 3, correct: 3, xp: 30 });
  });

  it("moves a corrupt document aside with its log, reports it, and never silently replaces it", async () => {
    const { store } = storeWithNotices();
    await recordAnswer(store, "local", answerRecord());
    const { doc: file, log } = store.pathsOf("local");
    writeFileSync(file, '{"version": 2, "cards": {');
    const error = (await store.read("local").catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: "STORE_CORRUPT", path: file });
    expect(error.movedTo).toMatch(/\.doc\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(error.message).toContain(error.movedTo);
    expect(readFileSync(error.movedTo as string, "utf8")).toBe('{"version": 2, "cards": {');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(log)).toBe(false);
    expect(readdirSync(join(store.dir, "learners")).some((n) => n.includes(".answers.jsonl.corrupt-"))).toBe(
      true,
    );
    expect((await store.read("local")).totals.answers).toBe(0);
  });

  it("treats a document holding null, or a known field of the wrong kind, as corrupt", async () => {
    const { store } = storeWithNotices();
    await store.update("a", (d) => {
      d.x = 1;
    });
    await store.update("b", (d) => {
      d.x = 1;
    });
    writeFileSync(store.pathsOf("a").doc, "null");
    writeFileSync(store.pathsOf("b").doc, JSON.stringify({ journal: { 0: {} } }));
    await expect(store.update("a", () => undefined)).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    const error = (await store.read("b").catch((e: unknown) => e)) as StoreError;
    expect(error.message).toContain('its "journal" is not a list');
  });

  it("quarantines bad records (a null card, an unreadable due date, a broken journal entry) and keeps the rest", async () => {
    const { store } = storeWithNotices();
    await recordAnswer(store, "ana", answerRecord());
    const good = review(undefined, new Date("2026-03-02T10:00:00Z"), ratingFor(true, false));
    await store.update("ana", (doc) => {
      doc.cards.good = good;
    });
    const { doc: file } = store.pathsOf("ana");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.cards.gone = null;
    data.cards.late = { ...data.cards.good, due: "nope" };
    data.journal = [
      null,
      {
        lessonId: "l",
        stage: 2,
        questionId: "q",
        kind: "note",
        text: "kept",
        at: "t",
        covered: [],
        missed: [],
      },
    ];
    writeFileSync(file, JSON.stringify(data));
    const error = (await store.read("ana").catch((e: unknown) => e)) as StoreError;
    expect(error).toMatchObject({ code: "STORE_CORRUPT" });
    expect(error.message).toContain("review cards of gone, late");
    expect(error.message).toContain("1 journal entry");
    const quarantined = JSON.parse(readFileSync(error.movedTo as string, "utf8"));
    expect(quarantined).toMatchObject({
      learnerId: "ana",
      cards: { gone: null, late: { due: "nope" } },
      journal: [null],
    });
    const doc = await store.read("ana");
    expect(Object.keys(doc.cards)).toEqual(["good"]);
    expect(doc.journal.map((e) => e.text)).toEqual(["kept"]);
    expect(doc.totals.answers).toBe(1);
  });

  it("never moves another learner's file aside for the leaderboard, and is not held up by a learner's lock", async () => {
    const { store } = storeWithNotices(tempDir(), { lockStaleMs: 2_000 });
    await recordAnswer(store, "ana", answerRecord({ guildId: "g" }));
    await recordAnswer(store, "bo", answerRecord({ guildId: "g" }));
    writeFileSync(store.pathsOf("bo").doc, "{ not json");
    const release = await lockfile.lock(store.pathsOf("ana").doc, { realpath: false, stale: 2_000 });
    const reader = new JsonProgressStore(store.dir, { onNotice: () => undefined });
    const started = Date.now();
    expect((await reader.leaderboard({ guildId: "g", limit: 10 })).map((r) => r.learnerId)).toEqual([
      "ana",
      "bo",
    ]);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(readFileSync(store.pathsOf("bo").doc, "utf8")).toBe("{ not json");
    await release();
  });

  it("says at once that a lock is held by another process, after waiting out the stale time", async () => {
    const { store } = storeWithNotices(tempDir(), { lockStaleMs: 2_000 });
    await store.update("ana", (d) => {
      d.x = 1;
    });
    const release = await lockfile.lock(store.pathsOf("ana").doc, {
      realpath: false,
      stale: 2_000,
      update: 500,
    });
    const error = (await store.update("ana", () => undefined).catch((e: unknown) => e)) as StoreError;
    expect(error).toMatchObject({ code: "STORE_LOCKED" });
    expect(error.message).toContain("has held the lock");
    await release();
  });

  it("removes temp files of writers that are gone when it opens, and keeps those of a live one", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "learners"));
    const dead = join(dir, "learners", "ana-0123456789abcdef0123.doc.json.99999999.deadbeef.tmp");
    const live = join(dir, "learners", `ana-0123456789abcdef0123.doc.json.${process.ppid}.cafe.tmp`);
    const oldLive = join(dir, "learners", `bo-0123456789abcdef0123.doc.json.${process.ppid}.beef.tmp`);
    for (const f of [dead, live, oldLive]) writeFileSync(f, "x".repeat(1000));
    utimesSync(oldLive, new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    const { store } = storeWithNotices(dir);
    await store.read("anyone");
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(oldLive)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe("an old-format data folder", () => {
  const OLD = new URL("../fixtures/store-v1/", import.meta.url).pathname;
  const expected = JSON.parse(readFileSync(join(OLD, "expected.json"), "utf8"));

  it("is migrated on first open, the old files kept as a backup, with the same progress, journal and figures", async () => {
    const dataDir = tempDir();
    cpSync(join(OLD, "learners"), join(dataDir, "learners"), { recursive: true });
    const notices: string[] = [];
    const now = new Date(expected.now);
    const store = new JsonProgressStore(dataDir, {
      now: () => now,
      clock: { timeZone: "UTC", dayStartHour: 4 },
      onNotice: (m) => notices.push(m),
    });
    const tutor = await Tutor.open({
      contentDir: FIXTURE_CONTENT,
      store,
      now: () => now,
      timeZone: "UTC",
      llm: false,
    });
    for (const learner of Object.keys(expected.progress)) {
      // Every figure the old tutor computed is the same; fields added since (stage pools, self-assessment) may join.
      expect(await tutor.progress(learner)).toMatchObject(expected.progress[learner]);
      expect(await tutor.journal(learner)).toEqual(expected.journal[learner]);
      const old = JSON.parse(
        readFileSync(join(OLD, "learners", `${encodeURIComponent(learner)}.json`), "utf8"),
      );
      const history = await historyOf(tutor, learner);
      expect(history.map(({ seq, xp, passedStage, ...r }) => r)).toEqual(old.history);
    }
    for (const guildId of [undefined, "900", "901"]) {
      for (const period of ["week", "all"] as const) {
        expect(await tutor.leaderboard({ ...(guildId ? { guildId } : {}), period })).toEqual(
          expected[`leaderboard ${guildId} ${period}`],
        );
      }
    }
    for (const guildId of [undefined, "900"]) {
      expect(await tutor.stats(guildId ? { guildId } : {})).toEqual(expected[`stats ${guildId}`]);
    }
    expect(readdirSync(join(dataDir, "backup-v1", "learners")).sort()).toEqual(
      readdirSync(join(OLD, "learners")).sort(),
    );
    expect(
      readdirSync(join(dataDir, "learners")).filter(
        (n) => !n.includes(".doc.json") && !n.endsWith(".answers.jsonl"),
      ),
    ).toEqual([]);
    expect(notices.join("\n")).toContain("Moved 4 learner file(s)");
    await tutor.close();
  });

  it("keeps unreadable answers and odd file names out of the way, reported, instead of failing", async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, "learners"));
    writeFileSync(
      join(dataDir, "learners", "50%.json"),
      JSON.stringify({ version: 1, history: [null, answerRecord(), "junk", { questionId: 5 }], cards: {} }),
    );
    writeFileSync(join(dataDir, "learners", "broken.json"), "{ nope");
    const { store, notices } = storeWithNotices(dataDir);
    expect(await store.leaderboard({ limit: 10 })).toEqual([
      { learnerId: "50%", xp: 10, answers: 1, correct: 1, stagesPassed: 0 },
    ]);
    const text = notices.join("\n");
    expect(text).toMatch(
      /3 unreadable answer\(s\) in .*50%\.json \(50%\) were not migrated; they are in .*quarantine/,
    );
    expect(text).toMatch(/broken\.json could not be read .* kept with the backups/);
    expect(readFileSync(join(dataDir, "backup-v1", "learners", "broken.json"), "utf8")).toBe("{ nope");
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

  it("keeps fields it does not know and skips cards of removed questions when computing progress", async () => {
    const dataDir = tempDir();
    const store = new JsonProgressStore(dataDir);
    await recordAnswer(store, "local", answerRecord({ questionId: "removed-question", lessonId: "gone" }));
    await store.update("local", (doc) => {
      doc.futureField = { keep: "me" };
      const card = review(undefined, new Date("2020-01-01T00:00:00Z"), ratingFor(false, false));
      doc.cards["removed-question"] = card;
    });
    const tutor = await openTutor({ dataDir });
    const progress = await tutor.progress("local");
    expect(progress.dueNow).toBe(0);
    expect(progress.stagesPassed).toBe(0);
    expect(progress.answers).toBe(1);
    await tutor.startQuiz("local", "tcp-basics", 1);
    expect((await store.read("local")).futureField).toEqual({ keep: "me" });
    expect((await historyOf(store, "local")).map((r) => r.questionId)).toEqual(["removed-question"]);
  });
});

describe("restoring into the JSON store", () => {
  it("refuses an export it could not read back, naming the learner and the cause, and writes nothing", async () => {
    const { store } = storeWithNotices();
    await recordAnswer(store, "ana", answerRecord());
    const good = (await store.export("ana")) as ExportedLearner;
    const bad: ExportedLearner[] = [
      { ...good, history: [...good.history, { questionId: "q9" } as unknown as AnswerRecord] },
      { ...good, journal: "not a list" as unknown as ExportedLearner["journal"] },
      { ...good, cards: { q1: { due: "never" } as unknown as StoredCard } },
      { ...good, history: undefined as unknown as AnswerRecord[] },
    ];
    const reasons = [
      /learner "ana" cannot be restored: answer 2 of its history is not an answer record/,
      /"journal" is not a list/,
      /unreadable review cards/,
      /"history" is not a list/,
    ];
    const { doc, log } = store.pathsOf("ana");
    const before = [readFileSync(doc, "utf8"), readFileSync(log, "utf8")];
    for (const [i, learner] of bad.entries()) {
      await expect(store.restore(learner)).rejects.toThrow(reasons[i] as RegExp);
    }
    expect([readFileSync(doc, "utf8"), readFileSync(log, "utf8")]).toEqual(before);
    await expect(store.restore({ ...good, learnerId: undefined as unknown as string })).rejects.toThrow(
      /names no learner/,
    );
  });

  it("writes the answer log and the document whole, with no temporary file left, and keeps the given revision", async () => {
    const { store: source } = storeWithNotices();
    for (let i = 0; i < 4; i++) await recordAnswer(source, "ana", answerRecord({ questionId: `q${i}` }));
    const exported = (await source.export("ana")) as ExportedLearner;
    const { store: target, dir } = storeWithNotices();
    await target.restore(exported);
    const { doc, log } = target.pathsOf("ana");
    expect(readFileSync(log, "utf8")).toBe(readFileSync(source.pathsOf("ana").log, "utf8"));
    expect(JSON.parse(readFileSync(doc, "utf8"))).toMatchObject({ rev: exported.rev, log: exported.log });
    expect(readdirSync(join(dir, "learners")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
