/** Which of the learner's cards are due for review now, the most overdue first. */
import type { EngineContext } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { isDue } from "./scheduler.js";

/** Cards of questions that still exist, due now, the most overdue first. */
export function dueIds(ctx: EngineContext, doc: LearnerDoc): string[] {
  const now = ctx.now();
  return Object.entries(doc.cards)
    .filter(([id, card]) => ctx.library.question(id) !== undefined && isDue(card, now))
    .sort(([, a], [, b]) => a.due.localeCompare(b.due))
    .map(([id]) => id);
}

/** When the next card of a question that still exists falls due (ISO time), if any is scheduled. */
export function nextDue(ctx: EngineContext, doc: LearnerDoc): string | undefined {
  let next: string | undefined;
  for (const [id, card] of Object.entries(doc.cards)) {
    if (ctx.library.question(id) === undefined || Number.isNaN(Date.parse(card.due))) continue;
    if (next === undefined || Date.parse(card.due) < Date.parse(next)) next = card.due;
  }
  return next;
}
