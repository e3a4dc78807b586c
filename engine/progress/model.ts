/** The JSON document kept for one learner. Everything is keyed by stable ids, never positions. */
import type { Card } from "ts-fsrs";
import type { StageNumber } from "../content/model.js";

export const DOC_VERSION = 1;

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
  /**
   * The learner's word changed this answer's result: a key point the grader missed counts as covered on their
   * self-assessment. `correct` stays the grader's verdict; leaderboards count only that.
   */
  selfAssessed?: boolean;
  /** The learner's self-assessment of this explain answer (journey/self-assess.ts), when they gave one. */
  selfAssessment?: SelfAssessmentRecord;
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

export interface LearnerDoc {
  version: number;
  learnerId: string;
  createdAt: string;
  /** Every answer ever given, append-only. */
  history: AnswerRecord[];
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
  /** Fields written by newer versions are kept as they are. */
  [extra: string]: unknown;
}

export function emptyDoc(learnerId: string, now: Date): LearnerDoc {
  return {
    version: DOC_VERSION,
    learnerId,
    createdAt: now.toISOString(),
    history: [],
    cards: {},
    journal: [],
    passed: {},
    read: {},
  };
}
