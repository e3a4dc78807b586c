/** The shapes the Tutor facade hands to both front ends. */
import type { LlmConfig } from "./ask/llm.js";
import type { Lesson, LessonSection, Question, StageNumber } from "./content/model.js";
import type { JournalEntry, LearnerDoc, RecallRating } from "./progress/model.js";
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
  /** The stage's attempt for today is over: a fresh one opens on `retryOn`. */
  | "try-later"
  /** Retry or answers asked for when the attempt is not at that point (a round running, no attempt, ...). */
  | "not-now"
  /** Self-assessment: the answer is not the learner's latest explain answer. */
  | "nothing-to-assess"
  | "already-assessed"
  /** Self-assessment: the rating is not one of again, hard, good, easy. */
  | "invalid-assessment"
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
  /** For try-later: the study day (YYYY-MM-DD) from which a fresh attempt can pass the stage. */
  retryOn?: string;
}

export type Result<T> = { ok: true; value: T } | Refusal;

export type StageStatus = "locked" | "available" | "passed";

export interface StageProgress {
  stage: StageNumber;
  title: string;
  status: StageStatus;
  /**
   * The stage's pool (its questions that are not review-only), how many of them answered at least once, how
   * many whose latest answer is right.
   */
  total: number;
  answered: number;
  correct: number;
  /** correct / total, 0..1. */
  score: number;
  /** Questions one attempt asks: a draw of 5 from the pool, or the whole pool when smaller. */
  asked: number;
  /** How many right answers in one attempt (of `asked`) pass it. */
  needed: number;
  read: boolean;
  /** Passed with an answer that counted a key point on the learner's self-assessment. */
  selfAssessed?: boolean;
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
  /** The stage's pool: questions an attempt may ask (review-only ones not counted). */
  questionCount: number;
  /** Parts of this stage kept back until the learner hands in the stage's explain question (headings). */
  hidden: string[];
  /** Questions one attempt asks (a draw from the pool). */
  asked: number;
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
  /** Each answer of the session; `selfAssessed` when it is right on the learner's self-assessment. */
  results: { questionId: string; correct: boolean; selfAssessed?: boolean }[];
  /** The question to answer now; undefined when the session is finished. */
  question?: Question;
  done: boolean;
  /** Reviews only: cards due now that this session will not ask (a session holds at most 20). */
  moreDue?: number;
  /**
   * Stage quizzes: the first round of an attempt (it alone can pass the stage), the retry of its missed
   * questions (practice, never a pass), or practice of a stage already passed.
   */
  round?: "first" | "retry" | "practice";
  /** Whether the feedback after each answer shows the right answer and explanation (reviews, practice). */
  reveals: boolean;
  /** Stage quizzes, once finished: where the attempt stands (missed questions, retry, when to try again). */
  attempt?: AttemptStatus;
}

/** Where a learner's attempt at a stage stands, with the choices it leaves and the engine's words for it. */
export interface AttemptStatus {
  lessonId: string;
  stage: StageNumber;
  /**
   * passed: the stage is passed. running / retrying: a round is in progress. missed: the first round ended short
   * of the mark (retry the missed questions once, or see the answers). closed: the attempt is over; a fresh one
   * opens on `nextTry`. open: a fresh attempt may start now.
   */
  state: "passed" | "running" | "retrying" | "missed" | "closed" | "open";
  /** Right answers in the first round, out of `total`; `needed` pass. */
  right: number;
  total: number;
  needed: number;
  /** The questions the first round missed (or left unanswered). */
  missed: { questionId: string; prompt: string }[];
  canRetry: boolean;
  canSeeAnswers: boolean;
  /** Study day (YYYY-MM-DD) from which a fresh attempt can pass, when it is not today. */
  nextTry?: string;
  /** One or two plain sentences saying where the attempt stands and when the learner can try again. */
  message: string;
}

/** A stage's questions with their answers, as "see the answers" shows them. */
export interface ShownAnswer {
  question: Question;
  /** The right answer in words: the option(s), the order, the accepted answer or value, or the key points. */
  answer: string;
  /** Whether the first round got it right. */
  right: boolean;
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
  /**
   * Whether this feedback shows the right answer and the explanation. False for a wrong answer during a stage
   * attempt (the chosen wrong option's misconception only); true for a right answer, in reviews, in practice and
   * for explain questions once handed in.
   */
  revealed: boolean;
  /** Headings of lesson parts shown from now on, because this answer handed in the stage's explanation. */
  unveiled?: string[];
  /** Explain answers: open to the learner's self-assessment (Tutor.selfAssess) until their next answer. */
  assessment?: Assessable;
}

/** An explain answer the learner may self-assess: the grader's verdict on each key point, and what may change. */
export interface Assessable {
  questionId: string;
  lessonId: string;
  stage: StageNumber;
  mode: "quiz" | "review";
  keyPoints: { text: string; covered: boolean }[];
  /** What the grader found wrong with the answer as a whole (stuffing, contradiction, ...). */
  flags: string[];
  correct: boolean;
  score: number;
  /** The rating the grader's verdict gives, used when the learner rates nothing. */
  suggested: RecallRating;
  /** How many missed points may count as covered on the learner's word. */
  maxCredited: number;
  /** Why no dispute can count on this answer: the grader flagged it, or it covered no key point at all. */
  locked?: "flagged" | "nothing-covered";
}

export interface SelfAssessInput {
  /** Indices of the key points whose verdict the learner disputes. */
  disputed: number[];
  rating: RecallRating;
}

/** What disputes do to a graded answer (judgeSelfAssessment). */
export interface SelfJudgement {
  /** The disputed key points (indices), in order, without repeats or unknown ones. */
  disputed: number[];
  /** The missed points that count as covered on the learner's word. */
  credited: number[];
  correct: boolean;
  score: number;
  /** Why disputed missed points do not count: the answer was flagged, covered nothing, or too many were disputed. */
  blocked?: "flagged" | "nothing-covered" | "too-many";
}

export interface SelfAssessOutcome {
  questionId: string;
  rating: RecallRating;
  disputed: { text: string; covered: boolean }[];
  credited: string[];
  blocked?: SelfJudgement["blocked"];
  /** The verdict with the learner's word counted, and the grader's own. */
  correct: boolean;
  graderCorrect: boolean;
  score: number;
  /** When the question comes back, on the learner's rating. */
  nextDue: Date;
  stage: StageChange;
  /** The quiz after the assessment (its results with the learner's word counted). */
  quiz: QuizState;
}

/** For authors: how often learners disputed each key point of a question, with examples (Tutor.disputes). */
export interface DisputeReport {
  questions: QuestionDisputes[];
  /** Lines of the disputes files that could not be read (a torn write, a hand edit): skipped. */
  skipped: number;
}

export interface QuestionDisputes {
  questionId: string;
  lessonId: string;
  /** Self-assessments of this question with at least one dispute. */
  assessments: number;
  points: PointDisputes[];
}

export interface PointDisputes {
  text: string;
  /** Learners said they covered it where the grader said missed. */
  saidCovered: number;
  /** Learners said they missed it where the grader said covered. */
  saidMissed: number;
  /** Of those, disputes on answers the grader had flagged. */
  onFlagged: number;
  /** The latest answers with this point disputed (cut short), newest first. */
  examples: string[];
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
  /** Answers that count a key point on the learner's self-assessment (their stages say which passed so). */
  selfAssessed: number;
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
  /**
   * Folder for progress. Default: TUTOR_DATA_DIR, else the XDG data folder. Ignored when `store` is given. With a
   * database, the local folder for what stays on this machine (content cache, disputes).
   */
  dataDir?: string;
  /**
   * A PostgreSQL URL (postgres:// or postgresql://): progress is kept there instead of the folder. Default:
   * TUTOR_DATABASE_URL; unset keeps the JSON folder. Pool size and statement timeout come from
   * TUTOR_DATABASE_POOL_SIZE and TUTOR_DATABASE_STATEMENT_TIMEOUT_MS. Ignored when `store` is given.
   */
  databaseUrl?: string;
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
  /** Source of each attempt's shuffle seed (0 <= x < 1). Default Math.random; tests pin it like the clock. */
  random?: () => number;
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
