// The "done when": a learner takes a lesson from stage 1 to stage 6 in the terminal, with keys only,
// and the progress is there the next time the app starts.
import { expect, it } from "vitest";
import { stageTitle } from "../../engine/index.js";
import { answerRightByKeys, harnessPerTest, KEY, LEARNER, renderApp } from "./helpers.js";

const h = harnessPerTest();

it("takes a lesson from stage 1 to stage 6 with the keys, and the progress is there on the next start", async () => {
  const app = renderApp(h.tutor);
  await app.frame("▶ Continue: Read stage 1 (Understand) of TCP reads.");
  await app.press(KEY.enter);
  for (const stage of [1, 2, 3, 4, 5, 6] as const) {
    // The reader on this stage; enter starts its questions.
    await app.frame(`${stage}. ${stageTitle(stage)}`);
    await app.press(KEY.enter);
    const total = h.tutor.questionsFor("tcp-reads", stage).length;
    for (let n = 1; n <= total; n++) {
      await app.frame(`question ${n} of ${total}`);
      await answerRightByKeys(app, h.tutor);
      await app.frame("✔");
      if (n === total) {
        // The feedback quotes a sentence per key point, with the self-assessment below: scroll to the stage result.
        await app.press("G");
        for (let i = 0; i < 20 && !(app.lastFrame() ?? "").includes("★"); i++) await app.press(KEY.down);
        const passed = await app.frame("★");
        expect(passed).toContain(`Stage ${stage} (${stageTitle(stage)}) of TCP reads passed!`);
      }
      await app.press(KEY.enter);
    }
    const summary = await app.frame(`${total} of ${total} right`);
    if (stage < 6) {
      expect(summary).toContain(`enter read stage ${stage + 1}`);
    } else {
      expect(summary).toContain("All six stages done: the lesson is complete.");
    }
    await app.press(KEY.enter);
  }
  await app.frame("Six stages tutor");
  app.unmount();

  // The next start: a new engine over the same data folder.
  const tutor = await h.reopen();
  const next = renderApp(tutor);
  const home = await next.frame("TCP reads");
  expect(home).toMatch(/■■■■■■ 6\/6 TCP reads/);
  expect(home).toContain("Continue: Read stage 1 (Understand) of Torn pages");
  const journal = await tutor.journal(LEARNER, "tcp-reads");
  expect(journal.map((e) => e.kind)).toEqual(["explanation", "design", "reflection"]);
});
