/** Opening a stage to read it (any stage) and starting its quiz (only on a stage the learner has unlocked). */

import { isStageNumber, type Lesson, type StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc, Session } from "../progress/model.js";
import type { QuizState, Result, StageProgress, StageView } from "../tutor-types.js";
import { stagesFor } from "./catalog.js";
import { sessionState } from "./session.js";
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
    if (progress.status !== "locked") {
      const read = { ...doc.read[lesson.id] };
      read[n] ??= ctx.now().toISOString();
      doc.read[lesson.id] = read;
      progress.read = true;
    }
    // What the reader shows of the stage is decided here: the stage's markdown and sections.
    const content = lesson.stages[n - 1];
    return ok({
      lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, sources: lesson.sources },
      stage: n,
      title: progress.title,
      markdown: content?.markdown ?? "",
      sections: content?.sections ?? [],
      status: progress.status,
      stages,
      questionCount: progress.total,
    });
  });
}

/** A new attempt at a stage's quiz, replacing any session in progress. */
export function startQuiz(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage?: number,
): Promise<Result<QuizState>> {
  return inLesson(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages): Result<QuizState> => {
    if (stages[n - 1]?.status === "locked") return lockedRefusal(lesson, n);
    const session: Session = {
      mode: "quiz",
      lessonId: lesson.id,
      stage: n,
      questionIds: ctx.library.questionsFor(lesson.id, n).map((q) => q.id),
      index: 0,
      startedAt: ctx.now().toISOString(),
      results: [],
    };
    doc.session = session;
    doc.lastVisited = { lessonId: lesson.id, stage: n, at: session.startedAt };
    return ok(sessionState(ctx, doc) as QuizState);
  });
}

export function lockedRefusal(lesson: Lesson, n: StageNumber) {
  return refuse(
    "stage-locked",
    `The stage ${n} questions of ${lesson.title} are locked: pass stage ${n - 1} first.`,
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
