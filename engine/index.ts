/** The engine's only public door. Front ends import from here and nowhere else in engine/. */
export * from "./content/model.js";
export { checkContent, defaultContentDir, loadContent, type LoadResult } from "./content/load.js";
export { ContentError, type ContentIssue, formatIssue, isTutorError, StoreError, type TutorError } from "./errors.js";
export type * from "./quiz/model.js";
export type { JournalEntry, JournalKind } from "./progress/model.js";
export type * from "./tutor-types.js";
