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
  /** Graded by the learner, not the engine: never counted in server leaderboards. */
  selfAssessed?: boolean;
  /** Its place in the learner's log, from 1; set by the store. */
  seq?: number;
  /** Fields written by newer versions are kept as they are. */
  [extra: string]: unknown;
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
  /** Fields written by newer versions are kept as they are. */
  [extra: string]: unknown;
}

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
