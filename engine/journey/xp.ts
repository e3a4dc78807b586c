/** Experience points, derived from the answer history so they can never drift from it. */
import type { AnswerRecord } from "../progress/model.js";

export const XP_FIRST_CORRECT = 10;
export const XP_REPEAT_CORRECT = 5;

/** 10 for the first right answer to a question, 5 for each later right answer (reviews), 0 for a wrong one. */
export function xpOf(
  history: AnswerRecord[],
  include: (record: AnswerRecord) => boolean = () => true,
): number {
  const seen = new Set<string>();
  let xp = 0;
  for (const record of history) {
    if (!record.correct) continue;
    const first = !seen.has(record.questionId);
    seen.add(record.questionId);
    if (include(record)) xp += first ? XP_FIRST_CORRECT : XP_REPEAT_CORRECT;
  }
  return xp;
}
