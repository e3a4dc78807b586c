/** Where the terminal turns the engine's errors and refusals into words and exit codes, in one place. */
import { ContentError, defaultContentDir, isTutorError, type Refusal, StoreError } from "../engine/index.js";

import { EXIT_FAILED, EXIT_USAGE } from "./exit-codes.js";
import { terminalText } from "./terminal-text.js";
import { dueInWords } from "./text/dates.js";

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";

/** Words for an engine error, or undefined for a bug (which keeps its stack trace). */
export function describeError(error: unknown): string | undefined {
  if (!isTutorError(error)) return undefined;
  // An error's message can quote content or a path: shown without control characters, as all engine text is.
  return terminalText(errorWords(error));
}

function errorWords(error: Error): string {
  if (error instanceof ContentError) {
    // `tutor check` alone checks the default folder; any other folder has to be named.
    const dir = error.dir && error.dir !== defaultContentDir() ? ` ${JSON.stringify(error.dir)}` : "";
    return `${error.message}\nRun \`tutor check${dir}\` after fixing them.`;
  }
  if (error instanceof StoreError && error.code === "STORE_LOCKED") {
    return `Your progress is in use by another tutor: ${error.message}`;
  }
  return error.message;
}

/** Refusals read as they are; unknown lessons and stages are usage errors, the rest could not be done. */
export function refusalExitCode(refusal: Refusal): number {
  return refusal.code === "unknown-lesson" || refusal.code === "unknown-stage" ? EXIT_USAGE : EXIT_FAILED;
}

/** Engine messages mark ids with backticks (markdown); in a terminal plain quotes read better. */
export function plain(message: string): string {
  return message.replace(/`([^`]*)`/g, "'$1'");
}

export function refusalText(refusal: Refusal): string {
  const hint =
    refusal.code === "unknown-lesson"
      ? " Run `tutor lessons` to see them all."
      : refusal.nextDue
        ? ` The next review is due ${dueInWords(new Date(refusal.nextDue), new Date())}.`
        : "";
  return plain(refusal.message) + plain(hint);
}
