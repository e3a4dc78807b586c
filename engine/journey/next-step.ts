/** What the learner should do next, and which quiz "carry on" takes when the learner names none. */
import { type EngineContext, ok } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { dueIds } from "../review/due.js";
import { startReview } from "../review/session.js";
import type { CatalogEntry, NextStep, QuizState, Result, Resumed } from "../tutor-types.js";
import { attemptStatus } from "./attempt.js";
import { catalogOf } from "./catalog.js";
import { sessionState } from "./session.js";
import { startQuiz } from "./stage-session.js";

export interface NextStepOptions {
  /** false: pass over due reviews, for a command that asks only what to learn next. */
  reviews?: boolean;
}

/**
 * The quiz or review in progress; else due reviews; else the lesson last visited if it is not completed, else
 * the first lesson whose prerequisites are met, else any lesson not completed: read its current stage if it is
 * unread, answer its questions if it is read; else nothing is left.
 */
export function nextStepOf(
  ctx: EngineContext,
  doc: LearnerDoc,
  options: NextStepOptions = {},
  /** The learner's catalog when the caller has built it already (the home screen's overview). */
  catalog?: CatalogEntry[],
): NextStep {
  const session = sessionState(ctx, doc);
  if (session && !session.done) {
    const where =
      session.mode === "review"
        ? "your review"
        : `the stage ${session.stage} quiz of ${ctx.library.lesson(session.lessonId ?? "")?.title}`;
    return {
      kind: "continue-quiz",
      quiz: session,
      message: `Continue ${where}: question ${session.index + 1} of ${session.total}.`,
    };
  }
  const due = dueIds(ctx, doc).length;
  if (due > 0 && options.reviews !== false) {
    return { kind: "review", due, message: `${due} review${due === 1 ? "" : "s"} due.` };
  }
  const entries = catalog ?? catalogOf(ctx, doc);
  const visited = doc.lastVisited && entries.find((e) => e.id === doc.lastVisited?.lessonId && !e.completed);
  const next =
    visited || entries.find((e) => !e.completed && e.prerequisitesMet) || entries.find((e) => !e.completed);
  if (!next) return { kind: "done", message: "Every stage of every lesson is passed. Keep up the reviews." };
  const stage = next.currentStage;
  const title = next.stages[stage - 1]?.title;
  if (!next.stages[stage - 1]?.read) {
    return {
      kind: "read",
      lessonId: next.id,
      stage,
      message: `Read stage ${stage} (${title}) of ${next.title}.`,
    };
  }
  // An attempt short of the mark today, or one that is over: say what is left and when, in the engine's words.
  const lesson = ctx.library.lesson(next.id);
  const progress = next.stages[stage - 1];
  const attempt = lesson && progress ? attemptStatus(ctx, doc, lesson, progress) : undefined;
  const where = `Stage ${stage} (${title}) of ${next.title}`;
  return {
    kind: "quiz",
    lessonId: next.id,
    stage,
    message:
      attempt?.state === "missed" || attempt?.state === "closed"
        ? `${where}: ${attempt.message}`
        : `Answer the stage ${stage} (${title}) questions of ${next.title}.`,
  };
}

/**
 * "Carry on" when no lesson is named: the quiz or review in progress; else the due reviews (unless
 * `reviews: false`); else the next step's stage quiz (`stage` picks another stage of that lesson); else nothing.
 * What it starts is started here, so every front end resumes the same way.
 */
export async function resumeQuiz(
  ctx: EngineContext,
  learnerId: string,
  options: NextStepOptions & { stage?: number } = {},
): Promise<Result<Resumed>> {
  const next = nextStepOf(ctx, await ctx.store.read(learnerId), options);
  const started = (kind: "review" | "started", result: Result<QuizState>): Result<Resumed> =>
    result.ok ? ok({ kind, quiz: result.value, next }) : result;
  switch (next.kind) {
    case "continue-quiz":
      return ok({ kind: "continued", quiz: next.quiz, next });
    case "review":
      return started("review", await startReview(ctx, learnerId));
    case "read":
    case "quiz":
      return started("started", await startQuiz(ctx, learnerId, next.lessonId, options.stage ?? next.stage));
    case "done":
      return ok({ kind: "nothing", next });
  }
}
