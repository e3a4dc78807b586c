/** Splits `---` YAML front matter from a markdown file, keeping line numbers. */
import { LineCounter, parseDocument } from "yaml";
import type { ContentIssue } from "../errors.js";
import { lineAt } from "./markdown.js";
import { yamlData } from "./yaml-data.js";

export interface FrontMatter {
  data: unknown;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  body: string;
  /** Line of each top-level key, for error messages. */
  keyLines: Record<string, number>;
}

export function splitFrontMatter(
  file: string,
  source: string,
  issues: ContentIssue[],
): FrontMatter | undefined {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) {
    issues.push({
      file,
      line: 1,
      message: "the file must start with YAML front matter between two `---` lines",
    });
    return undefined;
  }
  const end = text.indexOf("\n---", 3);
  const closing = end >= 0 ? text.indexOf("\n", end + 1) : -1;
  if (end < 0 || !/^\n---[ \t]*$/.test(text.slice(end, closing < 0 ? undefined : closing))) {
    issues.push({ file, line: 1, message: "the front matter is not closed by a `---` line" });
    return undefined;
  }
  const yamlText = text.slice(4, end + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    const line = 1 + lineCounter.linePos(error.pos[0]).line;
    issues.push({ file, line, message: `front matter is not valid YAML: ${error.message.split("\n")[0]}` });
  }
  if (doc.errors.length > 0) return undefined;
  const keyLines: Record<string, number> = {};
  const contents = doc.contents as {
    items?: { key?: { value?: unknown; range?: [number, number, number] } }[];
  };
  for (const item of contents?.items ?? []) {
    if (item.key?.range && typeof item.key.value === "string") {
      keyLines[item.key.value] = 1 + lineCounter.linePos(item.key.range[0]).line;
    }
  }
  const parsed = yamlData(doc, (offset) => 1 + lineCounter.linePos(offset).line, file, issues);
  if (!parsed) return undefined;
  const body = closing < 0 ? "" : text.slice(closing + 1);
  const bodyLine = lineAt(text, closing < 0 ? text.length : closing + 1);
  return { data: parsed.data, body, bodyLine, keyLines };
}
