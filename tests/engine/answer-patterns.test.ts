// Authors' patterns run on RE2: the classic catastrophic patterns give the right answer on hostile input
// instead of backtracking for seconds, and answers longer than the limit are refused before any matching.
// No timings here (bench/patterns.bench.ts measures them): a test that hung would time out instead.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Question } from "../../engine/content/model.js";
import { parseQuiz } from "../../engine/content/parse-quiz.js";
import { compilePattern, patternMatches } from "../../engine/content/pattern.js";
import { grade } from "../../engine/quiz/grade.js";
import { MAX_RESPONSE_LENGTH } from "../../engine/quiz/rules.js";

const quiz = parseQuiz(
  "q.md",
  readFileSync(new URL("../fixtures/content/quizzes/tcp-basics.md", import.meta.url), "utf8"),
  [],
);
const byId = (id: string) => quiz?.questions.find((x) => x.id === id) as Question;
const text = (t: string) => ({ kind: "text" as const, text: t });
/** A short question graded by `pattern` alone. */
const short = (pattern: string) => ({ ...byId("basics-syscall"), accepted: [], pattern }) as Question;

/**
 * [pattern, hostile answer of `n` characters, does it match, does grading accept it]. Grading anchors every
 * pattern (a pattern names a whole answer), so an unanchored one that matches a fragment is not accepted there.
 */
const HOSTILE: [string, (n: number) => string, boolean, boolean][] = [
  ["^(a+)+$", (n) => `${"a".repeat(n - 1)}x`, false, false],
  ["^(a+)+$", (n) => "a".repeat(n), true, true],
  // Unanchored at the start: it matches the empty string at the end of any answer.
  ["(a|a)*$", (n) => `${"a".repeat(n - 1)}x`, true, false],
  ["^(a|a)*$", (n) => `${"a".repeat(n - 1)}x`, false, false],
  ["(.*a){12}", (n) => `${"a".repeat(11)}${"b".repeat(n - 11)}`, false, false],
  ["(.*a){12}", (n) => `${"b".repeat(n - 12)}${"a".repeat(12)}`, true, true],
  ["^(\\w+\\s?)*$", (n) => `${"ab ".repeat(Math.floor((n - 1) / 3))}!`, false, false],
];

describe("answer patterns on RE2", () => {
  it.each(HOSTILE)(
    "%s against a 30-character hostile answer, through grading",
    (pattern, answer, _matches, graded) => {
      expect(grade(short(pattern), text(answer(30)))).toMatchObject({
        correct: graded,
        score: graded ? 1 : 0,
      });
    },
  );

  it.each(HOSTILE)(
    "%s against an answer at the length limit, through grading",
    (pattern, answer, _matches, graded) => {
      const given = answer(MAX_RESPONSE_LENGTH);
      expect(given).toHaveLength(MAX_RESPONSE_LENGTH);
      expect(grade(short(pattern), text(given))).toMatchObject({ correct: graded });
    },
  );

  it.each(HOSTILE)("%s against a 10,000-character answer, matched directly", (pattern, answer, matches) => {
    expect(patternMatches(pattern, answer(10_000))).toBe(matches);
  });

  it("keeps today's flags: case-insensitive, found anywhere unless anchored, any JavaScript space is a space", () => {
    expect(patternMatches("^rocks ?db$", "RocksDB")).toBe(true);
    expect(patternMatches("thundering\\s*herd", "a Thundering Herd problem")).toBe(true);
    expect(patternMatches("thundering\\s*herd", "thundering\u00a0herd")).toBe(true);
    expect(patternMatches("^ioctl(\\(\\))?$", "ioctl() call")).toBe(false);
  });

  it("names the feature RE2 does not support", () => {
    const message = (pattern: string) => {
      const compiled = compilePattern(pattern);
      return compiled.ok ? "compiles" : compiled.message;
    };
    expect(message("^(a)\\1$")).toMatch(/^uses a backreference \(`\\1`\), which answer patterns cannot use/);
    expect(message("(?<x>a)\\k<x>")).toMatch(/^uses a named backreference/);
    expect(message("accept(?=4)")).toMatch(/^uses a lookahead \(`\(\?=`\)/);
    expect(message("accept(?!4)")).toMatch(/^uses a negative lookahead/);
    expect(message("(?<=a)ccept")).toMatch(/^uses a lookbehind \(`\(\?<=`\)/);
    expect(message("(?<!x)accept")).toMatch(/^uses a negative lookbehind/);
    expect(message("a{2000}")).toMatch(/^RE2 cannot compile it \(invalid repeat count: `\{2000\}`\)/);
    expect(message("^accept4?$")).toBe("compiles");
  });
});

describe("the answer length limit", () => {
  it("refuses a longer text answer for every text question type, before matching it", () => {
    const tooLong = "a".repeat(MAX_RESPONSE_LENGTH + 1);
    const message = "shorten your answer to at most 4,000 characters";
    for (const question of [short("^(a+)+$"), byId("basics-numeric"), byId("basics-explain")]) {
      expect(grade(question, text(tooLong))).toMatchObject({ correct: false, invalid: message });
    }
    expect(grade(short("^(a+)+$"), text("a".repeat(1_000_000))).invalid).toBe(message);
  });

  it("counts characters, not UTF-16 units: an answer at the limit in emoji is graded", () => {
    const emoji = "🙂".repeat(MAX_RESPONSE_LENGTH);
    expect(grade(short("^🙂+$"), text(emoji))).toMatchObject({ correct: true });
    expect(grade(short("^🙂+$"), text(`${emoji}🙂`)).invalid).toBeDefined();
  });
});
