import { describe, expect, it } from "vitest";
import { harnessPerTest, KEY, LEARNER, passStages, renderApp } from "./helpers.js";

const h = harnessPerTest();

describe("lesson reader", () => {
  it("renders the stage's markdown for the terminal, paged to the terminal's height", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    const first = await app.frame("TCP-READS-STAGE-ONE");
    // The sub-heading is rendered (no markdown hashes), the code block kept as written.
    expect(first).toContain("The receive path");
    expect(first).not.toContain("### The receive path");
    expect(first).toContain("NIC -> ring buffer -> skb");
    // The stage is longer than one page: its end is not on screen yet.
    expect(first).not.toContain("END-OF-STAGE-ONE");
    expect(first).toMatch(/lines 1–\d+ of \d+/);
    // The frame fits the terminal's 24 rows.
    expect(first.split("\n").length).toBeLessThan(24);

    await app.press(KEY.space);
    const second = await app.frame((f) => !f.includes("TCP-READS-STAGE-ONE"), "the second page");
    expect(second).toMatch(/lines \d+–\d+ of \d+/);
    await app.press("G");
    const last = await app.frame("END-OF-STAGE-ONE");
    expect(last).toContain("end of stage: enter for its 2 questions");
    await app.press("g");
    await app.frame("TCP-READS-STAGE-ONE");
  });

  it("marks the stage read, so continue moves on to its questions", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    await app.frame("TCP-READS-STAGE-ONE");
    const next = await h.tutor.nextStep(LEARNER);
    expect(next.kind).toBe("quiz");
  });

  it("reads ahead into a locked stage, whose questions stay locked, without moving 'continue'", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    await app.frame("TCP-READS-STAGE-ONE");
    const before = await h.tutor.nextStep(LEARNER);
    await app.press(KEY.right);
    await app.frame("2. Articulate");
    await app.press("G");
    await app.frame("its questions open when stage 1 is passed");
    await app.press(KEY.enter);
    const frame = await app.frame("Reading ahead");
    expect(frame).toContain("the stage 2 questions open when stage 1 is passed");
    expect(frame).toContain("2. Articulate");
    // Paging on is moving on: the note goes.
    await app.press("g");
    await app.frame((f) => !f.includes("Reading ahead"), "the note gone after paging");
    expect(await h.tutor.nextStep(LEARNER)).toEqual(before);
  });

  it("moves between unlocked stages with the arrows and number keys", async () => {
    await passStages(h.tutor, "tcp-reads", 2);
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads", stage: 1 });
    await app.frame("TCP-READS-STAGE-ONE");
    await app.press(KEY.right);
    expect(await app.frame("TCP-READS-STAGE-TWO")).toContain("2. Articulate");
    await app.press("3");
    expect(await app.frame("TCP-READS-STAGE-THREE")).toContain("3. Limitations");
    await app.press(KEY.left);
    await app.frame("TCP-READS-STAGE-TWO");
  });

  it("starts the stage's questions on enter", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    await app.frame("TCP-READS-STAGE-ONE");
    await app.press(KEY.enter);
    const frame = await app.frame("question 1 of 2");
    expect(frame).toContain("What does recv() do on a connected TCP socket?");
  });

  it("re-pages when the terminal is resized to 60 columns", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    await app.frame("TCP-READS-STAGE-ONE");
    app.resize(60, 16);
    // Outside CI, Ink first redraws the old page at the new width, then the screen re-pages for 16 rows.
    const frame = await app.frame(
      (f) =>
        f.split("\n").every((l) => l.length <= 60) &&
        f.includes("TCP-READS-STAGE-ONE") &&
        f.split("\n").length < 16,
      "a 60-column page of fewer than 16 rows",
    );
    expect(frame.split("\n").length).toBeLessThan(16);
    expect(frame).toContain("esc");
  });
});
