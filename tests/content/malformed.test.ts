// The campaign of malformed content, as tests. Every folder under tests/fixtures/malformed/ is one case: its
// files are laid over a small valid content folder (_base: lessons `base` and `target` with their quizzes)
// and expected.txt lists what the real check must report, one `file:line: piece of the message` a line.
// The base lesson must still load beside the bad file. Files too big to commit are made here, at run time.

import { cpSync, lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../cli/index.js";
import { ContentError, checkContent, type LoadResult, Tutor } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

const MALFORMED = new URL("../fixtures/malformed/", import.meta.url).pathname;
const BASE = join(MALFORMED, "_base");
const CASES = readdirSync(MALFORMED).filter((name) => !name.startsWith("_"));

/** A content folder: the base, with the case's files in place of (or beside) the base's. */
function contentFor(caseDir: string): string {
  const root = tempDir("tutor-malformed-");
  const inCase = (src: string) => lstatSync(join(caseDir, relative(BASE, src)), { throwIfNoEntry: false });
  // A base file the case replaces is left out (the case may put a folder in its place).
  cpSync(BASE, root, {
    recursive: true,
    filter: (src) => !inCase(src) || (lstatSync(src).isDirectory() && inCase(src)?.isDirectory() === true),
  });
  cpSync(caseDir, root, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => !src.endsWith("expected.txt"),
  });
  return root;
}

const placed = (root: string, result: LoadResult) =>
  result.issues.map((i) => `${relative(root, resolve(i.file))}:${i.line}: ${i.message}`);

function expectReported(root: string, result: LoadResult, expected: string[]) {
  const got = placed(root, result);
  for (const want of expected) {
    const [, place, text] = /^(.+?:\d+): (.*)$/.exec(want) ?? [];
    const found = got.some((g) => g.startsWith(`${place}: `) && g.includes(text ?? ""));
    expect(found, `expected ${want}\ngot:\n${got.join("\n")}`).toBe(true);
  }
  for (const issue of result.issues) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
  // One bad file never stops the rest: the base lesson and its quiz still load.
  expect(result.catalog.lessons.map((l) => l.id)).toContain("base");
  expect(result.catalog.quizzes.map((q) => q.lessonId)).toContain("base");
}

describe("malformed content", () => {
  it("the base the cases are laid over is clean", async () => {
    expect((await checkContent(BASE)).issues).toEqual([]);
  });

  it("has a hundred cases or more", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(CASES)("%s is reported at its line, and the rest still loads", async (name) => {
    const caseDir = join(MALFORMED, name);
    const expected = readFileSync(join(caseDir, "expected.txt"), "utf8").split("\n").filter(Boolean);
    const root = contentFor(caseDir);
    expectReported(root, await checkContent(root), expected);
  });
});

describe("content too big to commit, made at run time", () => {
  const withTarget = (path: string, text: string) => {
    const root = contentFor(join(MALFORMED, "_base"));
    writeFileSync(join(root, path), text);
    return root;
  };

  it("refuses an 8 MB lesson before parsing it", async () => {
    const root = withTarget(
      "lessons/target.md",
      `---\nid: target\n---\n\n## Understand\n\n${"> ".repeat(4_000_000)}`,
    );
    expectReported(root, await checkContent(root), [
      "lessons/target.md:1: is 7813 KB; a content file may be at most 512 KB",
    ]);
  });

  it("refuses a quiz of 5,000 questions at the first one over the limit", async () => {
    const questions = Array.from(
      { length: 5000 },
      (_, i) => `### q${i} (short)\n\nP?\n\n- a\n\n> **Explanation:** E.\n`,
    );
    const text = `---\nlesson: target\n---\n\n## Stage 1\n\n${questions.join("\n")}`;
    const root = withTarget("quizzes/target.md", text);
    const line = text.split("\n").indexOf("### q200 (short)") + 1;
    expectReported(root, await checkContent(root), [
      `quizzes/target.md:${line}: 5000 questions in one quiz; at most 200`,
    ]);
  });
});

describe("the app on malformed content", () => {
  const crashers = ["lesson-alias-bomb", "lesson-is-a-folder", "lesson-deep-emphasis", "lesson-deep-lists"];

  it.each(crashers)("Tutor.open reports %s as a ContentError", async (name) => {
    const root = contentFor(join(MALFORMED, name));
    const error = await Tutor.open({ contentDir: root, dataDir: tempDir(), timeZone: "UTC" }).catch((e) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).issues.some((i) => i.file.endsWith("target.md"))).toBe(true);
  });

  it.each(crashers)(
    "`tutor lessons` names the problem in %s and exits, with no stack trace",
    async (name) => {
      const root = contentFor(join(MALFORMED, name));
      const written: string[] = [];
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
      try {
        const code = await main(["node", "tutor", "--content-dir", root, "--data-dir", tempDir(), "lessons"]);
        expect(code).not.toBe(0);
      } finally {
        spy.mockRestore();
      }
      const stderr = written.join("");
      expect(stderr).toMatch(/target\.md:\d+: /);
      expect(stderr).not.toMatch(/RangeError|TypeError|ReferenceError|\n\s+at /);
    },
  );
});
