/** The learner's quiz or review in progress, as the front ends see it. */
import type { EngineContext } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { dueIds } from "../review/due.js";
import type { QuizState } from "../tutor-types.js";

export function sessionState(ctx: EngineContext, doc: LearnerDoc): QuizState | undefined {
  const s = doc.session;
  if (!s) return undefined;
  // Questions removed from the content since the session began are skipped, never a crash.
  const ids = s.questionIds;
  let index = s.index;
  while (index < ids.length && !ctx.library.question(ids[index] as string)) index++;
  const question = index < ids.length ? ctx.library.question(ids[index] as string) : undefined;
  return {
    mode: s.mode,
    ...(s.lessonId ? { lessonId: s.lessonId } : {}),
    ...(s.stage ? { stage: s.stage } : {}),
    index,
    total: ids.length,
    results: s.results,
    ...(question ? { question } : {}),
    done: question === undefined,
    ...(s.mode === "review" ? { moreDue: moreDue(ctx, doc, ids.slice(index)) } : {}),
  };
}

/** Cards due now other than the ones still ahead in the session. */
function moreDue(ctx: EngineContext, doc: LearnerDoc, ahead: string[]): number {
  const asked = new Set(ahead);
  return dueIds(ctx, doc).filter((id) => !asked.has(id)).length;
}
