/** `tutor check [paths...]`: the content check for authors, one `file:line: message` per problem. */
import { checkContent, defaultContentDir, formatIssue } from "../../engine/index.js";
import { EXIT_FAILED, EXIT_OK } from "../errors.js";
import type { GlobalOptions } from "../open-tutor.js";
import { terminalText } from "../terminal-text.js";

export async function check(
  paths: string[],
  options: { policy?: boolean },
  globals: GlobalOptions,
): Promise<number> {
  // Without --policy, the engine decides: the bundled lessons are held to the bar, other folders not.
  const result = await checkContent(globals.contentDir ?? defaultContentDir(), paths, {
    ...(options.policy ? { policy: true } : {}),
  });
  for (const issue of result.issues) process.stderr.write(`${terminalText(formatIssue(issue))}\n`);
  const errors = result.issues.length;
  if (errors > 0) {
    process.stderr.write(`${errors} problem${errors === 1 ? "" : "s"} found.\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(`Content OK: ${result.summary}.\n`);
  return EXIT_OK;
}
