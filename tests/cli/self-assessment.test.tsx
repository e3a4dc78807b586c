import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOk } from "../helpers/result.js";
import { harnessPerTest, KEY, LEARNER, passStages, type Rendered, renderApp } from "./helpers.js";

const h = harnessPerTest();

/** Covers "The kernel keeps the bytes in a receive buffer" only: 1 of 3, not passed. */
const ONE_POINT = "The kernel keeps the bytes in a receive buffer.";

/** Stage 2's explain question answered with `text`, and the feedback scrolled to its end. */
async function explained(text: string): Promise<Rendered> {
  await passStages(h.tutor, "tcp-reads", 1);
  const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 2 });
  await app.frame("Your explanation");
  await app.type(text);
  await app.press(KEY.ctrlD);
  await app.frame("Key points");
  // The learner reads the feedback to its end; the assessment stays in sight below it.
  await app.press("G");
  await app.frame(
    (f) => f.includes("Next review of this question") && f.includes("How well did you know it?"),
    "both",
  );
  return app;
}

describe("self-assessment after an explain answer (terminal)", () => {
  it("leads the feedback in a terminal too short to keep it below, and the verdicts are in it", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 2 });
    await app.frame("Your explanation");
    app.resize(60, 14);
    await app.type(ONE_POINT);
    await app.press(KEY.ctrlD);
    const top = await app.frame(
      (f) => f.includes("Check yourself") && f.includes("↓ more"),
      "the panel, scrolled",
    );
    expect(top.split("\n").length).toBeLessThan(14);
    expect(top).toContain("› ✘ missed: The network card writes packets into memory");
    await app.press("G");
    await app.frame("Next review of this question");
    await app.press("3");
    await app.frame("You rated your recall Good");
  });

  it("shows each verdict, takes a dispute and a rating, and counts the point on the learner's word", async () => {
    const app = await explained(ONE_POINT);
    const open = await app.frame("Check yourself");
    expect(open).toContain("› ✘ missed: The network card writes packets into memory");
    expect(open).toContain("✔ covered: The kernel keeps the bytes in a receive buffer");
    expect(open).toContain("(enter: Again, as graded)");
    expect(open).toContain("←→ pick a key point · space dispute it · 1-4 rate your");
    await app.press(KEY.space);
    const disputed = await app.frame("you say covered");
    expect(disputed).toContain("✘ missed → you say covered: The network card writes packets into memory");
    expect(disputed).toContain("On your word: 67% of the key points, right (self-assessed, not counted on");
    await app.press("3");
    // The result leads the feedback, scrolled back to the top.
    const done = await app.frame("You rated your recall Good");
    expect(done).toContain("✔ covered (self-assessed): The network card writes packets into memory");
    expect(done).toContain("Your dispute was sent to the lesson's authors.");
    expect(done).toContain("Stage 2 (Articulate) of TCP reads passed!");
    expect(done).not.toContain("How well did you know it?");

    const [entry] = await h.tutor.journal(LEARNER, "tcp-reads");
    expect(entry?.selfAssessment).toMatchObject({
      rating: "good",
      credited: ["The network card writes packets into memory"],
    });
    const [lesson] = await h.tutor.catalog(LEARNER);
    expect(lesson?.stages[1]).toMatchObject({ status: "passed", selfAssessed: true });
    // Enter now goes on, to the summary, which counts the answer right.
    await app.press(KEY.enter);
    const summary = await app.frame("finished");
    expect(summary).toContain("1 of 1 right");
    expect(summary).toContain("Stage 2 is passed.");
  });

  it("moves between points with the arrows and undoes a dispute with space", async () => {
    const app = await explained(ONE_POINT);
    await app.press(KEY.right, KEY.right);
    await app.frame("› ✘ missed: Reading copies the bytes into the process");
    await app.press(KEY.space);
    await app.frame("✘ missed → you say covered: Reading copies");
    await app.press(KEY.space);
    await app.frame((f) => !f.includes("you say covered") && f.includes("› ✘ missed: Reading"), "undone");
    await app.press(KEY.left, KEY.left, KEY.left);
    await app.frame("› ✘ missed: Reading copies the bytes into the process");
  });

  it("says why two disputed points do not count, and still sends them to the authors", async () => {
    const app = await explained(ONE_POINT);
    await app.press(KEY.space, KEY.right, KEY.right, KEY.space);
    const preview = await app.frame("Only 1 missed point can count on your word");
    expect(preview).toMatch(/the\s+grade\s+stands\./);
    // Enter with disputes hands in and shows the result rather than going on.
    await app.press(KEY.enter);
    const done = await app.frame("You rated your recall Again");
    expect(done).toContain("Your disputes were sent to the lesson's authors.");
    expect(done).not.toContain("self-assessed):");
    const report = await h.tutor.disputes();
    expect(report.questions[0]?.points.map((p) => [p.text, p.saidCovered])).toEqual([
      ["Reading copies the bytes into the process", 1],
      ["The network card writes packets into memory", 1],
    ]);
    const file = await readFile(join(h.dataDir, "disputes", "explain-tcp-read.jsonl"), "utf8");
    expect(file.trim().split("\n")).toHaveLength(1);
    expect((await h.tutor.catalog(LEARNER))[0]?.stages[1]?.status).toBe("available");
  });

  it("enter agrees with every verdict, records the suggested rating and goes straight on", async () => {
    const app = await explained(ONE_POINT);
    await app.press(KEY.enter);
    await app.frame("finished");
    expect(await h.tutor.assessment(LEARNER)).toBeUndefined();
    const doc = await h.tutor.store.read(LEARNER);
    expect(doc.journal.at(-1)?.selfAssessment).toMatchObject({ rating: "again", disputed: [], credited: [] });
  });

  it("shows the engine's refusal when the answer was assessed elsewhere, and lets the learner go on", async () => {
    const app = await explained(ONE_POINT);
    // Another terminal (or the bot) assessed it first.
    expectOk(await h.tutor.selfAssess(LEARNER, "explain-tcp-read", { disputed: [], rating: "hard" }));
    await app.press("4");
    await app.frame("You have already assessed that answer.");
    await app.press(KEY.enter);
    await app.frame("finished");
    expect((await h.tutor.store.read(LEARNER)).journal.at(-1)?.selfAssessment?.rating).toBe("hard");
  });
});
