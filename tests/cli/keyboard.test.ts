// Terminal input as keys, one at a time, and nothing that is not a key (cli/keyboard.ts).
import { describe, expect, it } from "vitest";
import { keypresses } from "../../cli/keyboard.js";

const ESC = "\u001b";
const keys = (chunk: string) => keypresses(chunk).keys;

describe("keypresses", () => {
  it("splits keys typed faster than one read into one key each", () => {
    expect(keys("21\r")).toEqual(["2", "1", "\r"]);
    expect(keys("\u007f\u007f\u007f")).toEqual(["\u007f", "\u007f", "\u007f"]);
    expect(keys("text\u0004")).toEqual(["t", "e", "x", "t", "\u0004"]);
    expect(keys("a\r\nb")).toEqual(["a", "\r", "b"]);
    expect(keys("日本🙂")).toEqual(["日", "本", "🙂"]);
  });

  it("keeps the sequences keys send whole: arrows, Home, PgDn, F1, shift+tab, alt+key, alt+arrow, escape", () => {
    for (const key of [
      `${ESC}[A`,
      `${ESC}[1;5C`,
      `${ESC}[H`,
      `${ESC}[6~`,
      `${ESC}OP`,
      `${ESC}[Z`,
      `${ESC}[[A`,
    ]) {
      expect(keys(`x${key}y`)).toEqual(["x", key, "y"]);
    }
    expect(keys(`${ESC}b`)).toEqual([`${ESC}b`]);
    expect(keys(`${ESC}${ESC}[A`)).toEqual([`${ESC}${ESC}[A`]);
    expect(keys(ESC)).toEqual([ESC]);
  });

  it("drops colour codes, screen commands and terminal strings, whole", () => {
    expect(keys(`${ESC}[31mred${ESC}[0m`)).toEqual(["r", "e", "d"]);
    expect(keys(`a${ESC}[2Jb${ESC}[K`)).toEqual(["a", "b"]);
    expect(keys(`${ESC}]0;PWNED title\u0007 hi`)).toEqual([" ", "h", "i"]);
    expect(keys(`${ESC}]2;T2${ESC}\\D`)).toEqual(["D"]);
    expect(keys(`${ESC}P1$r${ESC}\\ok`)).toEqual(["o", "k"]);
    expect(keys("\u009b31mx\u0085y")).toEqual(["x", "y"]);
  });

  it("holds a key's sequence cut off by the end of a read for the next one, but never a terminal string", () => {
    expect(keypresses(`a${ESC}[1;`)).toEqual({ keys: ["a"], pending: `${ESC}[1;` });
    expect(keypresses(`${ESC}[1;5C`).keys).toEqual([`${ESC}[1;5C`]);
    expect(keypresses(`${ESC}O`)).toEqual({ keys: [], pending: `${ESC}O` });
    // A title with no terminator is dropped to the end of the read: the keys after it still arrive.
    expect(keypresses(`${ESC}]0;no end`)).toEqual({ keys: [], pending: "" });
  });
});
