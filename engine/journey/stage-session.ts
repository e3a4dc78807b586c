/** Opening a stage to read it (any stage) and starting its quiz (only on a stage the learner has unlocked). */

import { isStageNumber, type Lesson, type StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import type {
  AttemptStatus,
  QuizState,
  Result,
  ShownAnswer,
  StageProgress,
  StageView,
} from "../tutor-types.js";
import { attemptStatus, retryRound, showAnswers, startStageQuiz } from "./attempt.js";
import { stagesFor } from "./catalog.js";
import { stageText } from "./hidden.js";
import { currentStage } from "./stages.js";

/**
 * Any stage can be read at any time; only its quiz waits for the stage before it (startQuiz). Opening an open
 * stage records that it was read; opening a locked one records nothing. Opening never moves "Continue"
 * (`lastVisited`): a stage looked at for one screen does not take over the learner's place, starting its quiz does.
 */
export function openStage(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage?: number,
): Promise<Result<StageView>> {
  return inLesson(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages): Result<StageView> => {
    const progress = stages[n - 1] as StageProgress;
    // Any stage can be read, a locked one too; reading neither marks a locked stage read nor moves "Continue".
    if (progress.status !== "locked") {
      const read = { ...doc.read[lesson.id] };
      read[n] ??= ctx.now().toISOString();
      doc.read[lesson.id] = read;
      progress.read = true;
    }
    // What the reader shows of the stage is decided here: its text, without the parts kept back until the learner
    // has handed in the stage's own explanation or design (journey/hidden.ts).
    const text = stageText(lesson, n, doc);
    return ok({
      lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, sources: lesson.sources },
      stage: n,
      title: progress.title,
      markdown: text.markdown,
      sections: text.sections,
      hidden: text.hidden,
      status: progress.status,
      stages,
      questionCount: progress.total,
      asked: progress.asked,
    });
  });
}

/**
 * A stage's quiz as the attempt rules allow it (journey/attempt.ts): a fresh attempt, the round in progress, the
 * retry of a missed round, practice of a passed stage, or a refusal saying when to try again.
 */
export function startQuiz(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage?: number,
): Promise<Result<QuizState>> {
  return inOpenStage(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages) =>
    startStageQuiz(ctx, doc, lesson, stages[n - 1] as StageProgress),
  );
}

/** The retry of the missed questions of a stage's first round: once, the same study day, answers still hidden. */
export function retryMissed(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage: number,
): Promise<Result<QuizState>> {
  return inOpenStage(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages) =>
    retryRound(ctx, doc, lesson, stages[n - 1] as StageProgress),
  );
}

/** Gives up on the stage's attempt and shows every answer (after an attempt only). */
export function seeAnswers(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage: number,
): Promise<Result<{ answers: ShownAnswer[]; status: AttemptStatus }>> {
  return inOpenStage(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages) =>
    showAnswers(ctx, doc, lesson, stages[n - 1] as StageProgress),
  );
}

/** Where the learner's attempt at a stage stands (read only). */
export async function attemptAt(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage: number,
): Promise<Result<AttemptStatus>> {
  const found = ctx.library.findLesson(lessonId);
  if (!found.ok) return found;
  if (!isStageNumber(stage))
    return refuse("unknown-stage", `There is no stage ${stage}: stages are numbered 1 to 6.`);
  const doc = await ctx.store.read(learnerId);
  const progress = stagesFor(ctx, found.value, doc)[stage - 1] as StageProgress;
  return ok(attemptStatus(ctx, doc, found.value, progress));
}

export function lockedRefusal(lesson: Lesson, n: StageNumber) {
  return refuse(
    "stage-locked",
    `The stage ${n} questions of ${lesson.title} are locked: pass stage ${n - 1} first.`,
  );
}

/** As inLesson, for what only an unlocked stage allows (its quiz, retry and answers). */
function inOpenStage<T>(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage: number | undefined,
  work: (doc: LearnerDoc, lesson: Lesson, n: StageNumber, stages: StageProgress[]) => Result<T>,
): Promise<Result<T>> {
  return inLesson(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages) =>
    stages[n - 1]?.status === "locked" ? lockedRefusal(lesson, n) : work(doc, lesson, n, stages),
  );
}

/**
 * Runs `work` on the learner's document for a stage of a lesson: the named one, or their current one.
 * An unknown lesson or stage number is refused before anything is written.
 */
async function inLesson<T>(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage: number | undefined,
  work: (doc: LearnerDoc, lesson: Lesson, n: StageNumber, stages: StageProgress[]) => Result<T>,
): Promise<Result<T>> {
  const found = ctx.library.findLesson(lessonId);
  if (!found.ok) return found;
  const lesson = found.value;
  if (stage !== undefined && !isStageNumber(stage)) {
    return refuse("unknown-stage", `There is no stage ${stage}: stages are numbered 1 to 6.`);
  }
  return ctx.store.update(learnerId, (doc): Result<T> => {
    const stages = stagesFor(ctx, lesson, doc);
    return work(doc, lesson, stage ?? currentStage(stages), stages);
  });
}
