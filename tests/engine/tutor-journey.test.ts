import { describe, expect, it, vi } from "vitest";
import type { Question, Response, Tutor } from "../../engine/index.js";
import { rightResponse, wrongResponse } from "../helpers/answers.js";
import { clock, openTutor } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";

const RIGHT: Record<string, Response> = {
  "basics-recv": { kind: "choice", selected: [0] },
  "basics-order": { kind: "order", order: [0, 1, 2, 3] },
  "basics-syscall": { kind: "text", text: "accept" },
  "basics-explain": {
    kind: "text",
    text: "The handshake is done by the kernel; connections wait in a queue; recv copies into user space.",
  },
  "basics-tf": { kind: "choice", selected: [0] },
  "basics-multi": { kind: "choice", selected: [0, 1] },
  "basics-numeric": { kind: "text", text: "4096" },
  "basics-reflect": { kind: "text", text: "Plain recv is simple and fine for a small message." },
};

/** A right response to the question as shown: choice and order by the shown question, text from RIGHT. */
const right = (q: Question): Response =>
  RIGHT[q.id] && q.type !== "order" && !("options" in q) ? (RIGHT[q.id] as Response) : rightResponse(q);

/** Answers the learner's current question, right or wrong. */
async function answerNow(tutor: Tutor, learner: string, isRight: boolean) {
  const q = (await tutor.current(learner))?.question;
  if (!q) throw new Error("no current question");
  return expectOk(
    await tutor.answer(learner, { questionId: q.id, response: isRight ? right(q) : wrongResponse(q) }),
  );
}

async function passStage(tutor: Tutor, learner: string, lessonId: string, stage: number) {
  let question = expectOk(await tutor.startQuiz(learner, lessonId, stage)).question;
  let last: Awaited<ReturnType<Tutor["answer"]>> | undefined;
  while (question) {
    last = await tutor.answer(learner, { questionId: question.id, response: right(question) });
    question = expectOk(last).quiz.question;
  }
  return last;
}

describe("the six-stage journey", () => {
  it("starts with stage 1 available and the rest locked", async () => {
    const tutor = await openTutor();
    const [basics] = await tutor.catalog("ana");
    expect(basics?.stages.map((s) => s.status)).toEqual([
      "available",
      "locked",
      "locked",
      "locked",
      "locked",
      "locked",
    ]);
    expect(basics?.currentStage).toBe(1);
    const locked = await tutor.startQuiz("ana", "tcp-basics", 3);
    expectRefusal(locked, "stage-locked");
    expect(locked).toMatchObject({ message: expect.stringContaining("questions of") });
    expectRefusal(await tutor.openStage("ana", "tcp-basics", 9), "unknown-stage");
  });

  it("lets a locked stage be read, keeps its quiz gated, and records no reading of it", async () => {
    const tutor = await openTutor();
    const view = expectOk(await tutor.openStage("ana", "tcp-basics", 3));
    expect(view).toMatchObject({ stage: 3, status: "locked" });
    expect(view.markdown.length).toBeGreaterThan(0);
    expectRefusal(await tutor.startQuiz("ana", "tcp-basics", 3), "stage-locked");
    const [basics] = await tutor.catalog("ana");
    expect(basics?.stages[2]?.read).toBe(false);
  });

  it("does not move 'continue' to a stage opened to look at", async () => {
    const tutor = await openTutor();
    const lessons = await tutor.catalog("ana");
    const [first, other] = lessons;
    if (!first || !other) throw new Error("the fixture has two lessons");
    expectOk(await tutor.startQuiz("ana", first.id));
    await tutor.endSession("ana");
    const before = await tutor.nextStep("ana", { reviews: false });
    expect(before).toMatchObject({ lessonId: first.id });
    expectOk(await tutor.openStage("ana", other.id, 1));
    expectOk(await tutor.openStage("ana", other.id, 4));
    expect(await tutor.nextStep("ana", { reviews: false })).toEqual(before);
  });

  it("passes a stage at the pass mark and unlocks the next, once", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    const quiz = await tutor.startQuiz("ana", "tcp-basics");
    expect(expectOk(quiz)).toMatchObject({ stage: 1, index: 0, total: 3, done: false });
    const wrong = await answerNow(tutor, "ana", false);
    expect(wrong.stage).toMatchObject({ passedNow: false, after: "available" });
    await answerNow(tutor, "ana", true);
    const third = await answerNow(tutor, "ana", true);
    // 2 of 3 right is below 80%: not passed, and the quiz is over.
    expect(third.stage.passedNow).toBe(false);
    expect(third.quiz).toMatchObject({
      done: true,
      index: 3,
      results: [{ correct: false }, { correct: true }, { correct: true }],
      attempt: { state: "missed", right: 2, needed: 3 },
    });
    expect(await tutor.current("ana")).toBeUndefined();

    // Starting again the same day is the retry of the missed question: practice, it passes nothing.
    const retry = expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    expect(retry).toMatchObject({ round: "retry", total: 1 });
    const fixed = await answerNow(tutor, "ana", true);
    expect(fixed.stage).toMatchObject({ passedNow: false, after: "available" });
    expectRefusal(await tutor.startQuiz("ana", "tcp-basics", 1), "try-later");

    // The next study day: a fresh attempt, judged on its own; all three right passes at the third.
    time.advanceDays(1);
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    for (let i = 0; i < 2; i++) expect((await answerNow(tutor, "ana", true)).stage.passedNow).toBe(false);
    const passing = await answerNow(tutor, "ana", true);
    expect(passing.stage).toMatchObject({
      passedNow: true,
      unlocked: 2,
      after: "passed",
      before: "available",
    });
    const statuses = (await tutor.catalog("ana"))[0]?.stages.map((s) => s.status);
    expect(statuses).toEqual(["passed", "available", "locked", "locked", "locked", "locked"]);
    // A passed stage can be practised: it stays passed and unlocks nothing again.
    expect(expectOk(await tutor.startQuiz("ana", "tcp-basics", 1)).round).toBe("practice");
    const again = await answerNow(tutor, "ana", true);
    expect(again.stage).toMatchObject({ passedNow: false, before: "passed", after: "passed" });
    expect(again.stage.unlocked).toBeUndefined();
  });

  it("counts the right answers a stage needs from the pass mark", async () => {
    const strict = await openTutor();
    expect((await strict.catalog("ana"))[0]?.stages[0]).toMatchObject({ total: 3, needed: 3 });
    const lenient = await openTutor({ passMark: 0.6 });
    expect((await lenient.catalog("ana"))[0]?.stages[0]).toMatchObject({ total: 3, needed: 2 });
    await lenient.startQuiz("ana", "tcp-basics", 1);
    await answerNow(lenient, "ana", true);
    const second = await answerNow(lenient, "ana", true);
    expect(second.stage).toMatchObject({ passedNow: true, unlocked: 2 });
  });

  it("keeps a passed stage passed after a later wrong answer", async () => {
    const tutor = await openTutor();
    await passStage(tutor, "ana", "tcp-basics", 1);
    await tutor.startQuiz("ana", "tcp-basics", 1);
    await answerNow(tutor, "ana", false);
    expect((await tutor.catalog("ana"))[0]?.stages[0]?.status).toBe("passed");
  });

  it("takes a lesson from stage 1 to 6, journals stages 2 and 6, and shows then and now", async () => {
    const tutor = await openTutor();
    let last: Awaited<ReturnType<typeof passStage>>;
    for (let stage = 1; stage <= 6; stage++) last = await passStage(tutor, "ana", "tcp-basics", stage);
    expect(expectOk(last).stage).toMatchObject({ passedNow: true, lessonCompleted: true });
    expect(expectOk(last).stage.unlocked).toBeUndefined();
    const journal = await tutor.journal("ana", "tcp-basics");
    expect(journal.map((e) => [e.stage, e.kind, e.questionId])).toEqual([
      [2, "explanation", "basics-explain"],
      [6, "reflection", "basics-reflect"],
    ]);
    expect(journal[0]?.covered).toHaveLength(3);
    const { then, now } = await tutor.thenAndNow("ana", "tcp-basics");
    expect(then?.text).toContain("handshake");
    expect(now?.text).toContain("small message");
    const catalog = await tutor.catalog("ana");
    expect(catalog.map((e) => [e.id, e.completed, e.prerequisitesMet])).toEqual([
      ["tcp-basics", true, true],
      ["tcp-advanced", false, true],
    ]);
  });

  it("refuses a stale question and an answer without a quiz, and skips invalid responses without recording", async () => {
    const tutor = await openTutor();
    expectRefusal(
      await tutor.answer("ana", { questionId: "basics-recv", response: RIGHT["basics-recv"] as Response }),
      "no-session",
    );
    const first = expectOk(await tutor.startQuiz("ana", "tcp-basics", 1)).question as Question;
    const other = ["basics-recv", "basics-order", "basics-syscall"].find((id) => id !== first.id) as string;
    const stale = await tutor.answer("ana", { questionId: other, response: RIGHT[other] as Response });
    expect(stale).toMatchObject({ ok: false, code: "stale-question", current: { index: 0 } });
    expect(expectRefusal(stale, "stale-question").current?.question?.id).toBe(first.id);
    const invalid = await tutor.answer("ana", {
      questionId: first.id,
      response:
        first.type === "order"
          ? { kind: "order", order: [] }
          : first.type === "short"
            ? { kind: "text", text: " " }
            : { kind: "choice", selected: [] },
    });
    expect(expectOk(invalid).grade.invalid).toMatch(
      /^(choose an option|arrange all 4 items, each once|type an answer)$/,
    );
    expect((await tutor.current("ana"))?.index).toBe(0);
    expect((await tutor.progress("ana")).answers).toBe(0);
    expectRefusal(
      await tutor.answer("ana", { questionId: "nope", response: RIGHT["basics-recv"] as Response }),
      "unknown-question",
    );
  });

  it("finds a lesson by part of its id or title, lists several matches, and suggests the closest id for a typo", async () => {
    const tutor = await openTutor();
    expect(tutor.findLesson("tcp-basiks")).toMatchObject({
      ok: false,
      code: "unknown-lesson",
      suggestion: "tcp-basics",
    });
    expect(tutor.findLesson("tcp basic")).toMatchObject({ ok: true, value: { id: "tcp-basics" } });
    expect(tutor.findLesson("TCP")).toMatchObject({
      ok: false,
      code: "unknown-lesson",
      message: "`TCP` matches 2 lessons: tcp-basics, tcp-advanced. Name one of them.",
    });
    expect(tutor.findLesson("advanced")).toMatchObject({ ok: true, value: { id: "tcp-advanced" } });
    expect(tutor.findLesson("zzzzzzzzzzzzzzzzzzzzzzzz")).toMatchObject({ ok: false });
    expect(
      (tutor.findLesson("zzzzzzzzzzzzzzzzzzzzzzzz") as { suggestion?: string }).suggestion,
    ).toBeUndefined();
  });
});

describe("what to do next", () => {
  it("gives a home screen's overview in one read, the same as the catalog, next step and progress", async () => {
    const tutor = await openTutor();
    await passStage(tutor, "ana", "tcp-basics", 1);
    await tutor.startQuiz("ana", "tcp-basics", 2);
    const reads = vi.spyOn(tutor.store, "read");
    const overview = await tutor.overview("ana");
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    const progress = await tutor.progress("ana");
    expect(overview).toEqual({
      catalog: await tutor.catalog("ana"),
      next: await tutor.nextStep("ana"),
      streak: progress.streak,
      dueNow: progress.dueNow,
    });
    expect(overview.next.kind).toBe("continue-quiz");
    expect(overview.streak.current).toBe(1);
  });

  it("reads, then quizzes, then continues a quiz, then reviews", async () => {
    const c = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: c.now });
    expect(await tutor.nextStep("ana")).toMatchObject({ kind: "read", lessonId: "tcp-basics", stage: 1 });
    await tutor.openStage("ana", "tcp-basics");
    expect(await tutor.nextStep("ana")).toMatchObject({ kind: "quiz", lessonId: "tcp-basics", stage: 1 });
    await tutor.startQuiz("ana", "tcp-basics");
    await answerNow(tutor, "ana", true);
    expect(await tutor.nextStep("ana")).toMatchObject({ kind: "continue-quiz", quiz: { index: 1 } });
    await tutor.endSession("ana");
    c.advanceDays(7);
    expect(await tutor.nextStep("ana")).toMatchObject({ kind: "review", due: 1 });
    // Asked only what to learn next, it passes over the reviews.
    expect(await tutor.nextStep("ana", { reviews: false })).toMatchObject({
      kind: "quiz",
      lessonId: "tcp-basics",
      stage: 1,
    });
  });
});
