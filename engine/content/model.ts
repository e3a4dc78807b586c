/** The typed content model that the parsers produce and every other part of the engine reads. */

export const STAGES = [
  { stage: 1, title: "Understand", kind: "understand" },
  { stage: 2, title: "Articulate", kind: "articulate" },
  { stage: 3, title: "Limitations", kind: "limitations" },
  { stage: 4, title: "Build something better", kind: "build" },
  { stage: 5, title: "Its limitations", kind: "its-limitations" },
  { stage: 6, title: "Appreciate", kind: "appreciate" },
] as const;

export type StageNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const STAGE_NUMBERS: readonly StageNumber[] = [1, 2, 3, 4, 5, 6];

export function stageTitle(stage: StageNumber): string {
  return STAGES[stage - 1]?.title ?? `Stage ${stage}`;
}

export function isStageNumber(value: unknown): value is StageNumber {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 6;
}

export interface JargonTerm {
  term: string;
  plain: string[];
}

export interface LessonSection {
  /** Sub-heading text, or the stage title for the text before the first sub-heading. */
  heading: string;
  depth: number;
  markdown: string;
  line: number;
  /** Part of a section marked `{after-attempt}`: shown once the learner has handed in the stage's explain question. */
  afterAttempt?: boolean;
}

export interface LessonStage {
  stage: StageNumber;
  title: string;
  /** The stage's markdown without its own heading. */
  markdown: string;
  line: number;
  sections: LessonSection[];
  /**
   * Sub-sections marked `{after-attempt}` (their headings, marker removed), and the stage's markdown without them:
   * what the reader shows until the learner has handed in the stage's explain question.
   */
  afterAttempt?: { headings: string[]; before: string };
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  sources: string[];
  prerequisites: string[];
  jargon: JargonTerm[];
  stages: LessonStage[];
  file: string;
}

export type QuestionType = "single" | "multiple" | "true-false" | "order" | "short" | "numeric" | "explain";
export const QUESTION_TYPES: readonly QuestionType[] = [
  "single",
  "multiple",
  "true-false",
  "order",
  "short",
  "numeric",
  "explain",
];

interface QuestionBase {
  id: string;
  lessonId: string;
  stage: StageNumber;
  /** Markdown of the question itself. */
  prompt: string;
  hint?: string;
  /** Shown after answering; for explain questions, the model answer. */
  explanation: string;
  /** The id of the stage objective it tests (`objective: <id>` in its heading), when the stage declares them. */
  objective?: string;
  /** Never drawn into a stage attempt (the gate); asked in reviews only. */
  reviewOnly?: boolean;
  file: string;
  line: number;
}

export interface ChoiceOption {
  text: string;
  correct: boolean;
  /** For a wrong option: the misconception it reflects. */
  feedback?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  type: "single" | "multiple" | "true-false";
  options: ChoiceOption[];
}

export interface OrderQuestion extends QuestionBase {
  type: "order";
  /** Items in the correct order. */
  items: string[];
  /** Indices into `items` in the order to show them: a fixed shuffle, never the answer. */
  shuffled: number[];
}

export interface ShortQuestion extends QuestionBase {
  type: "short";
  accepted: string[];
  pattern?: string;
}

export interface NumericQuestion extends QuestionBase {
  type: "numeric";
  answer: number;
  tolerance: number;
  unit?: string;
}

export interface KeyPoint {
  text: string;
  phrasings: string[];
  /** Line of the key point in its quiz file. */
  line?: number;
}

/** An example answer an author marked as one the rubric must pass (`> **Passes:**`) or fail (`> **Fails:**`). */
export interface ExampleAnswer {
  passes: boolean;
  text: string;
  line: number;
}

export interface ExplainQuestion extends QuestionBase {
  type: "explain";
  keyPoints: KeyPoint[];
  /** Example answers checked by `tutor check` (calibration), never shown to learners before they answer. */
  examples?: ExampleAnswer[];
}

export type Question = ChoiceQuestion | OrderQuestion | ShortQuestion | NumericQuestion | ExplainQuestion;

/** What a stage's learner must understand: one line of its `> **Objectives:**` block. */
export interface Objective {
  /** Kebab-case, unique within the stage. */
  id: string;
  text: string;
  line: number;
}

/** A `## Stage N` section of a quiz file. */
export interface QuizStage {
  stage: StageNumber;
  /** The line of its `## Stage N` heading. */
  line: number;
  /** Empty when the stage declares none. */
  objectives: Objective[];
}

export interface Quiz {
  lessonId: string;
  file: string;
  /** The stage sections in file order, with their objectives. */
  stages: QuizStage[];
  questions: Question[];
}

export interface Catalog {
  /** Lessons in study order: prerequisites first, then by id. */
  lessons: Lesson[];
  quizzes: Quiz[];
  /** Groups of spellings of one idea, from lessons/synonyms.yml, for search. */
  synonyms: string[][];
}
