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
  /** The learner's own choices. Added in 0.2; older documents have none. */
  settings?: LearnerSettings;
  /** Daily review reminders (the bot's direct messages). Added in 0.2; older documents have none. */
  reminders?: ReminderState;
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
