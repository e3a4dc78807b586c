/** The shapes the Tutor facade hands to both front ends. */
import type { Lesson, LessonSection, Question, StageNumber } from "./content/model.js";
import type { JournalEntry } from "./progress/model.js";
import type { Grade } from "./quiz/model.js";

/** Expected refusals are values: front ends turn the code (or the message) into their own words. */
export type RefusalCode =
  | "unknown-lesson"
  | "unknown-stage"
  | "stage-locked"
  | "unknown-question"
  | "no-session"
  | "stale-question"
  | "nothing-due";

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  /** The closest lesson id, for unknown lessons. */
  suggestion?: string;
  /** For stale-question: where the learner's quiz is now. */
  current?: QuizState;
}

export type Result<T> = { ok: true; value: T } | Refusal;

export type StageStatus = "locked" | "available" | "passed";

export interface StageProgress {
  stage: StageNumber;
  title: string;
  status: StageStatus;
  /** Questions in the stage, how many answered at least once, how many whose latest answer is right. */
  total: number;
  answered: number;
  correct: number;
  /** correct / total, 0..1. */
  score: number;
  /** How many right answers in one attempt at the stage's quiz pass it. */
  needed: number;
  read: boolean;
}

export interface CatalogEntry {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  prerequisites: string[];
  prerequisitesMet: boolean;
  stages: StageProgress[];
  passedStages: number;
  completed: boolean;
  /** The first stage not yet passed (6 when all passed). */
  currentStage: StageNumber;
}

export interface StageView {
  lesson: Pick<Lesson, "id" | "title" | "summary" | "sources">;
  stage: StageNumber;
  title: string;
  markdown: string;
  sections: LessonSection[];
  status: StageStatus;
  stages: StageProgress[];
  questionCount: number;
}

export type NextStep =
  | { kind: "continue-quiz"; quiz: QuizState; message: string }
  | { kind: "review"; due: number; message: string }
  | { kind: "read"; lessonId: string; stage: StageNumber; message: string }
  | { kind: "quiz"; lessonId: string; stage: StageNumber; message: string }
  | { kind: "done"; message: string };

/** A home screen's worth: the catalog, the next step, the streak and how many reviews are due now. */
export interface Overview {
  catalog: CatalogEntry[];
  next: NextStep;
  streak: StreakInfo;
  dueNow: number;
}

export interface QuizState {
  mode: "quiz" | "review";
  lessonId?: string;
  stage?: StageNumber;
  /** 0-based position of the current question. */
  index: number;
  total: number;
  results: { questionId: string; correct: boolean }[];
  /** The question to answer now; undefined when the session is finished. */
  question?: Question;
  done: boolean;
  /** Reviews only: cards due now that this session will not ask (a session holds at most 20). */
  moreDue?: number;
}

export interface StageChange {
  lessonId: string;
  stage: StageNumber;
  before: StageStatus;
  after: StageStatus;
  /** This answer passed the stage. */
  passedNow: boolean;
  /** The stage this answer unlocked, if any. */
  unlocked?: StageNumber;
  /** This answer passed the lesson's last stage. */
  lessonCompleted: boolean;
  progress: StageProgress;
  /** Every stage of the lesson after this answer, so a front end can offer the next open stage. */
  stages: StageProgress[];
}

export interface AnswerInput {
  questionId: string;
  response: import("./quiz/model.js").Response;
  hintUsed?: boolean;
  /** A Discord server id, when answered in a server. */
  guildId?: string;
}

export interface AnswerOutcome {
  question: Question;
  grade: Grade;
  stage: StageChange;
  /** When this question comes up for review next. */
  nextDue: Date;
  /** The entry saved to the journal, for explain answers. */
  journal?: JournalEntry;
  /** The session after this answer: the next question, or done with a summary. */
  quiz: QuizState;
}

export interface StreakInfo {
  current: number;
  longest: number;
  studiedToday: boolean;
  /** The learner's current study day, YYYY-MM-DD. */
  today: string;
}

export interface ProgressSummary {
  learnerId: string;
  lessons: CatalogEntry[];
  stagesPassed: number;
  stagesTotal: number;
  /** stagesPassed / stagesTotal, 0..1. */
  completion: number;
  streak: StreakInfo;
  xp: number;
  answers: number;
  /** One cell per study day, oldest first, ending today: the last `weeks` weeks. */
  activity: { day: string; count: number }[];
  dueNow: number;
  /** Reviews falling due on each of the coming days (today first). */
  dueByDay: { day: string; count: number }[];
}

export interface LeaderboardRow {
  learnerId: string;
  xp: number;
  answers: number;
  correct: number;
  stagesPassed: number;
}

export interface QuizStats {
  answers: number;
  mostMissed: { questionId: string; lessonId: string; wrong: number; total: number }[];
  wrongOptions: { questionId: string; option: number; text: string; count: number }[];
}
