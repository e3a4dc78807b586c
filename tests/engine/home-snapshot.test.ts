// The home screen kept for the next start: used only while the content, the learner's file and the day are unchanged.

import { cpSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
