// The home screen kept for the next start: used only while the content, the learner's file and the day are unchanged.

import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { snapshotFile } from "../../engine/progress/home-snapshot.js";
import { readHomeSnapshot } from "../../engine/snapshot.js";
import { answerNow } from "../helpers/answers.js";
import { clock, FIXTURE_CONTENT, openTutor, tempDir } from "../helpers/engine.js";
import { expectOk } from "../helpers/result.js";

describe("the home screen kept for the next start", () => {
  it("is what the overview was, until the learner's file changes", async () => {
    const c = clock("2026-03-02T10:00:00Z");
    const dataDir = tempDir();
    const tutor = await openTutor({ now: c.now, dataDir });
    const overview = await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", c.now())).toEqual(overview);
    // Another learner has none.
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "other", c.now())).toBeUndefined();
    expectOk(await tutor.startQuiz("local", "tcp-basics"));
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", c.now())).toBeUndefined();
    const after = await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", c.now())).toEqual(after);
    expect(after.next.kind).toBe("continue-quiz");
  });

  it("is not used once a card falls due or a new study day begins", async () => {
    const c = clock("2026-03-02T10:00:00Z");
    const dataDir = tempDir();
    const tutor = await openTutor({ now: c.now, dataDir });
    expectOk(await tutor.startQuiz("local", "tcp-basics"));
    const answered = await answerNow(tutor, "local", true);
    await tutor.endSession("local");
    await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", c.now())).toBeDefined();
    // The study day starts at 4:00 (UTC here): at 3:59 the next day it is still today; the streak changes at 4:00.
    expect(
      await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date("2026-03-03T03:59:00Z")),
    ).toBeDefined();
    expect(
      await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date("2026-03-03T04:00:00Z")),
    ).toBeUndefined();
    const due = new Date((await tutor.store.read("local")).cards[answered.question.id]?.due ?? "");
    // A card due within the day: the snapshot ends when it falls due.
    c.set(new Date(due.getTime() - 60_000).toISOString());
    await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", c.now())).toBeDefined();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", due)).toBeUndefined();
  });

  it("is not used when the content changed", async () => {
    const content = tempDir();
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const dataDir = tempDir();
    const tutor = await openTutor({ contentDir: content, dataDir });
    await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, content, "local", new Date())).toBeDefined();
    const lesson = join(content, "lessons", "tcp-basics.md");
    writeFileSync(lesson, `${"\n"}`, { flag: "a" });
    const later = new Date(Date.now() + 5_000);
    utimesSync(lesson, later, later);
    expect(await readHomeSnapshot(dataDir, content, "local", new Date())).toBeUndefined();
  });

  it("is not kept for a store given from outside (its learners are not files here)", async () => {
    const dataDir = tempDir();
    const { JsonProgressStore } = await import("../../engine/index.js");
    const tutor = await openTutor({ store: new JsonProgressStore(dataDir), dataDir });
    await tutor.overview("local");
    await tutor.close();
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date())).toBeUndefined();
  });

  it("is only ever the learner's own, and names a file in the learners folder", async () => {
    const dataDir = tempDir();
    const tutor = await openTutor({ dataDir });
    expectOk(await tutor.startQuiz("local", "tcp-basics"));
    await tutor.overview("local");
    await tutor.close();
    const file = snapshotFile(dataDir, "local");
    const kept = JSON.parse(readFileSync(file, "utf8"));
    // It names the learner's document as the store keeps it.
    expect(readdirSync(join(dataDir, "learners"))).toContain(kept.learnerFile);
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date())).toBeDefined();
    // Two ids may share a file name (it is a short hash): the id inside tells them apart.
    writeFileSync(file, JSON.stringify({ ...kept, learnerId: "someone else" }));
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date())).toBeUndefined();
    // A file name with a folder in it is not followed out of the learners folder.
    writeFileSync(file, JSON.stringify({ ...kept, learnerFile: `../learners/${kept.learnerFile}` }));
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date())).toBeUndefined();
    writeFileSync(file, "{ not json");
    expect(await readHomeSnapshot(dataDir, FIXTURE_CONTENT, "local", new Date())).toBeUndefined();
  });

  it("is read without node:crypto, which would cost the first frame milliseconds to load", async () => {
    const bundled = await build({
      entryPoints: [new URL("../../engine/snapshot.ts", import.meta.url).pathname],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const imports = Object.values(bundled.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect(imports).toContain("node:fs/promises");
    expect(imports.filter((path) => /crypto/.test(path))).toEqual([]);
  });
});
