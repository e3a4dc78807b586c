// "Did you mean": one rule for lesson ids and command names.
import { describe, expect, it } from "vitest";
import { closest } from "../../engine/index.js";

describe("closest", () => {
  const ids = ["tcp-basics", "tcp-advanced", "pipe-buffers"];

  it("ignores case, in the word and in the candidates", () => {
    expect(closest("PIPE-BUFERS", ids)).toBe("pipe-buffers");
    expect(closest("lesons", ["Learn", "Lessons"])).toBe("Lessons");
  });

  it("takes a part of three or more characters as a match, and a shorter one as an edit", () => {
    expect(closest("advanced", ids)).toBe("tcp-advanced");
    expect(closest("buffers", ids)).toBe("pipe-buffers");
    expect(closest("ad", ["tcp-advanced"])).toBeUndefined();
  });

  it("allows more edits for longer candidates, never fewer than three", () => {
    expect(closest("abc", ["xyz"])).toBe("xyz");
    expect(closest("abcd", ["wxyz"])).toBeUndefined();
    expect(closest("tcp-bxxxxx", ["tcp-basics"])).toBe("tcp-basics");
    expect(closest("tcp-xxxxxx", ["tcp-basics"])).toBeUndefined();
  });

  it("holds the word against each part of a candidate too: a swap inside a title's word is found", () => {
    expect(closest("tron", ["torn-pages", "timeouts"])).toBe("torn-pages");
    expect(closest("buffres", ids)).toBe("pipe-buffers");
    expect(closest("deploy", ["io-uring-zero-copy-send", "learn"])).toBeUndefined();
    expect(closest("xyz", ["tcp-basics"])).toBeUndefined();
  });

  it("prefers the nearer candidate, and the first on a tie", () => {
    expect(closest("quiz", ["quit", "quiz"])).toBe("quiz");
    expect(closest("cat", ["bat", "hat"])).toBe("bat");
    expect(closest("anything", [])).toBeUndefined();
  });
});
