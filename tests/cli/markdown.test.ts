import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import { loadMarkdown, stripMarks } from "../../cli/markdown/render.js";

const render = async (markdown: string, width: number) =>
  (await loadMarkdown())(markdown, width).map((row) => stripAnsi(row));

describe("lesson markdown for the terminal", () => {
  it("renders bold, italic and code inside list items, not their marks", async () => {
    const rows = await render(
      "- a **bold** word\n- an *italic* one\n- a `code` span\n  - nested **too**\n\n1. first **one**\n2. then `two`\n",
      60,
    );
    const text = rows.join("\n");
    expect(text).not.toMatch(/\*\*|`|\*italic\*/);
    expect(text).toContain("a bold word");
    expect(text).toContain("an italic one");
    expect(text).toContain("a code span");
    expect(text).toContain("nested too");
    expect(text).toContain("1. first one");
    expect(text).toContain("2. then two");
  });

  it("wraps a long bullet under its text, within the width", async () => {
    const rows = await render(`- ${"word ".repeat(30).trim()}\n- next\n`, 40);
    expect(rows.every((row) => row.length <= 40)).toBe(true);
    const bullet = rows.findIndex((row) => row.startsWith("  * word"));
    expect(bullet).toBeGreaterThanOrEqual(0);
    expect(rows[bullet + 1]).toMatch(/^ {4}word/);
    expect(rows).toContain("  * next");
  });
});

describe("inline markdown for options, feedback and hints", () => {
  it("styles bold, italic and code without their marks, colons in code kept", async () => {
    const { inline } = await loadMarkdown();
    expect(stripAnsi(inline("a **bold** *it* and `host:port`"))).toBe("a bold it and host:port");
  });

  it("strips the marks the same way before the renderer has loaded", () => {
    expect(stripMarks("a **bold** *it* and `x*y*z` or __b__ _i_, 2 * 3 * 4")).toBe(
      "a bold it and x*y*z or b i, 2 * 3 * 4",
    );
  });
});

describe("tables", () => {
  const table = [
    "| term | say instead |",
    "|---|---|",
    "| head-of-line blocking | bytes that arrived are held back until a missing piece before them arrives, which is a long cell |",
    "| `innodb_page_size` | chosen when the instance is created, and never changed after that for as long as it lives |",
  ].join("\n");

  it.each([100, 60, 40])(
    "fits a wide table in %i columns, wrapping its cells on whole words",
    async (width) => {
      const rows = await render(table, width);
      expect(Math.max(...rows.map((row) => row.length))).toBeLessThanOrEqual(width);
      // Every row of the table is a whole row: borders at both ends, nothing spilled onto the next line.
      for (const row of rows) expect(row).toMatch(/^[┌│├└].*[┐│┤┘]$/);
      const words = rows.join(" ").replace(/[│┌┐└┘├┤┬┴┼─]/g, " ");
      for (const word of ["head-of-line", "innodb_page_size", "arrives,", "lives"])
        expect(words).toContain(word);
    },
  );

  it("leaves a table that fits as it is", async () => {
    const rows = await render("| a | b |\n|---|---|\n| one | two |\n", 60);
    expect(rows).toContain("│ one │ two │");
  });
});
