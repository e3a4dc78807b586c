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

/** `token` and every token inside it: inline tokens, list items, table cells. */
function* tokenTree(token: Token): Generator<Token> {
  yield token;
  const t = token as {
    tokens?: Token[];
    items?: Token[];
    header?: Tokens.TableCell[];
    rows?: Tokens.TableCell[][];
  };
  const cells = [...(t.header ?? []), ...(t.rows ?? []).flat()];
  for (const child of [...(t.tokens ?? []), ...(t.items ?? []), ...cells.flatMap((c) => c.tokens)]) {
    yield* tokenTree(child);
  }
}

/** Each line with HTML in a located token (a block of it or tags inside a paragraph), once however many tags. */
export function htmlLines(body: string, located: LocatedToken): number[] {
  const lines: number[] = [];
  let from = 0;
  for (const token of tokenTree(located.token)) {
    if (token.type !== "html") continue;
    const found = body.indexOf(token.raw, located.offset + from);
    if (found >= 0) from = found - located.offset + token.raw.length;
    const line = found >= 0 ? located.line + countLines(body, located.offset, found) : located.line;
    if (lines.at(-1) !== line) lines.push(line);
  }
  return lines;
}

/** The line of each item of a located list, in order. */
export function itemLines(body: string, located: LocatedToken, items: Tokens.ListItem[]): number[] {
  let from = located.offset;
  return items.map((item) => {
    const found = body.indexOf(item.raw, from);
    if (found < 0) return located.line;
    from = found + item.raw.length;
    return located.line + countLines(body, located.offset, found);
  });
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
