/**
 * Code blocks and diagrams wider than a terminal shows: the terminal app indents what it renders, so a line
 * of more than 76 columns wraps in an 80-column terminal and a diagram falls apart.
 */
import type { Token, Tokens } from "marked";
import stringWidth from "string-width";
import type { ContentIssue } from "../errors.js";
import { splitFrontMatter } from "./front-matter.js";
import { lexWithLines } from "./markdown.js";

/** The terminal app indents a code block by 4 columns (marked-terminal's `tab`): 76 columns fit in 80. */
const CODE_INDENT = 4;

/**
 * Columns a code line takes as the terminal shows it: a wide (CJK) character counts 2, and a tab moves to the
 * terminal's next tab stop, every 8 columns of the screen, counted from the block's indent of 4.
 */
export function columns(line: string): number {
  let width = 0;
  for (const [i, text] of line.split("\t").entries()) {
    if (i > 0) width += 8 - ((width + CODE_INDENT) % 8);
    width += stringWidth(text);
  }
  return width;
}

function* codeTokens(token: Token): Generator<Tokens.Code> {
  if (token.type === "code") yield token as Tokens.Code;
  const t = token as { tokens?: Token[]; items?: Token[] };
  for (const child of [...(t.tokens ?? []), ...(t.items ?? [])]) yield* codeTokens(child);
}

/**
 * One issue for each line of a code block (fenced or indented, at any depth: in a list, a quote, a question)
 * wider than `max` columns, at its own line of the file.
 */
export function wideCodeLines(file: string, source: string, max: number): ContentIssue[] {
  const fm = splitFrontMatter(file, source, []);
  if (!fm) return [];
  const issues: ContentIssue[] = [];
  const bodyLines = fm.body.split("\n");
  for (const located of lexWithLines(fm.body, fm.bodyLine)) {
    // Lines of the file from the token on, searched forward for each nested block's first line: marked
    // keeps no position, and a block inside a quote or list has lost its `> ` or indent in `raw`.
    let cursor = located.line - fm.bodyLine;
    for (const code of codeTokens(located.token)) {
      const rawLines = code.raw.replace(/\n+$/, "").split("\n");
      const first = rawLines[0]?.trim() ?? "";
      let start = cursor;
      if (code !== located.token) {
        const found = bodyLines.findIndex((l, i) => i >= cursor && first !== "" && l.includes(first));
        if (found >= 0) start = found;
      }
      cursor = start + rawLines.length;
      const fenced = /^\s*(`{3,}|~{3,})/.test(first);
      code.text.split("\n").forEach((text, i) => {
        const width = columns(text);
        if (width > max) {
          issues.push({
            file,
            line: fm.bodyLine + start + (fenced ? 1 : 0) + i,
            message: `a code line ${width} columns wide; at most ${max}, so it reads in an 80-column terminal: wrap or shorten it`,
          });
        }
      });
    }
  }
  return issues;
}
