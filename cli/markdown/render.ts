/**
 * Lesson markdown for the terminal: marked-terminal, hard-wrapped to the width so one string is one row.
 * marked-terminal (and the highlighter behind it) loads on first use, not at start-up: the home screen needs none of it.
 */
import type { Tokens } from "marked";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";
import { lazy } from "../lazy.js";

export type MarkdownRenderer = ((markdown: string, width: number) => string[]) & {
  /** One line of inline markdown (an option, a hint, feedback) styled for the terminal, left for Ink to wrap. */
  inline: (text: string) => string;
};

const renderer = lazy(create);

export const loadMarkdown = renderer.load;

/** The renderer if it has loaded already, so screens opened later render at once. */
export function loadedMarkdown(): MarkdownRenderer | undefined {
  return renderer.value;
}

async function create(): Promise<MarkdownRenderer> {
  const [{ Marked }, { markedTerminal }, { terminalText }] = await Promise.all([
    import("marked"),
    import("marked-terminal"),
    import("../terminal-text.js"),
  ]);
  const instances = new Map<number, InstanceType<typeof Marked<string, string>>>();
  const instance = (width: number) => {
    let marked = instances.get(width);
    if (!marked) {
      marked = new Marked<string, string>({ async: false, gfm: true });
      // marked-terminal hands this object to cli-table3 for every table; `table` below sets its widths.
      const tableOptions: TableOptions = { wordWrap: true, wrapOnWordBoundary: true };
      marked.use(
        markedTerminal({
          width,
          reflowText: true,
          showSectionPrefix: false,
          emoji: false,
          tab: 2,
          tableOptions,
        }),
      );
      marked.use({
        renderer: {
          // marked-terminal (7.x with marked >= 13) prints a tight list item's text token as its raw source, so
          // **bold**, *italic* and `code` in bullets showed their marks (marked-terminal #304, #371). A text
          // token that has inline tokens is rendered through them instead.
          text(token: Tokens.Text | Tokens.Escape) {
            if (!("tokens" in token) || !token.tokens) return false;
            return this.parser.parseInline(token.tokens);
          },
          // A table wider than the page gets column widths that fit it, and its cells wrap within them.
          table(token: Tokens.Table) {
            const widths = fitColumns(token, width);
            if (widths) tableOptions.colWidths = widths;
            else delete tableOptions.colWidths;
            return false;
          },
          // A fence without a language is a diagram or output: keep it exactly as written.
          code(token: Tokens.Code) {
            if (token.lang) return false;
            return `${token.text
              .split("\n")
              .map((line) => `  ${terminalText(line)}`)
              .join("\n")}\n\n`;
          },
          // Lessons carry no HTML; should some slip through, show it as text, never interpret it.
          html(token: Tokens.HTML | Tokens.Tag) {
            return terminalText(token.text);
          },
        },
      });
      instances.set(width, marked);
    }
    return marked;
  };
  // Control characters go from the text before it is styled: afterwards they would be the styles' own escapes.
  // Text from the engine comes without them (terminal-text.ts); this keeps the renderer safe on its own.
  const inline = (text: string) =>
    (instance(INLINE_WIDTH).parseInline(terminalText(text)) as string).replace(COLON_MARK, ":");
  const render = (markdown: string, width: number) => {
    const out = instance(width).parse(terminalText(markdown)) as string;
    return out
      .replace(/\s+$/, "")
      .split("\n")
      .flatMap((line) => wrapLine(line, width));
  };
  return Object.assign(render, { inline });
}

/** What marked-terminal hands to cli-table3 for every table. */
type TableOptions = { wordWrap: boolean; wrapOnWordBoundary: boolean; colWidths?: number[] } & Record<
  string,
  unknown
>;

/** Each cell has a space either side; a column can be no narrower than this (with its padding). */
const CELL_PADDING = 2;
const MIN_COLUMN = 6;

/**
 * Column widths (padding included, as cli-table3 counts them) that fit a table in `width`, or undefined when its
 * natural widths fit already. Each column first gets room for its longest word (so words wrap whole), then the
 * room left is shared out: narrow columns keep their natural width, the wide ones share the rest equally.
 */
export function fitColumns(token: Tokens.Table, width: number): number[] | undefined {
  const count = token.header.length;
  if (count === 0) return undefined;
  const texts = Array.from({ length: count }, (_, col) =>
    [token.header, ...token.rows].map((row) => stripMarks(row[col]?.text ?? "")),
  );
  const natural = texts.map((cells) => Math.max(...cells.map((t) => stringWidth(t))) + CELL_PADDING);
  const room = width - (count + 1);
  if (natural.reduce((a, b) => a + b, 0) <= room) return undefined;
  const longestWord = texts.map(
    (cells) => Math.max(...cells.flatMap((t) => t.split(/\s+/).map((w) => stringWidth(w)))) + CELL_PADDING,
  );
  let base = natural.map((n, col) => Math.min(n, Math.max(MIN_COLUMN, longestWord[col] as number)));
  // Too narrow even for whole words: share the room equally, and cli-table3 shortens the longest words.
  if (base.reduce((a, b) => a + b, 0) > room) base = base.map(() => MIN_COLUMN);
  return share(base, natural, room);
}

/** Adds the room left over `base` to the columns, up to each one's natural width, the smallest needs first. */
function share(base: number[], natural: number[], room: number): number[] {
  const widths = [...base];
  let left = room - base.reduce((a, b) => a + b, 0);
  const order = natural
    .map((n, col) => ({ need: n - (base[col] as number), col }))
    .sort((a, b) => a.need - b.need);
  order.forEach(({ need, col }, i) => {
    const add = Math.max(0, Math.min(need, Math.floor(left / (order.length - i))));
    widths[col] = (widths[col] as number) + add;
    left -= add;
  });
  return widths;
}

/** Inline text is never reflowed by marked-terminal; Ink wraps it. */
const INLINE_WIDTH = 10_000;
/** marked-terminal hides a code span's colons behind this mark and restores them only in block text. */
const COLON_MARK = /\*#COLON\|\*/g;

/** Inline markdown without its marks, for the moment before the renderer has loaded. */
export function stripMarks(text: string): string {
  return text
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, "$1$2");
}

/** A bullet ("  * ", "  12. ") or the indent a line starts with: wrapped rows hang under its text. */
const HANGING = /^( *(?:[*•-] |\d+\. )?)/;

/** One rendered line as rows of at most `width`, continuation rows indented under the line's text. */
function wrapLine(line: string, width: number): string[] {
  const plain = wrapAnsi(line, width, { hard: true, trim: false }).split("\n");
  if (plain.length === 1) return plain;
  const prefix = HANGING.exec(line)?.[1] ?? "";
  const indent = prefix.length <= width / 2 ? prefix.length : 0;
  const body = line.slice(indent);
  const rows = wrapAnsi(body, width - indent, { hard: true, trim: true }).split("\n");
  return rows.map((row, i) => (i === 0 ? line.slice(0, indent) : " ".repeat(indent)) + row);
}
