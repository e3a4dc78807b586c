/** The engine's only public door. Front ends import from here and nowhere else in engine/. */

export { type AskResult, MAX_QUESTION_LENGTH } from "./ask/ask.js";
export { endpoint as llmEndpoint, type LlmConfig, llmConfigFromEnv } from "./ask/llm.js";
export type { Passage, SectionIndex } from "./ask/search.js";
export {
  type CheckOptions,
  checkContent,
  defaultContentDir,
  type LoadResult,
  loadContent,
} from "./content/load.js";
export * from "./content/model.js";
export {
  ContentError,
  type ContentIssue,
  formatIssue,
  isTutorError,
  StoreError,
  type TutorError,
} from "./errors.js";
export { disputeReport } from "./groups/disputes.js";
export {
  blockedReason,
  judgeSelfAssessment,
  MAX_CREDITED,
  RECALL_RATINGS,
} from "./journey/self-assess.js";
export { describeLocation, sameLocation } from "./progress/location.js";
export {
  type Counts,
  CountsDiffer,
  KIND_WORDS,
  KINDS,
  type MigrateProgress,
  type MigrateReport,
  migrateStores,
  type VerifyReport,
  verifyStores,
} from "./progress/migrate.js";
export type {
  AnswerRecord,
  ExportedLearner,
  JournalEntry,
  JournalKind,
  RecallRating,
  SelfAssessmentRecord,
} from "./progress/model.js";
export { databaseSettings, isDatabaseUrl, openStore, type PgOptions } from "./progress/open-store.js";
export { describeDatabase } from "./progress/pg-settings.js";
export {
  defaultDataDir,
  JsonProgressStore,
  type ProgressStore,
  type RebuildReport,
  type StoreOptions,
} from "./progress/store.js";
export { heatLevel } from "./progress/summary.js";
export type * from "./quiz/model.js";
export { EXPLAIN_PASS, MAX_RESPONSE_LENGTH } from "./quiz/rules.js";
export type { ClaimedReminder } from "./reminders/reminders.js";
export { closest } from "./text/closest.js";
export { stripControls, withoutControls } from "./text/controls.js";
export { Tutor } from "./tutor.js";
export type * from "./tutor-types.js";
