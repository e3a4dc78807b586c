import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { StoreError } from "../../engine/errors.js";
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
    const file = readFileSync(join(dataDir, "learners", "ana.json"), "utf8");
    const stored = JSON.parse(file) as { history: { text?: string }[] };
    expect(stored.history.map((h) => h.text).filter(Boolean)).toEqual(["accept", CLEAN_EXPLANATION]);
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
    for (const file of files) expect(file).toMatch(/^[A-Za-z0-9%._-]*\.json$/);
    expect(files).toContain("%2E%2E%2Fx.json");
    expect(files).toContain("nul%00id.json");
    expect((await store.learners()).sort()).toEqual([...HOSTILE_IDS].sort());
    // Ids that look alike stay apart: "%2E%2E" is not "..".
    for (const id of HOSTILE_IDS) expect((await store.read(id)).mark).toBe(HOSTILE_IDS.indexOf(id));
  });

  it("refuses an id too long for a file name with a StoreError, and writes nothing", async () => {
    const dir = tempDir();
    const store = new JsonProgressStore(dir);
    // The store retries the lock for about 20 s before it gives up (the lock folder's ENAMETOOLONG reads as
    // STORE_LOCKED today; the store's own issue words it). The retries' timers run on a fake clock here.
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    for (const id of ["x".repeat(300), "日".repeat(100)]) {
      let settled = false;
      const failed = store
        .update(id, () => undefined)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      void failed.finally(() => {
        settled = true;
      });
      while (!settled) {
        await vi.advanceTimersByTimeAsync(200);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await failed).toBeInstanceOf(StoreError);
    }
    expect(readdirSync(join(dir, "learners"))).toEqual([]);
  });
});
