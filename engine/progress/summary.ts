/** A learner's progress: stages passed, streak, XP, the activity heatmap and the reviews coming due. */

import { STAGE_NUMBERS } from "../content/model.js";
import type { EngineContext } from "../context.js";
import { catalogOf } from "../journey/catalog.js";
import { isDue } from "../review/scheduler.js";
import { addDays, streakOf, studyDay } from "../time/study-day.js";
import { clockOf } from "../time/time-zone.js";
import type { ProgressSummary } from "../tutor-types.js";
import type { LearnerDoc } from "./model.js";

export interface SummaryOptions {
  /** Weeks of activity, ending today. Default 12. */
  weeks?: number;
  /** Days of reviews coming due, starting today. Default 7. */
  days?: number;
}

export function progressOf(
  ctx: EngineContext,
  learnerId: string,
  doc: LearnerDoc,
  options: SummaryOptions = {},
): ProgressSummary {
  const weeks = options.weeks ?? 12;
  const days = options.days ?? 7;
  const now = ctx.now();
  const lessons = catalogOf(ctx, doc);
  const stagesTotal = lessons.length * STAGE_NUMBERS.length;
  const stagesPassed = lessons.reduce((sum, l) => sum + l.passedStages, 0);
  // Study days in the learner's own time zone when they chose one.
  const clock = clockOf(ctx, doc);
  const today = studyDay(now, clock);
  // Answers per study day are counted as each is recorded, on the learner's study day then (progress/tallies.ts):
  // the log is never read here. Days already counted stay where they were if the learner changes time zone.
  const perDay = new Map(Object.entries(doc.days));
  const streak = streakOf(new Set(perDay.keys()), today);
  const activity = Array.from({ length: weeks * 7 }, (_, i) => {
    const day = addDays(today, i - weeks * 7 + 1);
    return { day, count: perDay.get(day) ?? 0 };
  });
  // Cards of questions removed from the content count for nothing.
  const known = Object.entries(doc.cards)
    .filter(([id]) => ctx.library.question(id))
    .map(([, card]) => card);
  const dueByDay = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const card of known) {
    const due = new Date(card.due);
    if (Number.isNaN(due.getTime())) continue;
    const day = due <= now ? today : studyDay(due, clock);
    const slot = dueByDay.find((d) => d.day === day);
    if (slot) slot.count++;
  }
  return {
    learnerId,
    lessons,
    stagesPassed,
    stagesTotal,
    completion: stagesTotal > 0 ? stagesPassed / stagesTotal : 0,
    streak: { ...streak, studiedToday: perDay.has(today), today },
    xp: doc.totals.xp,
    answers: doc.totals.answers,
    selfAssessed: doc.selfAssessment?.credited ?? 0,
    activity,
    dueNow: known.filter((card) => isDue(card, now)).length,
    dueByDay,
  };
}

/** A day's activity as a heatmap shade, the same in every front end: none, 1-2, 3-5, 6-9, 10 or more answers. */
export function heatLevel(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count <= 2) return 1;
  if (count <= 5) return 2;
  if (count <= 9) return 3;
  return 4;
}
