/** Real failures: one small family with a code and context. Expected outcomes are values, not errors. */

export interface ContentIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

export class ContentError extends Error {
  readonly code = "CONTENT_INVALID";
  constructor(
    readonly issues: ContentIssue[],
    /** The content folder the issues are in, when known. */
    readonly dir?: string,
  ) {
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in the lesson content:\n${issues.map(formatIssue).join("\n")}`,
    );
    this.name = "ContentError";
  }
}

/**
 * STORE_CORRUPT: a document or records moved aside (movedTo says where); STORE_LOCKED: another process holds the
 * lock; STORE_LOCK_LOST: this process lost its lock while stalled, and its write was refused; STORE_READ_ONLY:
 * the data folder cannot be written; STORE_IO: any other failure to read or write; STORE_UNAVAILABLE: the progress
 * database cannot be reached (nothing was read or saved; `path` names its host, port and database, never the
 * password); STORE_SCHEMA: the database was set up by a newer tutor; STORE_CONFIG: a database setting is malformed.
 */
export type StoreErrorCode =
  | "STORE_CORRUPT"
  | "STORE_LOCKED"
  | "STORE_LOCK_LOST"
  | "STORE_READ_ONLY"
  | "STORE_IO"
  | "STORE_UNAVAILABLE"
  | "STORE_SCHEMA"
  | "STORE_CONFIG";

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly path: string,
    readonly movedTo?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

export type TutorError = ContentError | StoreError;

export function isTutorError(error: unknown): error is TutorError {
  return error instanceof ContentError || error instanceof StoreError;
}
