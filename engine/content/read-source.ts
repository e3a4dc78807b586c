/**
 * Reads one content file as text, refusing what the parsers must never see: something that is not a
 * regular file, a file above the size limit, bytes that are not UTF-8, control characters, and lines
 * nested deeper than marked can lex without running out of stack. Every refusal is an issue at a line.
 */
import { readFile, stat } from "node:fs/promises";
import type { ContentIssue } from "../errors.js";
import { CONTROL_CHARACTER } from "../text/controls.js";
import { MAX_FILE_BYTES, MAX_INDENT, MAX_NESTING, MAX_REPEATS } from "./limits.js";

/** The text of `path` (shown as `file`), or undefined when it must not be parsed; problems go to `issues`. */
export async function readSource(
  path: string,
  file: string,
  issues: ContentIssue[],
): Promise<string | undefined> {
  const refuse = (message: string, line = 1) => {
    issues.push({ file, line, message });
    return undefined;
  };
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return refuse("is a folder or a special file, not a markdown file: remove or rename it");
    if (info.size > MAX_FILE_BYTES) {
      return refuse(
        `is ${Math.ceil(info.size / 1024)} KB; a content file may be at most ${MAX_FILE_BYTES / 1024} KB: split the lesson`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return refuse(
      "is not valid UTF-8 (the first bad byte is on this line): save the file as UTF-8",
      badLine(bytes),
    );
  }
  checkCharacters(file, text, issues);
  return checkNesting(file, text, issues) ? text : undefined;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The line of the first invalid sequence: a newline byte never belongs to a multi-byte sequence. */
function badLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue;
    if (decodeUtf8(bytes.subarray(start, i)) === undefined) return line;
    line++;
    start = i + 1;
  }
  return line;
}

const NAMES: Record<number, string> = { 0: "NUL", 13: "carriage return", 27: "ESC", 127: "DEL", 155: "CSI" };

// The engine's control characters (text/controls.ts), but a carriage return that ends a line (CRLF files).
const CONTROL = new RegExp(`(?!\r\n)${CONTROL_CHARACTER}`, "g");

/** One issue per line with a control character (terminal escapes, NUL, ...), up to MAX_REPEATS. */
export function checkCharacters(file: string, text: string, issues: ContentIssue[]): void {
  let line = 1;
  let counted = 0;
  let lastLine = 0;
  let reported = 0;
  let more = 0;
  for (const match of text.matchAll(CONTROL)) {
    for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 10) line++;
    if (line === lastLine) continue;
    lastLine = line;
    if (reported === MAX_REPEATS) {
      more++;
      continue;
    }
    reported++;
    const code = match[0].charCodeAt(0);
    const name = NAMES[code] ? ` (${NAMES[code]})` : "";
    const hex = code.toString(16).toUpperCase().padStart(4, "0");
    issues.push({
      file,
      line,
      message: `control character U+${hex}${name}: content may hold no control characters or terminal escapes (tab and newline are allowed)`,
    });
  }
  if (more > 0)
    issues.push({ file, line: lastLine, message: `and ${more} more lines with control characters` });
}

// One container marker at the start of what is left of a line: a quote `>`, a bullet, or `1.` / `1)`.
const MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * False (with an issue at the line) when a line opens more than MAX_NESTING quotes and lists, or is
 * indented more than MAX_INDENT columns: marked lexes such documents slowly or runs out of stack.
 */
export function checkNesting(file: string, text: string, issues: ContentIssue[]): boolean {
  const lines = text.split("\n");
  for (const [i, whole] of lines.entries()) {
    let rest = whole;
    let depth = 0;
    for (let m = MARKER.exec(rest); m && depth <= MAX_NESTING; m = MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    const indent = /^[ \t]*/.exec(whole)?.[0].replace(/\t/g, "    ").length ?? 0;
    const message =
      depth > MAX_NESTING
        ? `nests more than ${MAX_NESTING} quotes and lists on one line; flatten it`
        : indent > MAX_INDENT
          ? `is indented ${indent} columns; at most ${MAX_INDENT} (lists nested that deep cannot be read)`
          : undefined;
    if (message) {
      issues.push({ file, line: i + 1, message });
      return false;
    }
  }
  return true;
}
