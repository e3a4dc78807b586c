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
  /** The learner's sentence that covered it, as they wrote it (when covered). */
  evidence?: string;
  /** The learner's sentence that says the opposite of it (when not covered and contradicted). */
  contradiction?: string;
  /** The phrasing that matched, when covered by the offline grader. */
  matched?: string;
}

/**
 * Something about an explain answer as a whole. Any flag fails the answer. A `final` flag's verdict cannot be
 * overridden by the learner's self-assessment: stuffing, copy and off-topic (gibberish included) are final; a
 * contradiction is not (the learner may dispute it). An empty answer is never graded (`invalid`).
 */
export interface GradeFlag {
  kind: "contradiction" | "stuffing" | "copy" | "off-topic";
  message: string;
  /** The learner's sentence the flag is about, when there is one. */
  evidence?: string;
  final: boolean;
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
  /** Explain questions: contradictions, stuffing, copying, off-topic answers. */
  flags?: GradeFlag[];
  /** Explain questions: graded by the offline grader, or by a language model against the rubric. */
  gradedBy?: "offline" | "model";
  /** Why a configured model did not grade (time-out, junk reply): the offline verdict stands. */
  modelError?: string;
  /** Explain questions: jargon used without explaining it. */
  jargon?: string[];
  /** Why the response could not be graded as given (for example not a number). */
  invalid?: string;
}
