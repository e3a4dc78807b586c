// Rows in terminal columns, not UTF-16 code units: wide characters take two, colour codes none.
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../cli/hooks/use-terminal-size.js";

describe("terminal text width", () => {
  it("counts the rows a line wraps to by its width", () => {
    expect(rowsOf(undefined, 10)).toBe(0);
    expect(rowsOf("abcdefghij", 10)).toBe(1);
    expect(rowsOf("日本語のテキスト", 10)).toBe(2);
    expect(rowsOf("\u001b[2mabcdefghij\u001b[22m", 10)).toBe(1);
  });
});
