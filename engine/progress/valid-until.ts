/** Until when a home screen computed now stays true without a write: the next card falling due, or the next study day. */
import type { EngineContext } from "../context.js";
import { studyDay } from "../time/study-day.js";
import { clockOf } from "../time/time-zone.js";
import type { LearnerDoc } from "./model.js";

const QUARTER_HOUR = 15 * 60_000;

export function overviewValidUntil(ctx: EngineContext, doc: LearnerDoc): Date {
  const now = ctx.now();
  const clock = clockOf(ctx, doc);
  // Every time zone's offset is a whole number of quarter hours, so a study day starts on one.
  const today = studyDay(now, clock);
  let dayEnds = new Date(Math.ceil((now.getTime() + 1) / QUARTER_HOUR) * QUARTER_HOUR);
  for (let i = 0; i < 4 * 26 && studyDay(dayEnds, clock) === today; i++)
    dayEnds = new Date(dayEnds.getTime() + QUARTER_HOUR);
  let until = dayEnds.getTime();
  for (const card of Object.values(doc.cards)) {
    const due = Date.parse(card.due);
    if (due > now.getTime() && due < until) until = due;
  }
  return new Date(until);
}
