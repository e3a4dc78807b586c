/** Opening a stage to read it and starting its quiz: both only on a stage the learner may open. */

import { isStageNumber, type Lesson, type StageNumber } from "../content/model.js";
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc, Session } from "../progress/model.js";
import type { QuizState, Result, StageProgress, StageView } from "../tutor-types.js";
import { stagesFor } from "./catalog.js";
import { drawForAttempt } from "./draw.js";
import { sessionState } from "./session.js";
import { currentStage } from "./stages.js";

export function openStage(
  ctx: EngineContext,
  learnerId: string,
  lessonId: string,
  stage?: number,
): Promise<Result<StageView>> {
  return inOpenStage(ctx, learnerId, lessonId, stage, (doc, lesson, n, stages): Result<StageView> => {
    const progress = stages[n - 1] as StageProgress;
    const at = ctx.now().toISOString();
    const read = { ...doc.read[lesson.id] };
    read[n] ??= at;
    doc.read[lesson.id] = read;
    progress.read = true;
    doc.lastVisited = { lessonId: lesson.id, stage: n, at };
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
      asked: progress.asked,
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
  return inOpenStage(ctx, learnerId, lessonId, stage, (doc, lesson, n): Result<QuizState> => {
    const session: Session = {
      mode: "quiz",
      lessonId: lesson.id,
      stage: n,
      // A draw from the stage's pool (journey/draw.ts), kept in the session: a resumed attempt asks the same.
      questionIds: drawForAttempt(ctx, doc, lesson.id, n),
      index: 0,
      startedAt: ctx.now().toISOString(),
      results: [],
    };
    doc.session = session;
    doc.lastVisited = { lessonId: lesson.id, stage: n, at: session.startedAt };
    return ok(sessionState(ctx, doc) as QuizState);
  });
}

/**
 * Runs `work` on the learner's document for a stage they may open: the named one, or their current one.
 * An unknown lesson or stage number, or a locked stage, is refused before anything is written.
 */
async function inOpenStage<T>(
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
    const n = stage ?? currentStage(stages);
    if (stages[n - 1]?.status === "locked") {
      return refuse("stage-locked", `Stage ${n} of ${lesson.title} is locked: pass stage ${n - 1} first.`);
    }
    return work(doc, lesson, n, stages);
  });
}
