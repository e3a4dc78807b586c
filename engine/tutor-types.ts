/** The shapes the Tutor facade hands to both front ends. */
import type { LlmConfig } from "./ask/llm.js";
import type { Lesson, LessonSection, Question, StageNumber } from "./content/model.js";
import type { JournalEntry, LearnerDoc } from "./progress/model.js";
import type { ProgressStore } from "./progress/store.js";
import type { Grade, Response } from "./quiz/model.js";

/** Expected refusals are values: front ends turn the code (or the message) into their own words. */
export type RefusalCode =
  | "unknown-lesson"
  | "unknown-stage"
  | "stage-locked"
  | "unknown-question"
  | "no-session"
  | "stale-question"
  | "nothing-due"
  | "unknown-time-zone"
  | "bad-hour";

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  /** The closest lesson id, for unknown lessons; the closest zone name, for unknown time zones. */
  suggestion?: string;
  /** For stale-question: where the learner's quiz is now. */
  current?: QuizState;
  /** For nothing-due: when the next review falls due (ISO time), if any card is scheduled. */
  nextDue?: string;
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

/** What "carry on" did when no lesson was named, with the next step that decided it (its message says why). */
export type Resumed =
  /** The quiz or review in progress; a review started because reviews are due; the next stage's quiz started. */
  | { kind: "continued" | "review" | "started"; quiz: QuizState; next: NextStep }
  /** Nothing to start: every stage is passed (or, with reviews passed over, only reviews are left). */
  | { kind: "nothing"; next: NextStep };

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
  /** Every stage of the lesson after this answer. */
  stages: StageProgress[];
  /** Where to go on: the first open stage after this one; none when every later stage is passed. */
  nextStage?: StageNumber;
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
  /** The answer as it was graded and kept: typed text without control characters, cut to the longest kept. */
  response: Response;
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

export interface TutorOptions {
  /** Folder holding lessons/ and quizzes/. Default: the bundled content. */
  contentDir?: string;
  /** Folder for progress. Default: TUTOR_DATA_DIR, else the XDG data folder. Ignored when `store` is given. */
  dataDir?: string;
  store?: ProgressStore;
  now?: () => Date;
  /** Share of a stage's questions to answer right to pass it. Default 0.8. */
  passMark?: number;
  /** For study days and streaks. Default: this machine's time zone. */
  timeZone?: string;
  /** Hour at which a new study day starts. Default 4. */
  dayStartHour?: number;
  /** Where the parsed content is cached between starts. Default: cache/ in the data folder; false for none. */
  contentCache?: string | false;
  /** A language model for `ask`. Default: from TUTOR_LLM_URL and TUTOR_LLM_MODEL; false for none. */
  llm?: LlmConfig | false;
}

export interface ReminderSettings {
  on: boolean;
  /** Local hour, 0-23, in `timeZone`. */
  hour: number;
  timeZone: string;
}

export interface LearnerSettingsView {
  /** The time zone used for the learner's study days, streaks and reminders. */
  timeZone: string;
  /** false: the learner chose none, and this is the tutor's default. */
  ownTimeZone: boolean;
  reminders: ReminderSettings;
}

/** `Tutor.exportData`: everything kept about one learner, as one JSON document. */
export interface LearnerExport {
  format: string;
  version: 1;
  exportedAt: string;
  learnerId: string;
  /** The learner's document as kept: answers, cards, stages, journal, settings and reminders. */
  data: LearnerDoc;
}
