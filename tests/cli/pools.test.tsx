// Question pools in the terminal app: stage 1 of the fixture lesson gets a pool of 9, and the reader, the quiz
// header and the summary speak of the 5 questions an attempt draws, not of the pool.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { Tutor } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";
import { answerRightByKeys, FIXTURES, KEY, renderApp } from "./helpers.js";

afterEach(() => cleanup());

const EXTRA = 7;

/** The CLI fixtures with seven more single-choice questions in stage 1 of tcp-reads: a pool of 9. */
async function poolTutor(): Promise<Tutor> {
  const root = tempDir("tutor-cli-pools-");
  cpSync(FIXTURES, root, { recursive: true });
  const file = join(root, "quizzes/tcp-reads.md");
  const extra = Array.from(
    { length: EXTRA },
    (_, i) =>
      `### pool-extra-${i} (single)\n\nPOOL-EXTRA-${i}: pick the right one.\n\n- [ ] Wrong\n  > Because.\n- [x] Right\n\n> **Explanation:** Because.\n`,
  ).join("\n");
  writeFileSync(file, readFileSync(file, "utf8").replace("## Stage 2", `${extra}\n## Stage 2`));
  const tutor = await Tutor.open({ contentDir: root, dataDir: tempDir(), llm: false });
  return tutor;
}

describe("a stage with a pool of 9", () => {
  it("the reader says an attempt asks 5 of its 9 questions", async () => {
    const tutor = await poolTutor();
    const app = renderApp(tutor, { name: "reader", lessonId: "tcp-reads" });
    await app.frame("TCP-READS-STAGE-ONE");
    await app.press("G");
    expect(await app.frame("END-OF-STAGE-ONE")).toContain("end of stage: enter for 5 of its 9 questions");
    await tutor.close();
  });

  it("the quiz counts the 5 questions drawn, to a summary of 5", async () => {
    const tutor = await poolTutor();
    const app = renderApp(tutor, { name: "quiz", lessonId: "tcp-reads", stage: 1 });
    for (let k = 1; k <= 5; k++) {
      expect(await app.frame(`question ${k} of 5`)).not.toContain("of 9");
      await answerRightByKeys(app, tutor);
      await app.frame("✔");
      await app.press(KEY.enter);
    }
    const summary = await app.frame("5 of 5 right");
    expect(summary).toContain("finished");
    await tutor.close();
  });
});
