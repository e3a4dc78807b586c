/** What a learner submits, and what grading returns. */

export type Response =
  /** single, multiple and true-false: indices into the question's options. */
  | { kind: "choice"; selected: number[] }
  /** order: indices into the question's items (correct order), in the order the learner arranged them. */
  | { kind: "order"; order: number[] }
  /** short, numeric and explain. */
  | { kind: "text"; text: string };

export interface OptionFeedback {
  option: number;
  text: string;
  feedback?: string;
}

export interface KeyPointResult {
  text: string;
  covered: boolean;
  /** The phrasing that matched, when covered. */
  matched?: string;
}

export interface Grade {
  questionId: string;
  correct: boolean;
  /** 0..1: share of the answer that was right (options, items in place, key points). */
  score: number;
  /** Wrong options the learner chose, with the misconception each reflects. */
  chosenWrong: OptionFeedback[];
  /** Correct options the learner left out (multiple choice). */
  missedCorrect: number[];
  /** The expected answer in words, for short and numeric questions and order questions. */
  expected?: string;
  /** Explain questions: every key point, covered or not. */
  keyPoints?: KeyPointResult[];
  /** Explain questions: jargon used without explaining it. */
  jargon?: string[];
  /** Why the response could not be graded as given (for example not a number). */
  invalid?: string;
  /**
   * Explain questions: what the grader found wrong with the answer as a whole (keyword stuffing, a contradiction,
   * copying, off topic...). A flagged answer cannot be overridden by the learner's self-assessment.
   */
  flags?: string[];
}
