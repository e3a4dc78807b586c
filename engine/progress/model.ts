/**
 * What is kept for one learner: a small document (cards, stages, session, journal, tallies) rewritten whole on
 * each change, and the answer history as an append-only log of AnswerRecords beside it, never loaded to answer.
 * Everything is keyed by stable ids, never positions.
 */
import type { Card } from "ts-fsrs";
import type { StageNumber } from "../content/model.js";

/** 2: history moved out of the document into the answer log; tallies, log position and revision added. */
export const DOC_VERSION = 2;

export interface AnswerRecord {
  questionId: string;
  lessonId: string;
  stage: StageNumber;
  at: string;
  correct: boolean;
  score: number;
  hintUsed: boolean;
  mode: "quiz" | "review";
  /** Where it was answered: a Discord server id, for per-server leaderboards and stats. */
  guildId?: string;
  /** Options chosen, for choice questions (kept for per-option statistics). */
  selected?: number[];
  /** Free text as given (short, numeric, explain), capped in length. */
  text?: string;
  /** XP this answer earned, fixed when it was recorded (journey/xp.ts). */
  xp?: number;
  /** This answer passed its stage. */
  passedStage?: boolean;
  /** Its place in the learner's log, from 1; set by the store. */
  seq?: number;
  /** Fields written by newer versions are kept as they are. */
  [extra: string]: unknown;
}

export type RecallRating = "again" | "hard" | "good" | "easy";

/** What the learner said about one of their explain answers after seeing the grader's verdict. */
export interface SelfAssessmentRecord {
  at: string;
  /** Their recall, Anki's four buttons: it scheduled the review instead of the automatic rating. */
  rating: RecallRating;
  /** Key points whose verdict they disputed, as the grader had them. */
  disputed: { text: string; covered: boolean }[];
  /** Missed key points counted as covered on their word. */
  credited: string[];
  /** The verdict with their word counted: for their own progress and the stage, never for leaderboards. */
  correct: boolean;
}

/** The latest explain answer, open to the learner's self-assessment until their next answer. */
export interface OpenAssessment {
  questionId: string;
  lessonId: string;
  stage: StageNumber;
  mode: "quiz" | "review";
  /** When it was answered: the answer record's `at`. */
  at: string;
  text: string;
  keyPoints: { text: string; covered: boolean }[];
  flags: string[];
  correct: boolean;
  score: number;
  hintUsed: boolean;
  /** The card before this answer, so the learner's rating replaces the automatic one. */
  cardBefore?: StoredCard;
  /** The attempt this answer belongs to: its start, its results up to and with this answer, its length. */
  attempt: { startedAt: string; results: SessionResult[]; total: number };
  /** Set once the learner has assessed it. */
  assessedAt?: string;
}

export interface SelfAssessmentState {
  open?: OpenAssessment;
  /** How many answers count a key point on the learner's word. */
  credited: number;
  /** lessonId -> stage -> ISO time: stages whose pass counted a self-assessed answer. */
  passed: Record<string, Partial<Record<StageNumber, string>>>;
}

export type JournalKind = "explanation" | "design" | "reflection" | "note";

export interface JournalEntry {
  lessonId: string;
  stage: StageNumber;
  questionId: string;
  kind: JournalKind;
  text: string;
  at: string;
  covered: string[];
  missed: string[];
  /** The learner's self-assessment of this answer, when they gave one. */
  selfAssessment?: Omit<SelfAssessmentRecord, "correct">;
}

/** A card as stored: ts-fsrs's Card with dates as ISO strings. */
export type StoredCard = Omit<Card, "due" | "last_review"> & { due: string; last_review?: string };

export interface Session {
  mode: "quiz" | "review";
  lessonId?: string;
  stage?: StageNumber;
  questionIds: string[];
  index: number;
  startedAt: string;
  results: SessionResult[];
  /** Seed of this attempt's shuffle (question order, options, order items): a resumed quiz shows the same. */
  seed?: number;
  /** Stage quizzes: the first round of an attempt, the retry of its missed questions, or practice of a passed stage. */
  round?: "first" | "retry" | "practice";
}

/** The learner's latest attempt at one stage's quiz (see journey/attempt.ts for the rules). */
export interface StageAttempt {
  /** Study day (YYYY-MM-DD) the attempt began. */
  day: string;
  /** The round in progress or last played. */
  round: "first" | "retry";
  /** Questions answered right in the first round. */
  right: string[];
  /** The attempt is over: the retry was played or the learner chose to see the answers. */
  closed?: boolean;
  /** The questions the first round asked, drawn from the stage's pool; absent in attempts older than pools. */
  asked?: string[];
}

export interface SessionResult {
  questionId: string;
  correct: boolean;
  /** Right on the learner's self-assessment, not on the grader's verdict. */
  selfAssessed?: boolean;
}

/** One question's answers by this learner: enough for XP (first right answer) and stage progress (the latest). */
export interface QuestionTally {
  answers: number;
  correct: number;
  /** Whether the latest answer was right. */
  last: boolean;
}

/** Running totals over the whole answer log, so nothing that shows a total reads the log. */
export interface Totals {
  answers: number;
  correct: number;
  xp: number;
}

export interface LearnerSettings {
  /** An IANA time zone for study days, streaks and reminders; none: the engine's. */
  timeZone?: string;
}

export interface ReminderState {
  on: boolean;
  /** Local hour (0-23) in the learner's time zone at which a reminder may go out. */
  hour: number;
  /** The local calendar day a reminder was last claimed for: at most one a day, whichever process sends it. */
  lastDay?: string;
  /** Why reminders were switched off by the tutor, to tell the learner once on their next command. */
  offNotice?: "dm-closed";
}

export interface LearnerDoc {
  version: number;
  learnerId: string;
  createdAt: string;
  /** Revision: one more on every write. A write checks it is still the newest before it lands (fencing). */
  rev: number;
  /** How many answers the log holds, and its size in bytes, as of this revision. */
  log: { count: number; bytes: number };
  totals: Totals;
  /** Study day (YYYY-MM-DD, the engine's clock when answered) -> answers that day. */
  days: Record<string, number>;
  /** Question id -> tally of the learner's answers to it. */
  questions: Record<string, QuestionTally>;
  /** Spaced-repetition cards by question id. */
  cards: Record<string, StoredCard>;
  journal: JournalEntry[];
  /** lessonId -> stage -> ISO time the stage was first passed. */
  passed: Record<string, Partial<Record<StageNumber, string>>>;
  /** lessonId -> stage -> ISO time the stage was first opened. */
  read: Record<string, Partial<Record<StageNumber, string>>>;
  lastVisited?: { lessonId: string; stage: StageNumber; at: string };
  session?: Session;
  /** lessonId -> stage -> the latest attempt at the stage's quiz. Absent in documents older than the rule. */
  attempts?: Record<string, Partial<Record<StageNumber, StageAttempt>>>;
  /** lessonId -> stage -> ISO time the learner first handed in the stage's explain question (unhides parts). */
  handedIn?: Record<string, Partial<Record<StageNumber, string>>>;
  /**
   * lessonId -> stage -> question id -> the number of the latest attempt that drew it (1 for the first), so a
   * retake draws other questions (journey/draw.ts). Bounded by the stage's pool; absent before any draw.
   */
  drawn?: Record<string, Partial<Record<StageNumber, Record<string, number>>>>;
  /** Self-assessment of explain answers: the one open now, and what rests on the learner's word. */
  selfAssessment?: SelfAssessmentState;
  /** The learner's own choices. Added in 0.2; older documents have none. */
  settings?: LearnerSettings;
  /** Daily review reminders (the bot's direct messages). Added in 0.2; older documents have none. */
  reminders?: ReminderState;
  /** Fields written by newer versions are kept as they are. */
  [extra: string]: unknown;
}

/** Everything kept about one learner, as export gives it and restore takes it. */
export type ExportedLearner = LearnerDoc & { history: AnswerRecord[] };

export function emptyDoc(learnerId: string, now: Date): LearnerDoc {
  return {
    version: DOC_VERSION,
    learnerId,
    createdAt: now.toISOString(),
    rev: 0,
    log: { count: 0, bytes: 0 },
    totals: { answers: 0, correct: 0, xp: 0 },
    days: {},
    questions: {},
    cards: {},
    journal: [],
    passed: {},
    read: {},
  };
}

/** What an update may do besides changing the document: append answers to the learner's log. */
export interface DocWriter {
  /** Appends to the answer log (and the server figures) in the same write as the document. */
  append(record: AnswerRecord): void;
}
