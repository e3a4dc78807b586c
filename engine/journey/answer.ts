/**
 * One answer to the current question: graded, appended to the learner's answer log and counted in their tallies,
 * scheduled for review, the stage passed when this attempt reaches the mark, explain answers kept in the journal,
 * and the session moved on. All of it in one update of the learner's document, so an answer is either wholly saved
 * or not at all.
 */

import type { Lesson, StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { AnswerRecord, Session } from "../progress/model.js";
import { countAnswer } from "../progress/tallies.js";
import type { Response } from "../quiz/model.js";
import { ratingFor, review } from "../review/scheduler.js";
import { stripControls } from "../text/controls.js";
import { studyDay } from "../time/study-day.js";
import type {
  AnswerInput,
  AnswerOutcome,
  QuizState,
  Result,
  StageChange,
  StageProgress,
} from "../tutor-types.js";
import { stagesFor } from "./catalog.js";
import { journalEntryOf } from "./journal.js";
import { sessionState } from "./session.js";
import { passesStage } from "./stages.js";

export async function answer(
  ctx: EngineContext,
  learnerId: string,
  input: AnswerInput,
): Promise<Result<AnswerOutcome>> {
  const question = ctx.library.question(input.questionId);
  if (!question) return refuse("unknown-question", `There is no question \`${input.questionId}\`.`);
  const lesson = ctx.library.lesson(question.lessonId) as Lesson;
  // The grader, and the pattern engine behind it, load with the first answer: not at start-up.
  const { grade } = await import("../quiz/grade.js");
  return ctx.store.update(learnerId, (doc, writer): Result<AnswerOutcome> => {
    const session = sessionState(ctx, doc);
    if (!session) return refuse("no-session", "There is no quiz in progress. Start one first.");
    if (session.question?.id !== question.id) {
      return refuse("stale-question", "That question is no longer the current one: the quiz has moved on.", {
        current: session,
      });
    }
    const response = typedWithoutControls(input.response);
    const result = grade(question, response, lesson.jargon);
    const stagesBefore = stagesFor(ctx, lesson, doc);
    const before = stagesBefore[question.stage - 1] as StageProgress;
    // An answer that cannot be graded (empty, not a number, ...) changes nothing: the question is asked again.
    if (result.invalid) {
      return ok({
        question,
        grade: result,
        response,
        stage: stageChange(lesson, question.stage, before, stagesBefore, false),
        nextDue: new Date(doc.cards[question.id]?.due ?? ctx.now()),
        quiz: session,
      });
    }
    const now = ctx.now();
    const at = now.toISOString();
    const hintUsed = input.hintUsed === true;
    // Kept whole: an answer over the length limit (quiz/rules.ts) was refused as invalid above.
    const text = response.kind === "text" ? response.text : undefined;
    const record: AnswerRecord = {
      questionId: question.id,
      lessonId: lesson.id,
      stage: question.stage,
      at,
      correct: result.correct,
      score: result.score,
      hintUsed,
      mode: session.mode,
      ...(input.guildId ? { guildId: input.guildId } : {}),
      ...(response.kind === "choice" ? { selected: response.selected } : {}),
      ...(response.kind === "order" ? { selected: response.order } : {}),
      ...(text !== undefined ? { text } : {}),
    };
    countAnswer(doc, record, studyDay(now, ctx.clock));
    writer.append(record);
    const card = review(doc.cards[question.id], now, ratingFor(result.correct, hintUsed));
    doc.cards[question.id] = card;

    // A stage passes on one attempt: the right answers in this quiz, not old answers mixed with new ones.
    const rightThisAttempt =
      session.mode === "quiz"
        ? session.results.filter((r) => r.correct).length + (result.correct ? 1 : 0)
        : 0;
    const progressNow = stagesFor(ctx, lesson, doc)[question.stage - 1] as StageProgress;
    const passedNow = progressNow.status !== "passed" && passesStage(progressNow, rightThisAttempt);
    if (passedNow) {
      doc.passed[lesson.id] = { ...doc.passed[lesson.id], [question.stage]: at };
      record.passedStage = true;
    }
    const stagesAfter = stagesFor(ctx, lesson, doc);

    const journal =
      question.type === "explain" && text !== undefined
        ? journalEntryOf(question, text, result, at)
        : undefined;
    if (journal) doc.journal.push(journal);

    const stored = doc.session as Session;
    stored.results.push({ questionId: question.id, correct: result.correct });
    stored.index += 1;
    const quiz = sessionState(ctx, doc) as QuizState;
    if (quiz.done) delete doc.session;

    return ok({
      question,
      grade: result,
      response: text !== undefined ? { kind: "text", text } : response,
      stage: stageChange(lesson, question.stage, before, stagesAfter, passedNow),
      nextDue: new Date(card.due),
      ...(journal ? { journal } : {}),
      quiz,
    });
  });
}

/** Typed text is graded and kept without control characters: they are no part of an answer (see text/controls). */
function typedWithoutControls(response: Response): Response {
  return response.kind === "text" ? { kind: "text", text: stripControls(response.text) } : response;
}

function stageChange(
  lesson: Lesson,
  stage: StageNumber,
  before: StageProgress,
  stages: StageProgress[],
  passedNow: boolean,
): StageChange {
  const progress = stages[stage - 1] as StageProgress;
  // Where to go on: the first open stage after this one (the one just unlocked, or the learner's own stage
  // after a re-done earlier one).
  const goOn = stages.find((s) => s.stage > stage && s.status === "available");
  return {
    lessonId: lesson.id,
    stage,
    before: before.status,
    after: progress.status,
    passedNow,
    ...(passedNow && stage < 6 ? { unlocked: (stage + 1) as StageNumber } : {}),
    lessonCompleted: passedNow && stages.every((s) => s.status === "passed"),
    progress,
    stages,
    ...(goOn ? { nextStage: goOn.stage } : {}),
  };
}
