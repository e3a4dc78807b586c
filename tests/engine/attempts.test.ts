/** The attempt rules: shuffled per attempt, answers hidden during one, retry once, see the answers, try later. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { QuizState, Tutor } from "../../engine/index.js";
import { rightResponse, wrongResponse } from "../helpers/answers.js";
import { clock, FIXTURE_CONTENT, historyOf, openTutor, tempDir } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";

/** Answers the whole round: right for the ids in `right`, wrong for the rest. */
async function play(tutor: Tutor, learner: string, state: QuizState, right: (id: string) => boolean) {
  let quiz = state;
  const outcomes = [];
  while (quiz.question) {
    const q = quiz.question;
    const outcome = expectOk(
      await tutor.answer(learner, {
        questionId: q.id,
        response: right(q.id) ? rightResponse(q) : wrongResponse(q),
      }),
    );
    outcomes.push(outcome);
    quiz = outcome.quiz;
  }
  return { quiz, outcomes };
}

describe("a stage attempt", () => {
  it("shuffles options per attempt, keeps the order on resume, and grades the shown positions", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const learner = `l${i}`;
      const started = expectOk(await tutor.startQuiz(learner, "tcp-basics", 1));
      const again = expectOk(await tutor.startQuiz(learner, "tcp-basics", 1));
      // Starting again continues the round in progress, in the same order.
      expect(again.question).toEqual(started.question);
      expect(await tutor.current(learner)).toEqual(started);
      const recv = started.question?.id === "basics-recv" ? started.question : undefined;
      if (recv && "options" in recv) orders.add(recv.options.map((o) => o.text).join("|"));
      const q = started.question;
      if (!q) throw new Error("no question");
      const outcome = expectOk(await tutor.answer(learner, { questionId: q.id, response: rightResponse(q) }));
      expect(outcome.grade.correct).toBe(true);
      // The history keeps the option as written, whatever position it was shown at.
      if (q.type === "single") {
        const [record] = await historyOf(tutor, learner);
        const written = tutor.question(q.id);
        expect(written && "options" in written && written.options[record?.selected?.[0] ?? -1]?.correct).toBe(
          true,
        );
      }
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("says right or wrong and the misconception, never the answer, and only the first round passes", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    const first = expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    const { quiz, outcomes } = await play(tutor, "ana", first, () => false);
    for (const o of outcomes) {
      expect(o.revealed).toBe(false);
      expect(o.grade.expected).toBeUndefined();
      expect(o.grade.missedCorrect).toEqual([]);
      expect(o.question.explanation).toBe("");
      if ("options" in o.question) expect(o.question.options.some((x) => x.correct)).toBe(false);
    }
    const single = outcomes.find((o) => o.question.type === "single");
    expect(single?.grade.chosenWrong[0]?.feedback).toBeTruthy();
    // The summary: missed questions, no pass, and the two choices.
    expect(quiz.attempt).toMatchObject({
      state: "missed",
      right: 0,
      total: 3,
      canRetry: true,
      canSeeAnswers: true,
    });
    expect(quiz.attempt?.missed.map((m) => m.questionId).sort()).toEqual([
      "basics-order",
      "basics-recv",
      "basics-syscall",
    ]);
    expect(quiz.attempt?.message).not.toMatch(/\bis passed\b/);
    expect(quiz.attempt?.nextTry).toBe("2026-03-03");

    // The retry asks the missed questions once, still hidden, and passes nothing even when all are right.
    const retry = expectOk(await tutor.retryMissed("ana", "tcp-basics", 1));
    expect(retry).toMatchObject({ round: "retry", total: 3 });
    const after = await play(tutor, "ana", retry, () => true);
    expect(after.outcomes.every((o) => o.grade.correct && o.revealed && !o.stage.passedNow)).toBe(true);
    expect(after.quiz.attempt).toMatchObject({ state: "closed", canRetry: false, nextTry: "2026-03-03" });
    expectRefusal(await tutor.retryMissed("ana", "tcp-basics", 1), "not-now");
    await tutor.openStage("ana", "tcp-basics", 1);
    expect((await tutor.nextStep("ana")).message).toMatch(
      /^Stage 1 \(Understand\) of .+: .*try stage 1 again from tomorrow \(2026-03-03\)/,
    );
    const later = expectRefusal(await tutor.startQuiz("ana", "tcp-basics", 1), "try-later");
    expect(later.retryOn).toBe("2026-03-03");
    expect(later.message).toContain("2026-03-03");
    expect((await tutor.catalog("ana"))[0]?.stages[0]?.status).toBe("available");

    // The next study day: a fresh attempt, which passes on its first round.
    time.advanceDays(1);
    const fresh = expectOk(await tutor.startQuiz("ana", "tcp-basics", 1));
    expect(fresh.round).toBe("first");
    const passed = await play(tutor, "ana", fresh, () => true);
    expect(passed.outcomes.some((o) => o.stage.passedNow)).toBe(true);
    expect(passed.quiz.attempt?.state).toBe("passed");
  });

  it("shows every answer on giving up, and opens a fresh attempt the next study day", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    expectRefusal(await tutor.seeAnswers("ben", "tcp-basics", 1), "not-now");
    const first = expectOk(await tutor.startQuiz("ben", "tcp-basics", 1));
    const q = first.question;
    if (!q) throw new Error("no question");
    await tutor.answer("ben", { questionId: q.id, response: wrongResponse(q) });
    // No answers during a round.
    expectRefusal(await tutor.seeAnswers("ben", "tcp-basics", 1), "not-now");
    // Leaving the round (ending it) ends it: unanswered questions count as missed.
    await tutor.endSession("ben");
    const status = expectOk(await tutor.attempt("ben", "tcp-basics", 1));
    expect(status).toMatchObject({ state: "missed", right: 0 });
    const shown = expectOk(await tutor.seeAnswers("ben", "tcp-basics", 1));
    expect(shown.answers.map((a) => a.question.id).sort()).toEqual([
      "basics-order",
      "basics-recv",
      "basics-syscall",
    ]);
    expect(shown.answers.find((a) => a.question.id === "basics-syscall")?.answer).toBe("accept");
    expect(shown.status).toMatchObject({ state: "closed", canRetry: false, nextTry: "2026-03-03" });
    expectRefusal(await tutor.startQuiz("ben", "tcp-basics", 1), "try-later");
    time.advanceDays(1);
    expect(expectOk(await tutor.startQuiz("ben", "tcp-basics", 1)).round).toBe("first");
  });

  it("reveals in reviews and in practice of a passed stage, and explain answers after hand-in", async () => {
    const time = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: time.now });
    const first = expectOk(await tutor.startQuiz("cy", "tcp-basics", 1));
    await play(tutor, "cy", first, () => true);
    const practice = expectOk(await tutor.startQuiz("cy", "tcp-basics", 1));
    expect(practice).toMatchObject({ round: "practice", reveals: true });
    const { outcomes, quiz } = await play(tutor, "cy", practice, () => false);
    expect(outcomes.every((o) => o.revealed && o.question.explanation.length > 0)).toBe(true);
    expect(quiz.attempt?.state).toBe("passed");
    const explain = expectOk(await tutor.startQuiz("cy", "tcp-basics", 2));
    const q = explain.question;
    if (!q) throw new Error("no question");
    expect(q.type).toBe("explain");
    const handed = expectOk(await tutor.answer("cy", { questionId: q.id, response: wrongResponse(q) }));
    expect(handed.revealed).toBe(true);
    expect(handed.grade.keyPoints?.length).toBeGreaterThan(0);
    expect(handed.question.explanation).not.toBe("");
  });

  it("keeps a lesson's {after-attempt} parts out of the reader until the stage's explanation is handed in", async () => {
    const dir = tempDir();
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const file = join(dir, "lessons", "tcp-basics.md");
    const lesson = readFileSync(file, "utf8").replace(
      /## Articulate\n/,
      "## Articulate\n\nExplain the read path.\n\n### What a good explanation covers {after-attempt}\n\n- The kernel completes the handshake\n- Connections wait in a queue\n- Reading copies from the kernel to the process\n\n### Afterwards\n\nStill shown.\n",
    );
    writeFileSync(file, lesson);
    const tutor = await openTutor({ contentDir: dir });
    const first = expectOk(await tutor.startQuiz("di", "tcp-basics", 1));
    await play(tutor, "di", first, () => true);
    const before = expectOk(await tutor.openStage("di", "tcp-basics", 2));
    expect(before.hidden).toEqual(["What a good explanation covers"]);
    expect(before.markdown).toContain(
      "**What a good explanation covers**: shown here once you have handed in",
    );
    expect(before.markdown).not.toContain("handshake");
    expect(before.markdown).toContain("Still shown.");
    expect(before.sections.map((s) => s.heading)).not.toContain("What a good explanation covers");
    const quiz = expectOk(await tutor.startQuiz("di", "tcp-basics", 2));
    const q = quiz.question;
    if (!q) throw new Error("no question");
    const outcome = expectOk(await tutor.answer("di", { questionId: q.id, response: wrongResponse(q) }));
    expect(outcome.unveiled).toEqual(["What a good explanation covers"]);
    const after = expectOk(await tutor.openStage("di", "tcp-basics", 2));
    expect(after.hidden).toEqual([]);
    expect(after.markdown).toContain("### What a good explanation covers\n");
    expect(after.markdown).not.toContain("{after-attempt}");
    // Another learner still has it hidden.
    expect(expectOk(await tutor.openStage("di2", "tcp-basics", 1)).hidden).toEqual([]);
  });
});
