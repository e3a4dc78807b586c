/** Lesson markdown as plain searchable text, and the excerpt of it a passage shows. */

/** Markdown to words: code fences kept as text, markup dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n/g, "\n")
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, "") // table separator rows
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`+|\*{1,3}(?=\S)|(?<=\S)\*{1,3}/g, "") // code spans and emphasis marks, not the words
    .replace(/^\s*(?:#{1,6}|>)\s?/gm, "")
    .replace(/^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$/gm, "") // a table row's outer pipes
    .replace(/[ \t]*\|[ \t]*/g, " · ")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** Lines drawn rather than written: arrows, box drawing and table rules with hardly a word among them. */
const DRAWING = /[-=]{1,2}>|<[-=]{1,2}|[│┌┐└┘├┤┬┴┼─═║╔╗╚╝▶◀↑↓→←]|\+[-=]{2,}|\|\s*\|/g;

function isDrawing(line: string): boolean {
  const marks = line.match(DRAWING)?.length ?? 0;
  const words = line.match(/[A-Za-z]{3,}/g)?.length ?? 0;
  return marks > 0 && marks * 2 >= words;
}

/** What a passage may quote: the prose, without code blocks and diagrams, which read as noise in one line. */
export function proseText(markdown: string): string {
  const withoutFences = markdown.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[ \t]*$/gm, "\n");
  const withoutDrawings = withoutFences
    .split("\n")
    .filter((line) => !/^( {4}|\t)\S/.test(line) && !isDrawing(line))
    .join("\n");
  return plainText(withoutDrawings);
}

/** About `width` characters of `text` around the first place a matched term occurs, cut at word boundaries. */
export function excerpt(text: string, terms: string[], width = 280): string {
  const lower = text.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const at = hits.length > 0 ? Math.min(...hits) : 0;
  let start = Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const body = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}
