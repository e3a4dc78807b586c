/**
 * Grading rules the front ends show: light on purpose, so a front end can import them without loading the
 * grader (and the pattern engine behind it).
 */

/** Share of key points an explain answer must cover to count as correct. */
export const EXPLAIN_PASS = 0.6;

/**
 * The longest text answer graded, in characters (code points): Discord's largest text input. A longer answer
 * is refused before any matching, so grading time is bounded whatever a learner sends.
 */
export const MAX_RESPONSE_LENGTH = 4000;

/** True when `text` has more than MAX_RESPONSE_LENGTH characters; never walks a huge string. */
export function isTooLong(text: string): boolean {
  if (text.length <= MAX_RESPONSE_LENGTH) return false;
  // Each character is one or two UTF-16 units: past twice the limit it is too long whatever it holds.
  if (text.length > 2 * MAX_RESPONSE_LENGTH) return true;
  let characters = 0;
  for (const _ of text) characters++;
  return characters > MAX_RESPONSE_LENGTH;
}
