import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Question } from "../../engine/content/model.js";
import { parseQuiz } from "../../engine/content/parse-quiz.js";
import { grade } from "../../engine/quiz/grade.js";
import { readNumber } from "../../engine/quiz/short-answer.js";
import { containsPhrase, prepare } from "../../engine/quiz/text-match.js";
import { stem } from "../../engine/text/words.js";

const quiz = parseQuiz(
  "q.md",
  readFileSync(new URL("../fixtures/content/quizzes/tcp-basics.md", import.meta.url), "utf8"),
  [],
);
const q = (id: string) => quiz?.questions.find((x) => x.id === id) as Question;
const text = (t: string) => ({ kind: "text" as const, text: t });

describe("grading choice questions", () => {
  it("single choice: right option is correct; a wrong one returns its misconception", () => {
    expect(grade(q("basics-recv"), { kind: "choice", selected: [0] })).toMatchObject({
      correct: true,
      score: 1,
      chosenWrong: [],
    });
    expect(grade(q("basics-recv"), { kind: "choice", selected: [2] })).toEqual({
      questionId: "basics-recv",
      correct: false,
      score: 0,
      chosenWrong: [
        { option: 2, text: "Maps the packet into the process", feedback: "That is zero-copy receive." },
      ],
      missedCorrect: [0],
    });
  });

  it("single choice refuses two options and no option without counting them wrong", () => {
    expect(grade(q("basics-recv"), { kind: "choice", selected: [0, 1] }).invalid).toBe("choose one option");
    expect(grade(q("basics-recv"), { kind: "choice", selected: [] }).invalid).toBe("choose an option");
    expect(grade(q("basics-recv"), text("0")).invalid).toBe("choose an option");
  });

  it("multiple choice needs exactly the checked set; partial answers score partially", () => {
    expect(grade(q("basics-multi"), { kind: "choice", selected: [1, 0] })).toMatchObject({
      correct: true,
      score: 1,
    });
    const partial = grade(q("basics-multi"), { kind: "choice", selected: [0] });
    expect(partial).toMatchObject({ correct: false, missedCorrect: [1], chosenWrong: [] });
    expect(partial.score).toBeCloseTo(2 / 3);
    const extra = grade(q("basics-multi"), { kind: "choice", selected: [0, 1, 2] });
    expect(extra.correct).toBe(false);
    expect(extra.chosenWrong).toEqual([
      { option: 2, text: "A bigger recv buffer", feedback: "A bigger buffer still copies." },
    ]);
  });

  it("true-false", () => {
    expect(grade(q("basics-tf"), { kind: "choice", selected: [0] }).correct).toBe(true);
    expect(grade(q("basics-tf"), { kind: "choice", selected: [1] }).chosenWrong[0]?.feedback).toBe(
      "Buffers are held while the client is slow.",
    );
  });
});

describe("grading order, short and numeric questions", () => {
  it("order: all in place is correct; score is the share in place", () => {
    expect(grade(q("basics-order"), { kind: "order", order: [0, 1, 2, 3] })).toMatchObject({
      correct: true,
      score: 1,
    });
    const swapped = grade(q("basics-order"), { kind: "order", order: [0, 2, 1, 3] });
    expect(swapped).toMatchObject({ correct: false, score: 0.5 });
    expect(swapped.expected).toBe("1. SYN\n2. Handshake completes\n3. Accept queue\n4. accept() returns");
    expect(grade(q("basics-order"), { kind: "order", order: [0, 0, 1, 2] }).invalid).toBe(
      "arrange all 4 items, each once",
    );
  });

  it("short answer ignores case, spacing, quotes and backticks, and accepts the pattern", () => {
    for (const answer of ["accept", "  ACCEPT4 ", "`accept`", "accept()", "Accept."]) {
      expect(grade(q("basics-syscall"), text(answer)).correct, answer).toBe(true);
    }
    expect(grade(q("basics-syscall"), text("connect")).correct).toBe(false);
    expect(grade(q("basics-syscall"), text("connect")).expected).toBe("accept");
    expect(grade(q("basics-syscall"), text("   ")).invalid).toBe("type an answer");
  });

  it("numeric answers are read from what people type and compared within tolerance", () => {
    expect(grade(q("basics-numeric"), text("4096")).correct).toBe(true);
    expect(grade(q("basics-numeric"), text("4,096 bytes")).correct).toBe(true);
    expect(grade(q("basics-numeric"), text("4095")).correct).toBe(false);
    expect(grade(q("basics-numeric"), text("lots")).invalid).toBe("type a number");
    const tolerant = {
      ...(q("basics-numeric") as Question & { type: "numeric" }),
      answer: 150,
      tolerance: 10,
      unit: "ms",
    };
    expect(grade(tolerant, text("0.16 s")).correct).toBe(true);
    expect(grade(tolerant, text("160 bytes")).invalid).toBe("give the number in ms");
    expect(grade(tolerant, text("160 ms")).correct).toBe(true);
    expect(grade(tolerant, text("161")).correct).toBe(false);
    expect(readNumber("1.5e3", undefined)).toEqual({ ok: true, values: [1500] });
    expect(readNumber("-0.25", undefined)).toEqual({ ok: true, values: [-0.25] });
  });
});

describe("grading explain answers", () => {
  it("says which key points were covered, quoting the learner's sentence, and which were missed", () => {
    const result = grade(
      q("basics-explain"),
      text("The kernel completes the handshake for me. Then recv copies the bytes into user space."),
    );
    expect(result.keyPoints).toEqual([
      {
        text: "The kernel completes the handshake",
        covered: true,
        evidence: "The kernel completes the handshake for me.",
        matched: "kernel completes the handshake",
      },
      { text: "Connections wait in a queue", covered: false },
      {
        text: "Reading copies from the kernel to the process",
        covered: true,
        evidence: "Then recv copies the bytes into user space.",
        matched: "copies into user space",
      },
    ]);
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.correct).toBe(true);
    expect(result.flags).toEqual([]);
    const weak = grade(q("basics-explain"), text("The kernel completes the handshake."));
    expect(weak.correct).toBe(false);
    expect(weak.score).toBeCloseTo(1 / 3);
  });

  it("matches phrasings in any order, across word endings, but not scattered through a long answer", () => {
    const t = prepare("Bytes were copied from the kernel buffer, which the process then parses.");
    expect(containsPhrase(t, "copies from the kernel")).toBe(true);
    expect(containsPhrase(t, "kernel copying")).toBe(true);
    expect(containsPhrase(t, "user space")).toBe(false);
    const far = prepare(`kernel ${"filler ".repeat(30)} handshake`);
    expect(containsPhrase(far, "kernel handshake")).toBe(false);
    expect(["copies", "copied", "copying", "copy"].map(stem)).toEqual(["copy", "copy", "copy", "copy"]);
    expect(["queues", "queued", "queue"].map(stem)).toEqual(["queu", "queu", "queu"]);
  });

  it("accepts a key point in plain words where its phrasings use a jargon term", () => {
    const jargon = [{ term: "accept queue", plain: ["holding pen", "pen of finished connections"] }];
    // "Connections wait in a queue" has the phrasing "accept queue"; the learner avoided the term, as asked.
    const plain = text("Finished connections sit in a holding pen until the program takes them.");
    expect(grade(q("basics-explain"), plain, { jargon }).keyPoints?.[1]).toEqual({
      text: "Connections wait in a queue",
      covered: true,
      evidence: "Finished connections sit in a holding pen until the program takes them.",
      matched: "accept queue",
    });
    // Without the lesson's plain phrasings the same answer misses it: the swap is what covers it.
    expect(grade(q("basics-explain"), plain, {}).keyPoints?.[1]?.covered).toBe(false);
    // The plain words still have to be there: a different idea does not count.
    const other = text("Finished connections are dropped when the program is slow.");
    expect(grade(q("basics-explain"), other, { jargon }).keyPoints?.[1]?.covered).toBe(false);
  });

  it("flags a term once when a longer flagged term contains it", () => {
    const jargon = [
      { term: "three-way handshake", plain: ["three messages"] },
      { term: "handshake", plain: ["agree to talk"] },
    ];
    const result = grade(
      q("basics-explain"),
      text("The three-way handshake happens, then recv copies into user space."),
      { jargon },
    );
    expect(result.jargon).toEqual(["three-way handshake"]);
  });

  it("flags jargon used without a plain explanation", () => {
    const jargon = [{ term: "accept queue", plain: ["wait in a queue", "waiting line"] }];
    const hiding = grade(
      q("basics-explain"),
      text("The accept queue handles it and then recv copies into user space."),
      { jargon },
    );
    expect(hiding.jargon).toEqual(["accept queue"]);
    const explained = grade(
      q("basics-explain"),
      text("Connections wait in a queue, the accept queue, until accept takes them."),
      { jargon },
    );
    expect(explained.jargon).toEqual([]);
  });
});
