// Test-wise learners who know nothing (bench/test-wise-learner.ts), through the real Tutor API. The rules must
// keep each cue at chance on content without cues, keep "pick the first shown" at chance on the bundled content
// (options are shuffled per attempt), and keep the replaying learner from passing stages by elimination.
// `npm run bench` prints every figure on the bundled content, including the cues the content itself carries.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cueFigures, replayFigures, STRATEGIES } from "../../bench/test-wise-learner.js";
import { defaultContentDir, STAGES } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

/** Questions of each kind per stage and lesson (a quiz holds at most 200), over LESSONS lessons. */
const PER_STAGE = 16;
const LESSONS = 3;

/** A lesson whose options give nothing away: equal lengths, no words shared with the question, True and False even. */
function cuelessContent(): string {
  const root = tempDir();
  mkdirSync(join(root, "lessons"));
  mkdirSync(join(root, "quizzes"));
  const stages = STAGES.map((s) => `## ${s.title}\n\nText of stage ${s.stage}.`).join("\n\n");
  for (let l = 0; l < LESSONS; l++) {
    writeFileSync(
      join(root, "lessons", `plain-${l}.md`),
      `---\nid: plain-${l}\ntitle: Plain ${l}\nsummary: No cues.\nsources:\n  - https://example.com/\n---\n\n${stages}\n`,
    );
    const quiz = [`---\nlesson: plain-${l}\n---`];
    for (const { stage } of STAGES) {
      quiz.push(`## Stage ${stage}`);
      for (let i = 0; i < PER_STAGE; i++) {
        quiz.push(
          `### l${l}-s${stage}-single-${i} (single)\n\nWhich one, case ${i}?\n\n- [x] Choice aa${i}\n- [ ] Choice bb${i}\n  > Wrong.\n- [ ] Choice cc${i}\n  > Wrong.\n- [ ] Choice dd${i}\n  > Wrong.\n\n> **Explanation:** Because.`,
          `### l${l}-s${stage}-tf-${i} (true-false)\n\nIs statement ${i} so?\n\n- [${i % 2 ? "x" : " "}] True\n- [${i % 2 ? " " : "x"}] False\n  > Wrong.\n\n> **Explanation:** Because.`,
        );
      }
    }
    writeFileSync(join(root, "quizzes", `plain-${l}.md`), `${quiz.join("\n\n")}\n`);
  }
  return root;
}

describe("test-wise learners", () => {
  it("get no cue above 50% on any stage's first attempt when the content has none", async () => {
    const figures = await cueFigures(cuelessContent());
    expect(figures.map((f) => f.strategy)).toEqual(STRATEGIES);
    for (const f of figures) {
      for (const s of f.byStage) {
        expect(s.asked).toBe(PER_STAGE * LESSONS);
        expect(s.right / s.asked, `${f.strategy} in stage ${s.stage}`).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("get the first shown option right at chance on the bundled content, since options are shuffled", async () => {
    const [first] = await cueFigures(defaultContentDir(), ["first"]);
    const asked = first?.byStage.reduce((n, s) => n + s.asked, 0) ?? 0;
    const right = first?.byStage.reduce((n, s) => n + s.right, 0) ?? 0;
    expect(asked).toBeGreaterThan(100);
    // Chance over the bundled single-choice questions is about 27% (3 to 5 options).
    expect(right / asked).toBeLessThanOrEqual(0.4);
    for (const s of first?.byStage ?? [])
      if (s.asked >= 20) expect(s.right / s.asked).toBeLessThanOrEqual(0.5);
  });

  it("do not pass the bundled stages by replaying feedback: no first attempt, and few within two", async () => {
    const r = await replayFigures(defaultContentDir(), false);
    expect(r.stages).toBe(126);
    expect(r.firstAttempt).toBeLessThanOrEqual(Math.floor(0.1 * r.stages));
    // Stages 1, 3 and 5 have no explain question: feedback there is right or wrong and a misconception only.
    const noExplain = (r.byStage[0] ?? 0) + (r.byStage[2] ?? 0) + (r.byStage[4] ?? 0);
    expect(noExplain).toBeLessThanOrEqual(Math.floor(0.1 * 63));
  });
});
