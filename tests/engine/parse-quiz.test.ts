import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedShuffle, parseQuiz } from "../../engine/content/parse-quiz.js";
import type { ContentIssue } from "../../engine/errors.js";

const fixture = readFileSync(new URL("../fixtures/content/quizzes/tcp-basics.md", import.meta.url), "utf8");
const FILE = "quizzes/tcp-basics.md";

describe("parseQuiz", () => {
  it("turns a question bank into typed questions of every type", () => {
    const issues: ContentIssue[] = [];
    const quiz = parseQuiz(FILE, fixture, issues);
    expect(issues).toEqual([]);
    const base = { lessonId: "tcp-basics", file: FILE };
    expect(quiz).toEqual({
      lessonId: "tcp-basics",
      file: FILE,
      stages: [5, 43, 61, 73, 86, 100].map((line, i) => ({ stage: i + 1, line, objectives: [] })),
      questions: [
        {
          ...base,
          id: "basics-recv",
          type: "single",
          stage: 1,
          line: 7,
          prompt: "What does `recv()` do?",
          hint: "Where is the data before the call?",
          explanation: "The kernel already holds the bytes; `recv()` copies them.",
          options: [
            { text: "Copies bytes from the kernel receive buffer into user memory", correct: true },
            {
              text: "Fetches a packet from the NIC",
              correct: false,
              feedback: "The NIC already wrote it by DMA.",
            },
            {
              text: "Maps the packet into the process",
              correct: false,
              feedback: "That is zero-copy receive.",
            },
          ],
        },
        {
          ...base,
          id: "basics-order",
          type: "order",
          stage: 1,
          line: 21,
          prompt: "Put the steps in order.",
          explanation: "The kernel handshakes first.",
          items: ["SYN", "Handshake completes", "Accept queue", "accept() returns"],
          shuffled: fixedShuffle(4, "basics-order"),
        },
        {
          ...base,
          id: "basics-syscall",
          type: "short",
          stage: 1,
          line: 32,
          prompt: "Which call takes a connection off the accept queue?",
          explanation: "`accept()` does.",
          accepted: ["accept", "accept4"],
          pattern: "^accept4?\\(\\)$",
        },
        {
          ...base,
          id: "basics-explain",
          type: "explain",
          stage: 2,
          line: 45,
          prompt: "Explain how a request reaches your code.",
          explanation: "The kernel handshakes, queues, and `recv()` copies.",
          keyPoints: [
            {
              text: "The kernel completes the handshake",
              phrasings: ["kernel completes the handshake", "handshake done by the kernel"],
              line: 49,
            },
            { text: "Connections wait in a queue", phrasings: ["wait in a queue", "accept queue"], line: 52 },
            {
              text: "Reading copies from the kernel to the process",
              phrasings: ["copies into user space", "copied from the kernel"],
              line: 55,
            },
          ],
        },
        {
          ...base,
          id: "basics-tf",
          type: "true-false",
          stage: 3,
          line: 63,
          prompt: "A slow client can hold server memory.",
          explanation: "Receive buffers stay allocated.",
          options: [
            { text: "True", correct: true },
            { text: "False", correct: false, feedback: "Buffers are held while the client is slow." },
          ],
        },
        {
          ...base,
          id: "basics-multi",
          type: "multiple",
          stage: 4,
          line: 75,
          prompt: "Which avoid a copy? Select all that apply.",
          explanation: "Both map or place data without the copy.",
          options: [
            { text: "io_uring zero-copy receive", correct: true },
            { text: "TCP_ZEROCOPY_RECEIVE", correct: true },
            { text: "A bigger recv buffer", correct: false, feedback: "A bigger buffer still copies." },
          ],
        },
        {
          ...base,
          id: "basics-numeric",
          type: "numeric",
          stage: 5,
          line: 88,
          prompt: "How many bytes is a 4 KiB page?",
          explanation: "4 × 1024.",
          answer: 4096,
          tolerance: 0,
          unit: "bytes",
        },
        {
          ...base,
          id: "basics-reflect",
          type: "explain",
          stage: 6,
          line: 102,
          prompt: "When is plain `recv()` right?",
          explanation: "For small messages, copying is cheap and simple.",
          keyPoints: [
            { text: "Simple code", phrasings: ["simple", "easy to reason"], line: 106 },
            { text: "Small messages", phrasings: ["small message", "little data"], line: 109 },
          ],
        },
      ],
    });
  });

  it("shows order items in a fixed shuffle that is never the answer order", () => {
    for (let n = 2; n < 8; n++) {
      const order = fixedShuffle(n, `q-${n}`);
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(order).not.toEqual(Array.from({ length: n }, (_, i) => i));
      expect(fixedShuffle(n, `q-${n}`)).toEqual(order);
    }
  });

  it("reports each malformed question with its line and what is wrong", () => {
    const source = `---
lesson: tcp-basics
---

### stray (single)

## Stage 1

### no-correct (single)

Pick one.

- [ ] A
  > no
- [ ] B
  > no

> **Explanation:** none.

### two-correct (true-false)

Yes?

- [x] True
- [x] False

> **Explanation:** x

### empty-option (single)

Pick one.

- [x]
- [ ] B
  > no

> **Explanation:** x

### bad-type (essay)

### missing-explanation (short)

Name it.

- it

### bad-pattern (short)

Name it.

> **Pattern:** ([a-z

> **Explanation:** x

### no-phrasings (explain)

Explain.

- A point with no phrasings
- Another
  - with one

> **Explanation:** x

### no-number (numeric)

How many?

> **Answer:** many

> **Explanation:** x

### Not An Id

> A quote without a label.

## Stage 9
`;
    const issues: ContentIssue[] = [];
    expect(parseQuiz(FILE, source, issues)).toBeUndefined();
    expect(issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      "5: question `stray` is not under a `## Stage N` heading",
      "39: question `bad-type` has unknown type `essay`; use one of single, multiple, true-false, order, short, numeric, explain",
      "73: question heading `### Not An Id` must be `### <question-id> (<type>)`, optionally `(<type>, objective: <id>, review-only)`",
      // The body of a question whose heading is already reported is not reported again.
      "77: `## Stage 9` is not a stage heading; write `## Stage N` (N from 1 to 6)",
      "13: question `no-correct`: has no correct option: check one with `- [x]`",
      "24: question `two-correct`: a true-false question has exactly one correct option, this one has 2",
      "33: question `empty-option`: has an empty option: write its text after `- [ ]` or `- [x]`",
      "41: question `missing-explanation`: has no **Explanation:** blockquote (shown after answering)",
      "51: question `bad-pattern`: **Pattern:** is not a valid regular expression (Invalid regular expression: /([a-z/i: Unterminated character class)",
      '59: question `no-phrasings`: key point "A point with no phrasings" has no accepted phrasings (a nested bullet list)',
      "69: question `no-number`: needs `> **Answer:** <number>`",
    ]);
  });
});

describe("a misspelt question type", () => {
  it("is one problem with a suggestion, not one more for each part of the question's body", () => {
    const issues: ContentIssue[] = [];
    parseQuiz(FILE, fixture.replace("### basics-recv (single)", "### basics-recv (singel)"), issues);
    expect(issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      "7: question `basics-recv` has unknown type `singel`; did you mean `single`? use one of single, multiple, true-false, order, short, numeric, explain",
    ]);
  });
});

describe("stage objectives and question attributes", () => {
  const quiz = (body: string) => {
    const issues: ContentIssue[] = [];
    const parsed = parseQuiz("quizzes/pool.md", `---\nlesson: pool\n---\n${body}`, issues);
    return { parsed, issues: issues.map((i) => `${i.line}: ${i.message}`) };
  };
  const question = (heading: string) =>
    `### ${heading}\n\nPick one.\n\n- [x] Right\n- [ ] Wrong\n\n> **Explanation:** Because.\n`;

  it("reads the objectives block and ties each question to an objective", () => {
    const { parsed, issues } = quiz(
      [
        "## Stage 1: Understand",
        "",
        "> **Objectives:**",
        "> - `sectors`: a page spans several sectors written independently",
        ">   - `wal-first`: the change record is durable before the page",
        "",
        question("pool-a (single, objective: sectors)"),
        question("pool-b (single, objective: `wal-first`, review-only)"),
        question("pool-c ( Single ,Objective:wal-first )"),
      ].join("\n"),
    );
    expect(issues).toEqual([]);
    expect(parsed?.stages).toEqual([
      {
        stage: 1,
        line: 4,
        objectives: [
          { id: "sectors", text: "a page spans several sectors written independently", line: 7 },
          { id: "wal-first", text: "the change record is durable before the page", line: 8 },
        ],
      },
    ]);
    expect(parsed?.questions.map((q) => [q.id, q.type, q.objective, q.reviewOnly])).toEqual([
      ["pool-a", "single", "sectors", undefined],
      ["pool-b", "single", "wal-first", true],
      ["pool-c", "single", "wal-first", undefined],
    ]);
  });

  it("keeps a stage without objectives loadable, its questions without one", () => {
    const { parsed, issues } = quiz(`## Stage 1\n\n${question("pool-a (single, review-only)")}`);
    expect(issues).toEqual([]);
    expect(parsed?.stages).toEqual([{ stage: 1, line: 4, objectives: [] }]);
    expect(parsed?.questions[0]).toMatchObject({ id: "pool-a", reviewOnly: true });
    expect(parsed?.questions[0]?.objective).toBeUndefined();
  });

  it("reports a malformed block once, not once more for each of its questions", () => {
    const { issues } = quiz(
      [
        "## Stage 1",
        "",
        "> **Objectives:**",
        "> - `Sectors`: not kebab",
        "> - `wal`: fine",
        "",
        question("pool-a (single, objective: sectors)"),
      ].join("\n"),
    );
    expect(issues).toEqual(["7: stage 1 objectives: objective id `Sectors` must be kebab-case"]);
  });
});
