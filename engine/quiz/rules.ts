/**
 * Grading rules the front ends show: light on purpose, so a front end can import them without loading the
 * grader.
 */

/** Share of key points an explain answer must cover to count as correct. */
export const EXPLAIN_PASS = 0.6;
