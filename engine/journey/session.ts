/** The learner's quiz or review in progress, as the front ends see it. */
import type { EngineContext } from "../context.js";
import type { LearnerDoc, Session } from "../progress/model.js";
import { present } from "../quiz/present.js";
import { dueIds } from "../review/due.js";
import type { QuizState } from "../tutor-types.js";

export function sessionState(ctx: EngineContext, doc: LearnerDoc): QuizState | undefined {
  const s = doc.session;
  if (!s) return undefined;
  // Questions removed from the content since the session began are skipped, never a crash.
  const ids = s.questionIds;
  let index = s.index;
  while (index < ids.length && !ctx.library.question(ids[index] as string)) index++;
  const written = index < ids.length ? ctx.library.question(ids[index] as string) : undefined;
  // Shown as this attempt shuffled it: the same order on every resume.
  const question = written ? present(written, sessionSeed(s)).question : undefined;
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
    ...(s.mode === "quiz" ? { round: s.round ?? "first" } : {}),
    reveals: s.mode === "review" || s.round === "practice",
  };
}

/** The session's shuffle seed; sessions saved before seeds existed use one derived from their start time. */
export function sessionSeed(s: Session): number {
  if (s.seed !== undefined) return s.seed;
  let seed = 0;
  for (const ch of s.startedAt) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  return seed;
}

/** Cards due now other than the ones still ahead in the session. */
function moreDue(ctx: EngineContext, doc: LearnerDoc, ahead: string[]): number {
  const asked = new Set(ahead);
  return dueIds(ctx, doc).filter((id) => !asked.has(id)).length;
}
