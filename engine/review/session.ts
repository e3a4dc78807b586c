/** Review sessions: the cards due now, asked one at a time like a quiz. */
import { type EngineContext, ok, refuse } from "../context.js";
import { newSeed } from "../journey/attempt.js";
import { sessionState } from "../journey/session.js";
import type { QuizState, Result } from "../tutor-types.js";
import { dueIds, nextDue } from "./due.js";

/** The most cards one review session asks; QuizState.moreDue counts the rest. */
export const REVIEW_SESSION_SIZE = 20;

/** A new review session of the cards due now, the most overdue first, at most `limit` of them. */
export function startReview(
  ctx: EngineContext,
  learnerId: string,
  limit = REVIEW_SESSION_SIZE,
): Promise<Result<QuizState>> {
  return ctx.store.update(learnerId, (doc): Result<QuizState> => {
    const ids = dueIds(ctx, doc).slice(0, limit);
    if (ids.length === 0) {
      const next = nextDue(ctx, doc);
      return refuse(
        "nothing-due",
        "No reviews are due. Come back later, or learn something new.",
        next ? { nextDue: next } : {},
      );
    }
    doc.session = {
      mode: "review",
      questionIds: ids,
      index: 0,
      startedAt: ctx.now().toISOString(),
      results: [],
      seed: newSeed(ctx),
    };
    return ok(sessionState(ctx, doc) as QuizState);
  });
}

/** The review in progress where there is one, else a new one of the cards due now. */
export async function resumeReview(ctx: EngineContext, learnerId: string): Promise<Result<QuizState>> {
  const current = sessionState(ctx, await ctx.store.read(learnerId));
  if (current && !current.done && current.mode === "review") return ok(current);
  return startReview(ctx, learnerId);
}
