/** A parsed YAML document as plain data, with aliases capped so that an alias bomb is an issue, not a hang. */
import { type Document, visit } from "yaml";
import type { ContentIssue } from "../errors.js";
import { MAX_YAML_ALIASES } from "./limits.js";

/** `{ data }`, or undefined with an issue at the first alias when the document expands too many aliases. */
export function yamlData(
  doc: Document,
  lineOf: (offset: number) => number,
  file: string,
  issues: ContentIssue[],
): { data: unknown } | undefined {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    let line = 1;
    visit(doc, {
      Alias(_, node) {
        line = lineOf(node.range?.[0] ?? 0);
        return visit.BREAK;
      },
    });
    const why =
      error instanceof ReferenceError ? `expands more than ${MAX_YAML_ALIASES} aliases` : "cannot be read";
    issues.push({ file, line, message: `YAML ${why} (${(error as Error).message}); write the values out` });
    return undefined;
  }
}
