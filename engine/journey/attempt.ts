/**
 * The rules of a stage attempt, so that guessing by elimination does not pass a gate:
 *
 * - An attempt's first round asks every question of the stage (explain questions first, the rest shuffled, options
 *   shuffled). After each answer the learner learns right or wrong and the misconception of a wrong option chosen,
 *   never the right answer. Explain questions are the exception: once handed in, the key points and model answer
 *   are shown. Only the first round can pass the stage.
 * - A first round short of the mark leaves two choices the same study day: retry the missed questions once (still
 *   without the answers; practice, it passes nothing), or see every answer. After either, passing needs a fresh
 *   attempt on a later study day.
 * - A fresh attempt draws its questions from the stage's pool (journey/draw.ts), preferring those not asked
 *   before, so answers seen after one attempt do not pass the next.
 * - A stage already passed can be practised at any time, with the answers shown after each question.
 *
 * All of it is kept in the learner's document (`attempts`), never derived from the answer history.
 */
import type { Lesson, Question, StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc, Session, StageAttempt } from "../progress/model.js";
import { seededOrder } from "../quiz/present.js";
import { addDays, studyDay } from "../time/study-day.js";
import { clockOf } from "../time/time-zone.js";
import type { AttemptStatus, QuizState, Result, ShownAnswer, StageProgress } from "../tutor-types.js";
import { drawForAttempt } from "./draw.js";
import { sessionState } from "./session.js";

export function attemptOf(doc: LearnerDoc, lessonId: string, stage: StageNumber): StageAttempt | undefined {
  return doc.attempts?.[lessonId]?.[stage];
}

export function setAttempt(
  doc: LearnerDoc,
  lessonId: string,
  stage: StageNumber,
  attempt: StageAttempt,
): void {
  doc.attempts ??= {};
  doc.attempts[lessonId] = { ...doc.attempts[lessonId], [stage]: attempt };
}

/** Whether the learner's session is this stage's round in progress. */
function isLive(doc: LearnerDoc, lessonId: string, stage: StageNumber, round: Session["round"]): boolean {
  const s = doc.session;
  return s?.mode === "quiz" && s.lessonId === lessonId && s.stage === stage && (s.round ?? "first") === round;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function dayWords(day: string, today: string): string {
  if (day === addDays(today, 1)) return `tomorrow (${day})`;
  return day;
}

export function attemptStatus(
  ctx: EngineContext,
  doc: LearnerDoc,
  lesson: Lesson,
  progress: StageProgress,
): AttemptStatus {
  const stage = progress.stage;
  const a = attemptOf(doc, lesson.id, stage);
  const questions = askedIn(ctx, lesson.id, stage, a);
  const today = studyDay(ctx.now(), clockOf(ctx, doc));
  const base = {
    lessonId: lesson.id,
    stage,
    right: a ? a.right.filter((id) => questions.some((q) => q.id === id)).length : 0,
    total: a?.asked?.length ?? progress.asked,
    needed: progress.needed,
    missed: [] as AttemptStatus["missed"],
    canRetry: false,
    canSeeAnswers: false,
  };
  if (progress.status === "passed") {
    return { ...base, state: "passed", canSeeAnswers: true, message: `Stage ${stage} is passed.` };
  }
  if (!a) return { ...base, state: "open", message: `Stage ${stage}'s quiz is open.` };
  const missed = questions
    .filter((q) => !a.right.includes(q.id))
    .map((q) => ({ questionId: q.id, prompt: q.prompt }));
  const waitUntil = addDays(a.day, 1);
  if (isLive(doc, lesson.id, stage, a.round)) {
    return a.round === "first"
      ? { ...base, state: "running", message: `Stage ${stage}'s quiz is in progress.` }
      : {
          ...base,
          state: "retrying",
          missed,
          message: `The retry of stage ${stage}'s missed questions is in progress.`,
        };
  }
  if (today >= waitUntil) return { ...base, state: "open", message: `Stage ${stage}'s quiz is open.` };
  const score = `${base.right} of ${base.total} right in the first round; stage ${stage} passes with ${base.needed} in one round.`;
  if (a.round === "first" && !a.closed) {
    return {
      ...base,
      state: "missed",
      missed,
      canRetry: missed.length > 0,
      canSeeAnswers: true,
      nextTry: waitUntil,
      message: `${score} Retry the ${plural(missed.length, "missed question")} once (the answers stay hidden; a retry is practice and passes nothing), or see the answers. A fresh attempt, on other questions where the stage has them, opens ${dayWords(waitUntil, today)}.`,
    };
  }
  return {
    ...base,
    state: "closed",
    missed,
    canSeeAnswers: true,
    nextTry: waitUntil,
    message: `${score} This attempt is over: you can try stage ${stage} again from ${dayWords(waitUntil, today)}.`,
  };
}

/** The order a round asks its questions: explain questions first (produce before being shown), the rest shuffled. */
function roundOrder(questions: Question[], seed: number): string[] {
  const explain = questions.filter((q) => q.type === "explain");
  const rest = questions.filter((q) => q.type !== "explain");
  return [...explain, ...seededOrder(rest.length, seed, "questions").map((i) => rest[i] as Question)].map(
    (q) => q.id,
  );
}

export function newSeed(ctx: EngineContext): number {
  return Math.floor(ctx.random() * 0x100000000) >>> 0;
}

function openRound(
  ctx: EngineContext,
  doc: LearnerDoc,
  lesson: Lesson,
  stage: StageNumber,
  round: NonNullable<Session["round"]>,
  questions: Question[],
): QuizState {
  const seed = newSeed(ctx);
  const session: Session = {
    mode: "quiz",
    lessonId: lesson.id,
    stage,
    questionIds: roundOrder(questions, seed),
    index: 0,
    startedAt: ctx.now().toISOString(),
    results: [],
    seed,
    round,
  };
  doc.session = session;
  doc.lastVisited = { lessonId: lesson.id, stage, at: session.startedAt };
  return sessionState(ctx, doc) as QuizState;
}

/**
 * Starting a stage's quiz: practice when it is passed, the round in progress when there is one, the retry when the
 * first round missed today, a refusal while the attempt is over, else a fresh attempt.
 */
export function startStageQuiz(
  ctx: EngineContext,
  doc: LearnerDoc,
  lesson: Lesson,
  progress: StageProgress,
): Result<QuizState> {
  const stage = progress.stage;
  const status = attemptStatus(ctx, doc, lesson, progress);
  switch (status.state) {
    case "passed":
      return ok(openRound(ctx, doc, lesson, stage, "practice", drawn(ctx, doc, lesson.id, stage)));
    case "running":
    case "retrying":
      return ok(sessionState(ctx, doc) as QuizState);
    case "missed":
      return retryRound(ctx, doc, lesson, progress);
    case "closed":
      return refuse("try-later", status.message, status.nextTry ? { retryOn: status.nextTry } : {});
    case "open": {
      const questions = drawn(ctx, doc, lesson.id, stage);
      setAttempt(doc, lesson.id, stage, {
        day: studyDay(ctx.now(), clockOf(ctx, doc)),
        round: "first",
        right: [],
        asked: questions.map((q) => q.id),
      });
      return ok(openRound(ctx, doc, lesson, stage, "first", questions));
    }
  }
}

/** The retry of the first round's missed questions: once, the same study day, still without the answers. */
export function retryRound(
  ctx: EngineContext,
  doc: LearnerDoc,
  lesson: Lesson,
  progress: StageProgress,
): Result<QuizState> {
  const status = attemptStatus(ctx, doc, lesson, progress);
  const a = attemptOf(doc, lesson.id, progress.stage);
  if (!a || status.state !== "missed" || !status.canRetry) {
    return refuse(
      "not-now",
      `There is no missed round to retry in stage ${progress.stage}. ${status.message}`,
    );
  }
  a.round = "retry";
  const missed = new Set(status.missed.map((m) => m.questionId));
  const questions = askedIn(ctx, lesson.id, progress.stage, a).filter((q) => missed.has(q.id));
  return ok(openRound(ctx, doc, lesson, progress.stage, "retry", questions));
}

/** "Give up and see the answers": ends the attempt (when it is not over yet) and shows every answer of the stage. */
export function showAnswers(
  ctx: EngineContext,
  doc: LearnerDoc,
  lesson: Lesson,
  progress: StageProgress,
): Result<{ answers: ShownAnswer[]; status: AttemptStatus }> {
  const before = attemptStatus(ctx, doc, lesson, progress);
  if (!before.canSeeAnswers) {
    return refuse(
      "not-now",
      before.state === "running" || before.state === "retrying"
        ? `Finish the round first: answers are shown after an attempt, never during one.`
        : `Answers are shown after an attempt at stage ${progress.stage}. ${before.message}`,
    );
  }
  const a = attemptOf(doc, lesson.id, progress.stage);
  if (a && before.state !== "passed") a.closed = true;
  const right = new Set(a?.right ?? []);
  const answers = askedIn(ctx, lesson.id, progress.stage, a).map((question) => ({
    question,
    answer: answerInWords(question),
    right: right.has(question.id),
  }));
  return ok({ answers, status: attemptStatus(ctx, doc, lesson, progress) });
}

/** A fresh draw from the stage's pool, recorded so the next attempt prefers other questions. */
function drawn(ctx: EngineContext, doc: LearnerDoc, lessonId: string, stage: StageNumber): Question[] {
  return drawForAttempt(ctx, doc, lessonId, stage).flatMap((id) => ctx.library.question(id) ?? []);
}

/** The questions an attempt asked: its draw, or every question of the stage for attempts older than pools. */
function askedIn(
  ctx: EngineContext,
  lessonId: string,
  stage: StageNumber,
  a: StageAttempt | undefined,
): Question[] {
  return a?.asked
    ? a.asked.flatMap((id) => ctx.library.question(id) ?? [])
    : ctx.library.questionsFor(lessonId, stage);
}

export function answerInWords(q: Question): string {
  switch (q.type) {
    case "single":
    case "multiple":
    case "true-false":
      return q.options
        .filter((o) => o.correct)
        .map((o) => o.text)
        .join("; ");
    case "order":
      return q.items.map((item, i) => `${i + 1}. ${item}`).join("\n");
    case "short":
      return q.accepted[0] ?? q.pattern ?? "";
    case "numeric":
      return `${q.answer}${q.tolerance ? ` ± ${q.tolerance}` : ""}${q.unit ? ` ${q.unit}` : ""}`;
    case "explain":
      return q.keyPoints.map((k) => `- ${k.text}`).join("\n");
  }
}
