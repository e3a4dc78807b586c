import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Response, stripControls } from "../../engine/index.js";
import { JsonProgressStore } from "../../engine/progress/store.js";
import { rightResponse } from "../helpers/answers.js";
import { openTutor, tempDir } from "../helpers/engine.js";
import {
  ANY_CONTROL,
  BEL,
  CLEAN_EXPLANATION,
  CLEAR,
  HOSTILE_EXPLANATION,
  NUL,
  RED,
  RESET,
  SET_TITLE,
} from "../helpers/hostile.js";
import { expectOk } from "../helpers/result.js";

describe("control characters in learners' text", () => {
  it("are removed with their whole escape sequence; tabs and line breaks stay", () => {
    expect(stripControls(`a${SET_TITLE}b`)).toBe("ab");
    expect(stripControls("a\u001b]0;a title with spaces\u001b\\b")).toBe("ab");
    expect(stripControls("a\u001b]8;;https://evil\u001b\\link\u001b]8;;\u001b\\b")).toBe("alinkb");
    expect(stripControls(`${RED}red${RESET} ${CLEAR}x\u009b31my`)).toBe("red xy");
    expect(stripControls(`nul${NUL} bel${BEL} del\u007f`)).toBe("nul bel del");
    expect(stripControls("tab\tline\r\nnext\rlast")).toBe("tab\tline\nnext\nlast");
    expect(stripControls("日本語 é ✅")).toBe("日本語 é ✅");
  });

  it("are graded and kept without them: the journal and the file on disk hold the clean text", async () => {
    const dataDir = tempDir();
    const tutor = await openTutor({ dataDir });
    // Stage 2 after stage 1, answered with the hostile explanation.
    let question = expectOk(await tutor.startQuiz("ana", "tcp-basics", 1)).question;
    while (question) {
      const response: Response =
        question.id === "basics-syscall"
          ? { kind: "text", text: `acc${NUL}ept${BEL}` }
          : rightResponse(question);
      const outcome = expectOk(await tutor.answer("ana", { questionId: question.id, response }));
      expect(outcome.grade.correct).toBe(true);
      question = outcome.quiz.question;
    }
    expectOk(await tutor.startQuiz("ana", "tcp-basics", 2));
    const outcome = expectOk(
      await tutor.answer("ana", {
        questionId: "basics-explain",
        response: { kind: "text", text: HOSTILE_EXPLANATION },
      }),
    );
    expect(outcome.grade.correct).toBe(true);
    expect(outcome.journal?.text).toBe(CLEAN_EXPLANATION);
    const [entry] = await tutor.journal("ana");
    expect(entry?.text).toBe(CLEAN_EXPLANATION);
    await tutor.close();
    const file = readFileSync(new JsonProgressStore(dataDir).pathsOf("ana").log, "utf8");
    const stored = file
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { text?: string });
    expect(stored.map((h) => h.text).filter(Boolean)).toEqual(["accept", CLEAN_EXPLANATION]);
    expect(file).not.toMatch(/\\u00(?:0|1|7f|9)/i);
  });

  it("are taken out of a question before it is searched and echoed", async () => {
    const tutor = await openTutor();
    const result = await tutor.ask(`${SET_TITLE}what is the accept queue?${BEL}`);
    expect(result.question).toBe("what is the accept queue?");
    expect(result.question).not.toMatch(ANY_CONTROL);
  });
});

describe("hostile learner ids in the JSON store", () => {
  const HOSTILE_IDS = ["../x", "..", ".", "a/b\\c", "日本語", "100%", "%2E%2E", `nul${NUL}id`, ""];

  it("each get a file of their own inside learners/, and list back as they were", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    for (const id of HOSTILE_IDS) {
      await store.update(id, (doc) => {
        doc.mark = HOSTILE_IDS.indexOf(id);
      });
    }
    // Nothing outside learners/: no traversal, no file named by a raw id.
    expect(readdirSync(dir)).toEqual(["learners"]);
    const files = readdirSync(join(dir, "learners"));
    expect(files).toHaveLength(HOSTILE_IDS.length);
    for (const file of files) expect(file).toMatch(/^[A-Za-z0-9_-]*-[0-9a-f]{20}\.doc\.json$/);
    // A readable prefix of the id's safe characters, and a hash of the whole id.
    expect(files.filter((f) => f.startsWith("_x-"))).toHaveLength(1);
    expect((await store.learners()).sort()).toEqual([...HOSTILE_IDS].sort());
    // Ids that look alike stay apart: "%2E%2E" is not "..".
    for (const id of HOSTILE_IDS) expect((await store.read(id)).mark).toBe(HOSTILE_IDS.indexOf(id));
  });

  it("keeps ids too long for a file name (300 letters, 100 CJK characters) under short names, and lists them back", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    const ids = ["x".repeat(300), "日".repeat(100), "日".repeat(27)];
    for (const id of ids)
      await store.update(id, (doc) => {
        doc.mark = id.length;
      });
    const files = readdirSync(join(dir, "learners"));
    expect(files).toHaveLength(ids.length);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(80);
    expect((await store.learners()).sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await store.read(id)).mark).toBe(id.length);
  });
});
