/** marked's lexer, with the source line of every top-level token (marked itself keeps only `raw`). */
import { Lexer, type Token, type Tokens } from "marked";

export interface LocatedToken {
  token: Token;
  /** 1-based line in the whole file. */
  line: number;
  /** Offset of the token in the body. */
  offset: number;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Lexes `body`, whose first line is line `firstLine` of its file. */
export function lexWithLines(body: string, firstLine: number): LocatedToken[] {
  const tokens = new Lexer({ gfm: true }).lex(body);
  const located: LocatedToken[] = [];
  let cursor = 0;
  // Lines are counted forward from the previous token, never from the start: one pass over the body.
  let counted = 0;
  let line = firstLine;
  for (const token of tokens) {
    const found = token.raw ? body.indexOf(token.raw, cursor) : -1;
    const offset = found >= 0 ? found : cursor;
    if (found >= 0) cursor = found + token.raw.length;
    for (; counted < offset; counted++) if (body.charCodeAt(counted) === 10) line++;
    if (token.type === "space") continue;
    located.push({ token, offset, line });
  }
  return located;
}

/** The line of `inner` (a nested token's raw text) inside a located token. */
export function innerLine(body: string, outer: LocatedToken, innerRaw: string, from = 0): number {
  const found = body.indexOf(innerRaw, outer.offset + from);
  return found >= 0
    ? outer.line + lineAt(body.slice(outer.offset, found + 1), found - outer.offset) - 1
    : outer.line;
}

/** The text of a list item's own words (its text/paragraph children), as written, without nested blocks. */
export function ownText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .filter((t) => t.type === "text" || t.type === "paragraph")
    .map((t) => (t as Tokens.Text).text)
    .join("\n")
    .trim();
}

/** `> **Label:** text` -> { label: "label", text }. Returns undefined for an unlabelled quote. */
export function readLabel(quote: Tokens.Blockquote): { label: string; text: string } | undefined {
  const match = /^\s*\*\*([A-Za-z][A-Za-z ]*?):?\*\*:?\s*([\s\S]*)$/.exec(quote.text);
  if (!match?.[1]) return undefined;
  return { label: match[1].trim().toLowerCase(), text: (match[2] ?? "").trim() };
}
