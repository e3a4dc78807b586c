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
  results: { questionId: string; correct: boolean }[];
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
  /** Study day the learner last saw this stage's answers. */
  shownOn?: string;
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
