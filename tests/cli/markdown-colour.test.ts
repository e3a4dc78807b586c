// With colour on, as in a learner's terminal: the styles are real escapes, never their printable remains.
// Nothing here may load chalk before the colour level is set: no Ink, no test helpers.
import { stripVTControlCharacters as stripAnsi } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MarkdownRenderer } from "../../cli/markdown/render.js";

let markdown: MarkdownRenderer;
beforeAll(async () => {
  // Before marked-terminal (and chalk behind it) loads, which it does on first use.
  vi.stubEnv("FORCE_COLOR", "1");
  vi.stubEnv("NO_COLOR", undefined);
  const { loadMarkdown } = await import("../../cli/markdown/render.js");
  markdown = await loadMarkdown();
});

describe("inline markdown in colour", () => {
  it("styles code with escapes that a terminal reads, not stray [33m text", () => {
    const out = markdown.inline("the `BINARY_OP` opcode and **bold**");
    expect(out).toContain("\u001b[");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for a style code that lost its escape
    expect(out).not.toMatch(/(^|[^\u001b])\[\d+m/);
    expect(stripAnsi(out)).toBe("the BINARY_OP opcode and bold");
  });

  it("still drops control characters that come with the text", () => {
    const out = markdown.inline("a \u001b[2Jclear and a \u0007bell");
    // The whole sequence goes, not only its escape (it used to leave "[2J" behind).
    expect(stripAnsi(out)).toBe("a clear and a bell");
    expect(out).not.toContain("\u001b[2J");
    expect(out).not.toContain("\u0007");
  });
});
