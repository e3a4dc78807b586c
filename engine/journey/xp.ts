/** Experience points: fixed on each answer when it is recorded (progress/tallies.ts) and summed from there. */

export const XP_FIRST_CORRECT = 10;
export const XP_REPEAT_CORRECT = 5;

/** 10 for the first right answer to a question, 5 for each later right answer (reviews), 0 for a wrong one. */
export function xpFor(correct: boolean, firstCorrect: boolean): number {
  if (!correct) return 0;
  return firstCorrect ? XP_FIRST_CORRECT : XP_REPEAT_CORRECT;
}
