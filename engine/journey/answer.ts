/**
 * One answer to the current question: graded, appended to the learner's answer log and counted in their tallies,
 * scheduled for review, the stage passed when this attempt reaches the mark, explain answers kept in the journal,
 * and the session moved on. All of it in one update of the learner's document, so an answer is either wholly saved
 * or not at all.
 */

import type { LlmConfig } from "../ask/llm.js";
import type { Lesson, StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { AnswerRecord, LearnerDoc, Session } from "../progress/model.js";
import { countAnswer } from "../progress/tallies.js";
import { gradeText } from "../quiz/grade-text.js";
import type { Response } from "../quiz/model.js";
import { present, toWritten, withoutAnswer } from "../quiz/present.js";
import { ratingFor, review } from "../review/scheduler.js";
import { stripControls } from "../text/controls.js";
import { studyDay } from "../time/study-day.js";
import { clockOf } from "../time/time-zone.js";
import type {
  AnswerInput,
  AnswerOutcome,
  QuizState,
  Result,
  StageChange,
  StageProgress,
} from "../tutor-types.js";
import { attemptOf, attemptStatus } from "./attempt.js";
import { stagesFor } from "./catalog.js";
import { hiddenHeadings } from "./hidden.js";
import { journalEntryOf } from "./journal.js";
import { assessmentOf, markSelfPassed, openAssessment } from "./self-assess.js";
import { sessionSeed, sessionState } from "./session.js";
import { passesStage } from "./stages.js";

export async function answer(
  ctx: EngineContext,
  learnerId: string,
  input: AnswerInput,
  llm?: LlmConfig,
): Promise<Result<AnswerOutcome>> {
  const question = ctx.library.question(input.questionId);
  if (!question) return refuse("unknown-question", `There is no question \`${input.questionId}\`.`);
  const lesson = ctx.library.lesson(question.lessonId) as Lesson;
  // The grader, and the pattern engine behind it, load with the first answer: not at start-up.
  const [{ grade }, { explainContextOf }, { loadNlp }] = await Promise.all([
    import("../quiz/grade.js"),
    import("../quiz/explain/grade-explain.js"),
    import("../quiz/explain/nlp.js"),
  ]);
  // The language model behind explain grading loads with the first explain answer, never at start-up.
  if (question.type === "explain") await loadNlp();
  // A model grades an explanation before the update: it takes seconds, and the store is not held meanwhile.
  const byModel =
    llm && question.type === "explain" && input.response.kind === "text"
      ? await gradeText(
          question,
          lesson,
          ctx.library.catalog.synonyms,
          stripControls(input.response.text),
          llm,
        )
      : undefined;
  return ctx.store.update(learnerId, (doc, writer): Result<AnswerOutcome> => {
    const session = sessionState(ctx, doc);
    if (!session) return refuse("no-session", "There is no quiz in progress. Start one first.");
    if (session.question?.id !== question.id) {
      return refuse("stale-question", "That question is no longer the current one: the quiz has moved on.", {
        current: session,
      });
    }
    const stored = doc.session as Session;
    // Graded as shown: choice indices are positions in this attempt's shuffle (quiz/present.ts).
    const shown = present(question, sessionSeed(stored));
    const response = typedWithoutControls(input.response);
    const result =
      byModel ?? grade(shown.question, response, explainContextOf(lesson, ctx.library.catalog.synonyms));
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
        revealed: false,
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
      ...(response.kind === "choice" ? { selected: toWritten(shown, response.selected) } : {}),
      ...(response.kind === "order" ? { selected: response.order } : {}),
      ...(text !== undefined ? { text } : {}),
    };
    countAnswer(doc, record, studyDay(now, clockOf(ctx, doc)));
    writer.append(record);
    const cardBefore = doc.cards[question.id];
    const card = review(cardBefore, now, ratingFor(result.correct, hintUsed));
    doc.cards[question.id] = card;

    // A stage passes on the first round of one attempt: not on old answers mixed with new ones, never on a retry.
    const round = session.mode === "quiz" ? (stored.round ?? "first") : undefined;
    const attempt = round === "first" ? attemptOf(doc, lesson.id, question.stage) : undefined;
    if (attempt && result.correct && !attempt.right.includes(question.id)) attempt.right.push(question.id);
    const rightThisAttempt =
      round === "first" ? session.results.filter((r) => r.correct).length + (result.correct ? 1 : 0) : 0;
    const progressNow = stagesFor(ctx, lesson, doc)[question.stage - 1] as StageProgress;
    const passedNow = progressNow.status !== "passed" && passesStage(progressNow, rightThisAttempt);
    if (passedNow) doc.passed[lesson.id] = { ...doc.passed[lesson.id], [question.stage]: at };
    // A pass that counts an answer right on the learner's self-assessment is kept apart: it is the learner's own,
    // and server leaderboards never count it (the record does not say it passed the stage).
    if (passedNow && session.results.some((r) => r.selfAssessed))
      markSelfPassed(doc, lesson.id, question.stage, at);
    else if (passedNow) record.passedStage = true;
    const stagesAfter = stagesFor(ctx, lesson, doc);

    const journal =
      question.type === "explain" && text !== undefined
        ? journalEntryOf(question, text, result, at)
        : undefined;
    if (journal) doc.journal.push(journal);
    // Handing in the stage's explanation (or design proposal) shows the lesson's parts kept back until then.
    const unveiled =
      question.type === "explain" && session.mode === "quiz" ? handIn(doc, lesson, question.stage, at) : [];

    stored.results.push({ questionId: question.id, correct: result.correct });
    stored.index += 1;
    // An explain answer is open to the learner's self-assessment until their next answer.
    const assessment = openAssessment(
      doc,
      question.type === "explain" && text !== undefined
        ? assessmentOf(
            {
              questionId: question.id,
              lessonId: lesson.id,
              stage: question.stage,
              mode: session.mode,
              at,
              text,
              hintUsed,
              attempt: {
                startedAt: stored.startedAt,
                results: [...stored.results],
                total: stored.questionIds.length,
              },
            },
            result,
            cardBefore,
          )
        : undefined,
    );
    const quiz = sessionState(ctx, doc) as QuizState;
    if (quiz.done) {
      delete doc.session;
      if (session.mode === "quiz") {
        quiz.attempt = attemptStatus(ctx, doc, lesson, stagesAfter[question.stage - 1] as StageProgress);
      }
    }

    // During an attempt the feedback says right or wrong and why a wrong option is wrong, never the answer; a right
    // answer gives nothing away, so its explanation is shown.
    const revealed =
      result.correct ||
      session.mode === "review" ||
      round === "practice" ||
      progressNow.status === "passed" ||
      question.type === "explain";
    const shownBack = revealed
      ? { question: shown.question, grade: result }
      : withoutAnswer(shown.question, result);
    return ok({
      question: shownBack.question,
      grade: shownBack.grade,
      revealed,
      ...(unveiled.length > 0 ? { unveiled } : {}),
      response: text !== undefined ? { kind: "text", text } : response,
      stage: stageChange(lesson, question.stage, before, stagesAfter, passedNow),
      nextDue: new Date(card.due),
      ...(journal ? { journal } : {}),
      quiz,
      ...(assessment ? { assessment } : {}),
    });
  });
}

/** Records the first hand-in of a stage's explain question; returns the lesson parts it shows from now on. */
function handIn(doc: LearnerDoc, lesson: Lesson, stage: StageNumber, at: string): string[] {
  if (doc.handedIn?.[lesson.id]?.[stage]) return [];
  doc.handedIn = { ...doc.handedIn, [lesson.id]: { ...doc.handedIn?.[lesson.id], [stage]: at } };
  return hiddenHeadings(lesson, stage);
}

/** Typed text is graded and kept without control characters: they are no part of an answer (see text/controls). */
function typedWithoutControls(response: Response): Response {
  return response.kind === "text" ? { kind: "text", text: stripControls(response.text) } : response;
}

export function stageChange(
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
