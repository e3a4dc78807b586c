import { appendFile, cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judgeSelfAssessment, type Response, type Tutor } from "../../engine/index.js";
import { answerNow, rightResponse } from "../helpers/answers.js";
import { clock, FIXTURE_CONTENT, historyOf, openTutor, tempDir } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";

const GUILD = "900000000000000001";
/** Covers the first of basics-explain's three key points only: 1 of 3, below the 60% pass. */
const ONE_POINT = "The kernel completes the handshake before my program sees anything.";
/** On the topic, but covers none of them. */
const NOTHING = "A request reaches my code through the network card, and my code then handles the request.";
const TWO_POINTS = "The kernel completes the handshake. Then the connections wait in a queue.";

/** Passes stage 1 (its questions come shuffled: each is answered as shown) and starts stage 2's quiz. */
async function toStageTwo(tutor: Tutor, learner: string) {
  let quiz = expectOk(await tutor.startQuiz(learner, "tcp-basics", 1));
  while (quiz.question) {
    const question = quiz.question;
    quiz = expectOk(
      await tutor.answer(learner, {
        questionId: question.id,
        response: rightResponse(question),
        guildId: GUILD,
      }),
    ).quiz;
  }
  expectOk(await tutor.startQuiz(learner, "tcp-basics", 2));
}

async function explain(tutor: Tutor, learner: string, text: string) {
  return expectOk(
    await tutor.answer(learner, {
      questionId: "basics-explain",
      response: { kind: "text", text },
      guildId: GUILD,
    }),
  );
}

describe("self-assessment of an explain answer", () => {
  it("opens after an explain answer with the grader's verdicts and a suggested rating, and not after others", async () => {
    const tutor = await openTutor({ now: clock("2026-03-02T10:00:00Z").now });
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    const choice = await answerNow(tutor, "ana", true);
    expect(choice.question.type).not.toBe("explain");
    expect(choice.assessment).toBeUndefined();
    await toStageTwo(tutor, "ana");
    const outcome = await explain(tutor, "ana", ONE_POINT);
    expect(outcome.grade.correct).toBe(false);
    expect(outcome.assessment).toEqual({
      questionId: "basics-explain",
      lessonId: "tcp-basics",
      stage: 2,
      mode: "quiz",
      keyPoints: [
        { text: "The kernel completes the handshake", covered: true },
        { text: "Connections wait in a queue", covered: false },
        { text: "Reading copies from the kernel to the process", covered: false },
      ],
      flags: [],
      correct: false,
      score: 1 / 3,
      suggested: "again",
      maxCredited: 1,
    });
    expect(await tutor.assessment("ana")).toEqual(outcome.assessment);
  });

  it("counts one disputed missed point as covered: the stage passes for the learner, never for the leaderboard", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", ONE_POINT);
    time.set("2026-03-02T10:05:00Z");
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [1], rating: "good" }),
    );
    expect(assessed).toMatchObject({
      rating: "good",
      disputed: [{ text: "Connections wait in a queue", covered: false }],
      credited: ["Connections wait in a queue"],
      correct: true,
      graderCorrect: false,
      score: 2 / 3,
    });
    expect(assessed.blocked).toBeUndefined();
    expect(assessed.stage).toMatchObject({ stage: 2, passedNow: true, after: "passed", unlocked: 3 });
    expect(assessed.stage.progress).toMatchObject({ status: "passed", correct: 1, selfAssessed: true });
    expect(assessed.quiz).toMatchObject({
      done: true,
      results: [{ questionId: "basics-explain", correct: true, selfAssessed: true }],
    });

    const [basics] = await tutor.catalog("ana");
    expect(basics?.stages[1]).toMatchObject({ status: "passed", selfAssessed: true });
    expect(basics?.stages[0]?.selfAssessed).toBeUndefined();
    const [entry] = await tutor.journal("ana", "tcp-basics");
    expect(entry?.selfAssessment).toEqual({
      at: "2026-03-02T10:05:00.000Z",
      rating: "good",
      disputed: [{ text: "Connections wait in a queue", covered: false }],
      credited: ["Connections wait in a queue"],
    });
    // The log keeps the grader's verdict; the learner's own progress counts their word.
    expect((await historyOf(tutor, "ana")).at(-1)).toMatchObject({
      questionId: "basics-explain",
      correct: false,
    });
    expect((await tutor.store.read("ana")).questions["basics-explain"]?.last).toBe(true);

    // Leaderboards: the grader's verdict (no XP for the explain answer) and only stage 1 passed.
    const [row] = await tutor.leaderboard({ guildId: GUILD, period: "all" });
    expect(row).toEqual({ learnerId: "ana", xp: 30, answers: 4, correct: 3, stagesPassed: 1 });
    // Their own progress: the stage counts.
    expect((await tutor.progress("ana")).stagesPassed).toBe(2);
  });

  it("schedules the review on the learner's rating instead of the automatic one", async () => {
    const at = "2026-03-02T10:00:00Z";
    const tutor = await openTutor({ now: clock(at).now });
    const due: Record<string, number> = {};
    for (const rating of ["again", "hard", "good", "easy"] as const) {
      await toStageTwo(tutor, rating);
      const outcome = await explain(tutor, rating, TWO_POINTS);
      expect(outcome.grade.correct).toBe(true);
      expect(outcome.assessment?.suggested).toBe("good");
      const assessed = expectOk(await tutor.selfAssess(rating, "basics-explain", { disputed: [], rating }));
      due[rating] = assessed.nextDue.getTime();
      if (rating === "good") expect(assessed.nextDue).toEqual(outcome.nextDue);
    }
    expect(due.again).toBeLessThan(due.hard as number);
    expect(due.hard).toBeLessThan(due.good as number);
    expect(due.good).toBeLessThan(due.easy as number);
    const doc = await tutor.store.read("easy");
    expect(doc.cards["basics-explain"]?.due).toBe(new Date(due.easy as number).toISOString());
    expect(doc.questions["basics-explain"]?.last).toBe(true);
  });

  it("credits nothing when more than one missed point is disputed, and still records the disputes", async () => {
    const tutor = await openTutor();
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", ONE_POINT);
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [2, 1, 1, 9], rating: "hard" }),
    );
    expect(assessed).toMatchObject({ credited: [], blocked: "too-many", correct: false });
    expect(assessed.disputed.map((d) => d.text)).toEqual([
      "Connections wait in a queue",
      "Reading copies from the kernel to the process",
    ]);
    expect(assessed.stage.passedNow).toBe(false);
    expect((await tutor.store.read("ana")).questions["basics-explain"]?.last).toBe(false);
    const report = await tutor.disputes();
    expect(report.questions).toEqual([
      {
        questionId: "basics-explain",
        lessonId: "tcp-basics",
        assessments: 1,
        points: [
          {
            text: "Connections wait in a queue",
            saidCovered: 1,
            saidMissed: 0,
            onFlagged: 0,
            examples: [ONE_POINT],
          },
          {
            text: "Reading copies from the kernel to the process",
            saidCovered: 1,
            saidMissed: 0,
            onFlagged: 0,
            examples: [ONE_POINT],
          },
        ],
      },
    ]);
  });

  it("credits nothing on an answer that covers no key point", async () => {
    const tutor = await openTutor();
    await toStageTwo(tutor, "ana");
    const outcome = await explain(tutor, "ana", NOTHING);
    expect(outcome.assessment?.locked).toBe("nothing-covered");
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [0], rating: "good" }),
    );
    expect(assessed).toMatchObject({ credited: [], blocked: "nothing-covered", correct: false });
    expect((await tutor.catalog("ana"))[0]?.stages[1]?.status).toBe("available");
  });

  it("records a disputed covered point for the authors without lowering the grade", async () => {
    const tutor = await openTutor();
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", TWO_POINTS);
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [0], rating: "again" }),
    );
    expect(assessed).toMatchObject({ credited: [], correct: true, score: 2 / 3 });
    expect(assessed.blocked).toBeUndefined();
    const [question] = (await tutor.disputes()).questions;
    expect(question?.points).toEqual([
      expect.objectContaining({ text: "The kernel completes the handshake", saidCovered: 0, saidMissed: 1 }),
    ]);
  });

  it("is open once, until the next answer, for the latest explain answer only", async () => {
    const tutor = await openTutor();
    expectRefusal(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [], rating: "good" }),
      "nothing-to-assess",
    );
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", TWO_POINTS);
    expectRefusal(
      await tutor.selfAssess("ana", "basics-recv", { disputed: [], rating: "good" }),
      "nothing-to-assess",
    );
    expectRefusal(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [], rating: "perfect" as never }),
      "invalid-assessment",
    );
    expectOk(await tutor.selfAssess("ana", "basics-explain", { disputed: [], rating: "good" }));
    expect(await tutor.assessment("ana")).toBeUndefined();
    expectRefusal(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [1], rating: "easy" }),
      "already-assessed",
    );

    // Another answer closes it.
    await tutor.startQuiz("bo", "tcp-basics", 1);
    await toStageTwo(tutor, "bo");
    await explain(tutor, "bo", ONE_POINT);
    await tutor.startQuiz("bo", "tcp-basics", 1);
    await answerNow(tutor, "bo", true);
    expectRefusal(
      await tutor.selfAssess("bo", "basics-explain", { disputed: [1], rating: "good" }),
      "nothing-to-assess",
    );
    expect((await tutor.catalog("bo"))[0]?.stages[1]?.status).toBe("available");
  });

  it("works in a review: the rating schedules the card, no stage changes", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", TWO_POINTS);
    time.advanceDays(60);
    const review = expectOk(await tutor.startReview("ana"));
    expect(review.question).toBeDefined();
    let outcome: Awaited<ReturnType<typeof explain>> | undefined;
    for (let state = review; state.question; ) {
      const question = state.question;
      const response: Response =
        question.id === "basics-explain" ? { kind: "text", text: ONE_POINT } : rightResponse(question);
      const answered = expectOk(await tutor.answer("ana", { questionId: question.id, response }));
      if (question.id === "basics-explain") {
        outcome = answered;
        break;
      }
      state = answered.quiz;
    }
    expect(outcome?.assessment?.mode).toBe("review");
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [1], rating: "easy" }),
    );
    expect(assessed).toMatchObject({ correct: true, credited: ["Connections wait in a queue"] });
    expect(assessed.stage.passedNow).toBe(false);
    expect(assessed.nextDue.getTime()).toBeGreaterThan(time.now().getTime() + 7 * 86_400_000);
  });

  it("a stage passed on the learner's word stays marked so after a retake the grader passes", async () => {
    const tutor = await openTutor();
    await toStageTwo(tutor, "ana");
    await explain(tutor, "ana", ONE_POINT);
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [2], rating: "good" }),
    );
    expect(assessed.stage.progress.selfAssessed).toBe(true);
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 2));
    await explain(tutor, "ana", TWO_POINTS);
    expect((await tutor.catalog("ana"))[0]?.stages[1]?.selfAssessed).toBe(true);
  });

  it("a later answer of the attempt counts the self-assessed result, and the pass is marked self-assessed", async () => {
    const contentDir = tempDir();
    await cp(FIXTURE_CONTENT, contentDir, { recursive: true });
    const quiz = join(contentDir, "quizzes", "tcp-basics.md");
    const source = await readFile(quiz, "utf8");
    await writeFile(
      quiz,
      source.replace(
        "## Stage 3: Limitations",
        "### basics-backlog (short)\n\nWhich call sets the accept queue's length?\n\n- listen\n\n> **Explanation:** `listen()` takes the backlog.\n\n## Stage 3: Limitations",
      ),
    );
    const tutor = await openTutor({ contentDir });
    await toStageTwo(tutor, "ana");
    const first = await explain(tutor, "ana", ONE_POINT);
    expect(first.quiz.done).toBe(false);
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [1], rating: "good" }),
    );
    // Not passed yet: the stage needs both questions right in the attempt.
    expect(assessed.stage.passedNow).toBe(false);
    expect(assessed.quiz).toMatchObject({
      done: false,
      index: 1,
      results: [{ correct: true, selfAssessed: true }],
    });
    const second = expectOk(
      await tutor.answer("ana", { questionId: "basics-backlog", response: { kind: "text", text: "listen" } }),
    );
    expect(second.stage).toMatchObject({ passedNow: true });
    expect(second.stage.progress.selfAssessed).toBe(true);
    // Without the learner's word the same answers do not pass.
    await toStageTwo(tutor, "bo");
    await explain(tutor, "bo", ONE_POINT);
    const unassisted = expectOk(
      await tutor.answer("bo", { questionId: "basics-backlog", response: { kind: "text", text: "listen" } }),
    );
    expect(unassisted.stage.passedNow).toBe(false);
  });
});

describe("a damaged or hand-edited self-assessment in the learner's file", () => {
  it("counts as none, and the next explain answer and its assessment work", async () => {
    const tutor = await openTutor();
    await toStageTwo(tutor, "ana");
    await tutor.store.update("ana", (doc) => {
      doc.selfAssessment = {
        open: { questionId: 5, keyPoints: "x" },
        credited: "many",
        passed: null,
      } as never;
    });
    expect(await tutor.assessment("ana")).toBeUndefined();
    expectRefusal(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [], rating: "good" }),
      "nothing-to-assess",
    );
    expect((await tutor.catalog("ana"))[0]?.stages[1]?.status).toBe("available");
    await explain(tutor, "ana", ONE_POINT);
    const assessed = expectOk(
      await tutor.selfAssess("ana", "basics-explain", { disputed: [1], rating: "good" }),
    );
    expect(assessed.stage.passedNow).toBe(true);
    expect((await tutor.store.read("ana")).selfAssessment).toMatchObject({
      credited: 1,
      passed: { "tcp-basics": { 2: expect.any(String) } },
    });
  });
});

describe("the rules of what the learner's word changes", () => {
  const graded = {
    keyPoints: [
      { text: "a", covered: true },
      { text: "b", covered: true },
      { text: "c", covered: false },
      { text: "d", covered: false },
      { text: "e", covered: false },
    ],
    flags: [] as string[],
    correct: false,
    score: 0.4,
  };

  it("credits one missed point and passes at the pass mark", () => {
    expect(judgeSelfAssessment(graded, [3])).toEqual({
      disputed: [3],
      credited: [3],
      correct: true,
      score: 0.6,
    });
  });

  it("never credits a flagged answer (stuffing, contradiction, copying, off topic)", () => {
    for (const flag of ["stuffing", "contradiction", "copy", "off-topic"]) {
      expect(judgeSelfAssessment({ ...graded, flags: [flag] }, [3])).toEqual({
        disputed: [3],
        credited: [],
        correct: false,
        score: 0.4,
        blocked: "flagged",
      });
    }
  });

  it("ignores unknown and repeated indices, and a covered point disputed alone blocks nothing", () => {
    expect(judgeSelfAssessment(graded, [-1, 7, 0.5, 0, 0])).toEqual({
      disputed: [0],
      credited: [],
      correct: false,
      score: 0.4,
    });
  });

  it("still fails when one credited point does not reach the pass mark", () => {
    const weak = {
      ...graded,
      keyPoints: graded.keyPoints.map((k, i) => ({ ...k, covered: i === 0 })),
      score: 0.2,
    };
    expect(judgeSelfAssessment(weak, [1])).toEqual({
      disputed: [1],
      credited: [1],
      correct: false,
      score: 0.4,
    });
  });
});

describe("the disputes file", () => {
  it("keeps every dispute when many come at once, and skips lines it cannot read", async () => {
    const tutor = await openTutor();
    const learners = Array.from({ length: 8 }, (_, i) => `learner-${i}`);
    for (const learner of learners) {
      await toStageTwo(tutor, learner);
      await explain(tutor, learner, `${ONE_POINT} (${learner})`);
    }
    await Promise.all(
      learners.map((learner) =>
        tutor.selfAssess(learner, "basics-explain", { disputed: [1], rating: "good" }),
      ),
    );
    const file = join(tutor.dataDir, "disputes", "basics-explain.jsonl");
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(8);
    await appendFile(file, '{"torn": tr\nnot json\n');
    const report = await tutor.disputes();
    expect(report.skipped).toBe(2);
    const [question] = report.questions;
    expect(question?.assessments).toBe(8);
    expect(question?.points[0]).toMatchObject({ text: "Connections wait in a queue", saidCovered: 8 });
    expect(question?.points[0]?.examples).toHaveLength(3);
  });

  it("is empty when nobody disputed anything", async () => {
    const tutor = await openTutor();
    expect(await tutor.disputes()).toEqual({ questions: [], skipped: 0 });
  });
});
