// "Carry on" with no lesson named is one engine rule that the terminal app and the bot both call.
import { describe, expect, it } from "vitest";
import type { Tutor } from "../../engine/index.js";
import { rightResponse } from "../helpers/answers.js";
import { clock, openTutor } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";

/** Answers the learner's current question right, as it is shown. */
async function rightNow(tutor: Tutor, learner: string) {
  const q = (await tutor.current(learner))?.question;
  if (!q) throw new Error("no current question");
  return expectOk(await tutor.answer(learner, { questionId: q.id, response: rightResponse(q) }));
}

async function passStage1(tutor: Tutor, learner: string) {
  expectOk(await tutor.startQuiz(learner, "tcp-basics", 1));
  let last = await rightNow(tutor, learner);
  while (!last.quiz.done) last = await rightNow(tutor, learner);
  return last;
}

describe("resumeQuiz", () => {
  it("starts the next step's stage quiz when nothing is in progress, saying to read first when unread", async () => {
    const tutor = await openTutor();
    const resumed = expectOk(await tutor.resumeQuiz("ana"));
    expect(resumed.kind).toBe("started");
    expect(resumed.next).toMatchObject({ kind: "read", lessonId: "tcp-basics", stage: 1 });
    expect(resumed.kind !== "nothing" && resumed.quiz).toMatchObject({
      mode: "quiz",
      lessonId: "tcp-basics",
      stage: 1,
      index: 0,
    });
    // It was started in the store: the session is there for the next call.
    expect(await tutor.current("ana")).toMatchObject({ lessonId: "tcp-basics", stage: 1, index: 0 });
  });

  it("continues the quiz in progress at the question reached, without starting it again", async () => {
    const tutor = await openTutor();
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    await rightNow(tutor, "ana");
    const resumed = expectOk(await tutor.resumeQuiz("ana", { reviews: false }));
    expect(resumed.kind).toBe("continued");
    expect(resumed.kind !== "nothing" && resumed.quiz).toMatchObject({
      index: 1,
      results: [{ correct: true }],
    });
    expect(resumed.next.message).toMatch(/^Continue the stage 1 quiz of .+: question 2 of 3\.$/);
  });

  it("takes due reviews first unless told to pass them over", async () => {
    const time = clock("2026-01-05T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    await passStage1(tutor, "ana");
    time.advanceDays(60);
    const review = expectOk(await tutor.resumeQuiz("ana"));
    expect(review.kind).toBe("review");
    expect(review.kind !== "nothing" && review.quiz.mode).toBe("review");
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 2));
    await tutor.endSession("ana");
    const learn = expectOk(await tutor.resumeQuiz("ana", { reviews: false }));
    expect(learn.kind).toBe("started");
    expect(learn.kind !== "nothing" && learn.quiz).toMatchObject({
      mode: "quiz",
      lessonId: "tcp-basics",
      stage: 2,
    });
  });

  it("takes another stage of the next lesson when asked, and refuses a locked one", async () => {
    const tutor = await openTutor();
    await passStage1(tutor, "ana");
    const first = expectOk(await tutor.resumeQuiz("ana", { reviews: false, stage: 1 }));
    expect(first.kind !== "nothing" && first.quiz).toMatchObject({ lessonId: "tcp-basics", stage: 1 });
    await tutor.endSession("ana");
    expectRefusal(await tutor.resumeQuiz("ana", { reviews: false, stage: 4 }), "stage-locked");
  });

  it("starts nothing when every stage of every lesson is passed", async () => {
    const tutor = await openTutor();
    await tutor.store.update("ana", (doc) => {
      for (const lesson of tutor.lessons()) {
        doc.passed[lesson.id] = Object.fromEntries(
          [1, 2, 3, 4, 5, 6].map((s) => [s, "2026-01-01T00:00:00Z"]),
        );
      }
    });
    const resumed = expectOk(await tutor.resumeQuiz("ana", { reviews: false }));
    expect(resumed).toMatchObject({ kind: "nothing", next: { kind: "done" } });
    expect(await tutor.current("ana")).toBeUndefined();
  });
});

describe("resumeReview", () => {
  it("continues the review in progress rather than starting it over, and says when nothing is due", async () => {
    const time = clock("2026-01-05T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    expectRefusal(await tutor.resumeReview("ana"), "nothing-due");
    await passStage1(tutor, "ana");
    // Nothing due yet: the refusal says when the first card falls due.
    const notYet = expectRefusal(await tutor.resumeReview("ana"), "nothing-due");
    const doc = await tutor.store.read("ana");
    const earliest = Object.values(doc.cards)
      .map((card) => card.due)
      .sort()[0];
    expect(notYet.nextDue).toBe(earliest);
    expect(Date.parse(notYet.nextDue ?? "")).toBeGreaterThan(time.now().getTime());
    time.advanceDays(60);
    const started = expectOk(await tutor.resumeReview("ana"));
    expect(started).toMatchObject({ mode: "review", index: 0, total: 3 });
    const first = started.question;
    if (!first) throw new Error("the review has no question");
    expectOk(await tutor.answer("ana", { questionId: first.id, response: rightResponse(first) }));
    const resumed = expectOk(await tutor.resumeReview("ana"));
    expect(resumed).toMatchObject({ mode: "review", index: 1, results: [{ questionId: first.id }] });
  });
});

describe("where to go on after an answer", () => {
  it("names the stage just unlocked, and none while the stage after is locked", async () => {
    const time = clock("2026-01-05T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    const early = await rightNow(tutor, "ana");
    expect(early.stage.nextStage).toBeUndefined();
    // Ending the round leaves it missed for today: a fresh attempt is the next study day's.
    await tutor.endSession("ana");
    time.advanceDays(1);
    const passed = await passStage1(tutor, "ana");
    expect(passed.stage).toMatchObject({ passedNow: true, nextStage: 2 });
  });
});
