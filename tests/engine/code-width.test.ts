// Code lines wider than 76 columns (issue 17, item 4): each reported at its own line of the file, wherever
// the block sits (fenced, indented, in a list, in a quote, in a question), measured as a terminal shows it.
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columns, wideCodeLines } from "../../engine/content/code-width.js";
import { checkCodeWidth, POLICY } from "../../engine/content/policy.js";
import { checkContent, loadContent } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

const BASE = new URL("../fixtures/malformed/_base/", import.meta.url).pathname;
const MAX = POLICY.codeColumns.max;
const line = (width: number, fill = "x") => fill.repeat(width);

/** The line numbers reported in `text`, each checked to be the line that holds the wide text. */
function reported(text: string): number[] {
  const issues = wideCodeLines("f.md", text, MAX);
  const lines = text.split("\n");
  for (const issue of issues) expect(lines[issue.line - 1]).toMatch(/x{20}|界{20}|\t/);
  return issues.map((i) => i.line);
}

describe("columns", () => {
  it("counts a wide character as two and a tab up to the terminal's next stop, after the indent of 4", () => {
    expect(columns("abc")).toBe(3);
    expect(columns("界界")).toBe(4);
    // The block starts at screen column 4: tab stops fall at 4, 12, 20, ... of the line.
    expect(columns("\tb")).toBe(5);
    expect(columns("a\tb")).toBe(5);
    expect(columns("abcd\tb")).toBe(13);
    expect(columns("\t\tb")).toBe(13);
    expect(columns("─│┌")).toBe(3);
  });
});

describe("wideCodeLines", () => {
  it("reports each line over the limit, not one at the limit, at its line", () => {
    const text = [
      "---",
      "id: f",
      "---",
      "",
      `Prose may be as wide as it likes: ${line(90, "p")}`,
      "",
      "```text",
      line(MAX),
      line(MAX + 1),
      "short",
      line(100),
      "```",
    ].join("\n");
    expect(reported(text)).toEqual([9, 11]);
  });

  it("finds blocks that are indented, in lists, in quotes and in questions", () => {
    const text = [
      "---", // 1
      "lesson: f",
      "---",
      "",
      "## Stage 1", // 5
      "",
      "### f-q (single)",
      "",
      "What does this print?",
      "", // 10
      `    ${line(80)}`,
      "",
      "- item",
      "",
      "  ```", // 15
      `  ${line(70)}  ${line(10)}`,
      "  ```",
      "",
      "> **Explanation:** Because:",
      ">", // 20
      "> ```",
      "> ok",
      `> ${line(77)}`,
      "> ```",
      "", // 25
      "~~~",
      `\t${line(73)}`,
      "界".repeat(39),
      "~~~",
    ].join("\n");
    expect(reported(text)).toEqual([11, 16, 23, 27, 28]);
  });

  it("takes a file without front matter or code as clean", () => {
    expect(wideCodeLines("f.md", line(200), MAX)).toEqual([]);
    expect(wideCodeLines("f.md", `---\nid: f\n---\n\n${line(200)}\n`, MAX)).toEqual([]);
  });
});

describe("checkCodeWidth", () => {
  it("reports lessons and quizzes of a loaded catalog when the rule is on", async () => {
    const root = tempDir("tutor-width-");
    cpSync(BASE, root, { recursive: true });
    const lesson = join(root, "lessons/target.md");
    writeFileSync(
      lesson,
      `---\nid: target\ntitle: T\nsummary: S.\nsources:\n  - https://example.org/t\n---\n\n## Understand\n\n\`\`\`\n${line(90)}\n\`\`\`\n\n## Articulate\n\nA.\n\n## Limitations\n\nL.\n\n## Build something better\n\nB.\n\n## Its limitations\n\nI.\n\n## Appreciate\n\nA.\n`,
    );
    const { catalog, issues } = await loadContent(root);
    expect(issues).toEqual([]);
    const found = await checkCodeWidth(catalog, { enforced: true });
    expect(found.map((i) => [i.file, i.line, i.message])).toEqual([
      [
        lesson,
        12,
        `a code line 90 columns wide; at most ${MAX}, so it reads in an 80-column terminal: wrap or shorten it`,
      ],
    ]);
    expect(await checkCodeWidth(catalog, { enforced: false })).toEqual([]);
    // `tutor check --policy` reports it as one of its problems (the rule is on: the bundled diagrams fit).
    expect(POLICY.codeColumns.enforced).toBe(true);
    const checked = await checkContent(root, [], { policy: true });
    expect(checked.issues.map((i) => [i.file, i.line])).toContainEqual([lesson, 12]);
    // A folder of one's own, without --policy, is checked for validity only.
    expect((await checkContent(root)).issues).toEqual([]);
  });
});
