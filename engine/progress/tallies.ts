/**
 * Counting one answer into a learner's tallies: totals, answers per study day, per-question tallies and the XP it
 * earns. The one place these counters change, for a new answer, a migrated history and a rebuild alike.
 */
import { xpFor } from "../journey/xp.js";
import type { AnswerRecord, LearnerDoc } from "./model.js";

/** Adds `record` to the tallies of `doc` and returns the XP it earns (also set on the record). */
export function countAnswer(doc: LearnerDoc, record: AnswerRecord, day: string | undefined): number {
  const tally = doc.questions[record.questionId] ?? { answers: 0, correct: 0, last: false };
  const xp = xpFor(record.correct, tally.correct === 0);
  tally.answers++;
  if (record.correct) tally.correct++;
  tally.last = record.correct;
  doc.questions[record.questionId] = tally;
  doc.totals.answers++;
  if (record.correct) doc.totals.correct++;
  doc.totals.xp += xp;
  // A record with an unreadable time (hand-edited) counts for no day.
  if (day) doc.days[day] = (doc.days[day] ?? 0) + 1;
  record.xp = xp;
  return xp;
}
