import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, formatIssue } from "../../engine/index.js";
import { FIXTURE_CONTENT, tempDir } from "../helpers/engine.js";

function brokenCopy() {
  const root = tempDir();
  cpSync(FIXTURE_CONTENT, root, { recursive: true });
  const lesson = join(root, "lessons", "tcp-basics.md");
  writeFileSync(lesson, readFileSync(lesson, "utf8").replace("## Limitations", "## Limitashuns"));
  const quiz = join(root, "quizzes", "tcp-advanced.md");
  writeFileSync(quiz, readFileSync(quiz, "utf8").replace("- [x] True", "- [ ] True"));
  return { root, lesson, quiz };
}

describe("the content check", () => {
  it("reports a file that does not parse once, not again as a missing lesson or quiz", async () => {
    const { root } = brokenCopy();
    const messages = (await checkContent(root)).issues.map((i) => i.message);
    expect(messages.some((m) => m.includes("Limitashuns"))).toBe(true);
    expect(messages.some((m) => m.includes("has no correct option"))).toBe(true);
    expect(messages.filter((m) => /has no quiz|quiz for unknown lesson/.test(m))).toEqual([]);
  });

  it("checks given files against the content folder they are in, wherever that is", async () => {
    const { root, lesson, quiz } = brokenCopy();
    // The root passed in is another, clean folder: the files' own folder decides.
    const result = await checkContent(FIXTURE_CONTENT, [lesson]);
    expect(result.issues.map(formatIssue).join("\n")).toContain("Limitashuns");
    expect(result.issues.every((i) => i.file.endsWith("tcp-basics.md"))).toBe(true);
    const onlyQuiz = await checkContent(FIXTURE_CONTENT, [quiz]);
    expect(onlyQuiz.issues.map((i) => i.message)).toEqual([
      "question `adv-1`: has no correct option: check one with `- [x]`",
    ]);
    expect((await checkContent(FIXTURE_CONTENT, [root])).issues.length).toBe(3);
  });

  it("reports a pattern RE2 cannot run (a backreference) at its line, naming the feature", async () => {
    const root = tempDir();
    cpSync(FIXTURE_CONTENT, root, { recursive: true });
    const quiz = join(root, "quizzes", "tcp-basics.md");
    const source = readFileSync(quiz, "utf8");
    writeFileSync(
      quiz,
      source.replace("> **Pattern:** ^accept4?\\(\\)$", "> **Pattern:** ^(accept)4?\\(\\1\\)$"),
    );
    const line = source.split("\n").findIndex((l) => l.startsWith("> **Pattern:**")) + 1;
    const issues = (await checkContent(root)).issues;
    expect(issues.map((i) => [i.file.endsWith("quizzes/tcp-basics.md"), i.line, i.message])).toEqual([
      [
        true,
        line,
        "question `basics-syscall`: **Pattern:** uses a backreference (`\\1`), which answer patterns cannot use: " +
          "answer patterns run on RE2, which never backtracks (see docs/authoring.md)",
      ],
    ]);
  });

  it("says so for a path outside any content folder, or one that does not exist", async () => {
    const outside = tempDir();
    const result = await checkContent(FIXTURE_CONTENT, [outside, join(outside, "nope.md")]);
    expect(result.issues.map((i) => i.message)).toEqual([
      "not inside a content folder (a folder with lessons/ and quizzes/)",
      "no such file or folder",
    ]);
  });
});
