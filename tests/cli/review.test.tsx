import { describe, expect, it } from "vitest";
import { expectOk } from "../helpers/result.js";
import { harnessPerTest, KEY, LEARNER, passStages, renderApp } from "./helpers.js";

const h = harnessPerTest();

describe("review", () => {
  it("takes a due card, shows the next due date after the answer, and ends with a summary", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    // Forty days later both stage-1 cards are due.
    const later = new Date(Date.now() + 40 * 86_400_000);
    const tutor = await h.reopen(() => later);
    const app = renderApp(tutor, { name: "review" }, () => later);
    const first = await app.frame("question 1 of 2");
    expect(first).toContain("Review");
    expect(first).toContain("TCP reads · stage 1");
    const current = await tutor.current(LEARNER);
    expect(current?.mode).toBe("review");
    const q = current?.question;
    if (!q || !("options" in q)) throw new Error("expected a choice question first");
    const right = q.options.findIndex((o) => o.correct);
    await app.press(String(right + 1));
    if (q.type === "multiple") {
      for (const [i, o] of q.options.entries()) if (o.correct && i !== right) await app.press(String(i + 1));
    }
    await app.press(KEY.enter);
    const answered = await app.frame("✔ Right");
    // After a right review the card comes back later than the day it was reviewed.
    expect(answered).toMatch(/Next review of this question: (tomorrow|in \d+ days) \(/);
    const card = (await tutor.progress(LEARNER)).dueNow;
    expect(card).toBe(1);
    await app.press(KEY.enter);
    await app.frame("question 2 of 2");
  });

  it("says at the end how many reviews are still due, and r reviews them", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const later = new Date(Date.now() + 40 * 86_400_000);
    const tutor = await h.reopen(() => later);
    // A session of one card, as a capped session leaves the rest for later; the app resumes it.
    const started = await tutor.startReview(LEARNER, 1);
    const q = expectOk(started).question;
    if (!q || !("options" in q)) throw new Error("expected a choice question");
    const app = renderApp(tutor, { name: "resume" }, () => later);
    await app.frame("question 1 of 1");
    // A wrong answer: the summary is the same either way.
    const wrong = q.options.findIndex((o) => !o.correct);
    await app.press(String(wrong + 1));
    await app.press(KEY.enter);
    await app.frame("✘");
    await app.press(KEY.enter);
    const summary = await app.frame("1 more review is due.");
    expect(summary).toContain("r review more");
    await app.press("r");
    const next = await app.frame("question 1 of 1");
    expect(next).toContain("Review");
    expect((await tutor.current(LEARNER))?.question?.id).not.toBe(q.id);
  });

  it("says when the next review is due when nothing is due now", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, { name: "review" });
    const frame = await app.frame("No reviews are due");
    expect(frame).toMatch(/The next review is due (later today|tomorrow|in \d+ days)/);
  });

  it("says when nothing is due", async () => {
    const app = renderApp(h.tutor, { name: "review" });
    const frame = await app.frame("No reviews are due");
    expect(frame).toContain("esc home");
    await app.press(KEY.escape);
    await app.frame("Six stages tutor");
  });
});
