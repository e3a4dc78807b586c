/**
 * Checks on a question's answer list that hold whatever its type: one list (no blank line splitting it in
 * two), at most MAX_OPTIONS items, no answer text over MAX_AUTHORED_TEXT, no option written twice.
 */
import type { Tokens } from "marked";
import type { ContentIssue } from "../errors.js";
import { MAX_AUTHORED_TEXT, MAX_OPTIONS } from "./limits.js";
import { itemLines, type LocatedToken, ownText } from "./markdown.js";

const same = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

export function checkAnswerList(
  question: { id: string; choice: boolean },
  list: { token: Tokens.List; at: LocatedToken },
  body: string,
  file: string,
  issues: ContentIssue[],
): void {
  const problem = (line: number, message: string) =>
    issues.push({ file, line, message: `question \`${question.id}\`: ${message}` });
  const { items } = list.token;
  const lines = itemLines(body, list.at, items);
  const split = items.findIndex((_, i) => i > 0 && /\n[ \t]*\n\s*$/.test(items[i - 1]?.raw ?? ""));
  if (split > 0) {
    problem(
      lines[split] ?? list.at.line,
      "a blank line splits the answer list in two; a question has one answer list, with no blank lines between its items",
    );
  }
  if (items.length > MAX_OPTIONS) {
    problem(
      lines[MAX_OPTIONS] ?? list.at.line,
      `has ${items.length} items; at most ${MAX_OPTIONS} (Discord shows no more)`,
    );
  }
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const line = lines[i] ?? list.at.line;
    const nested = item.tokens.find((t) => t.type === "list") as Tokens.List | undefined;
    const texts = [ownText(item.tokens), ...(nested?.items.map((p) => ownText(p.tokens)) ?? [])];
    const long = texts.find((text) => text.length > MAX_AUTHORED_TEXT);
    if (long !== undefined) {
      problem(line, `an answer is ${long.length} characters long; at most ${MAX_AUTHORED_TEXT}`);
    }
    const key = same(texts[0] ?? "");
    const first = seen.get(key);
    if (question.choice && key && first !== undefined) {
      problem(line, `option "${texts[0]}" is written twice (first at line ${first})`);
    } else seen.set(key, line);
  });
}
