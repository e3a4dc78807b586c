// The content policy (engine/content/policy.ts) as an author meets it: a lesson and quiz that meet the bar
// are written to a temp folder, then each case breaks one rule and the check must name it at the file and
// line it is about, found in the written text.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, loadContent, STAGES } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

interface Spec {
  id: string;
  type: string;
  stage: number;
  prompt?: string;
  keyPoints?: number;
  rightFirst?: boolean;
  noFeedback?: boolean;
}

/** 14 questions: 3 in stages 1, 3, 4 and 5, an explanation in 2, 4 and 6, five types besides single. */
const GOOD: Spec[] = [
  { id: "s1-single", type: "single", stage: 1 },
  { id: "s1-order", type: "order", stage: 1 },
  { id: "s1-short", type: "short", stage: 1 },
  { id: "s2-explain", type: "explain", stage: 2, keyPoints: 4 },
  { id: "s3-predict", type: "numeric", stage: 3, prompt: "Predict how many pages are written." },
  { id: "s3-tf", type: "true-false", stage: 3 },
  { id: "s3-multiple", type: "multiple", stage: 3 },
  { id: "s4-design", type: "explain", stage: 4, keyPoints: 2 },
  { id: "s4-single", type: "single", stage: 4 },
  { id: "s4-short", type: "short", stage: 4 },
  { id: "s5-single", type: "single", stage: 5 },
  { id: "s5-order", type: "order", stage: 5 },
  { id: "s5-tf", type: "true-false", stage: 5 },
  { id: "s6-reflect", type: "explain", stage: 6, keyPoints: 2 },
];

function answers(q: Spec): string {
  const wrong = (text: string) =>
    `- [ ] ${text}${q.noFeedback ? "" : "\n  > The misconception it reflects."}`;
  const choice = (right: string, wrongs: string[]) =>
    (q.rightFirst ? [`- [x] ${right}`, ...wrongs.map(wrong)] : [...wrongs.map(wrong), `- [x] ${right}`]).join(
      "\n",
    );
  switch (q.type) {
    case "single":
    case "multiple":
      return choice("The right one", ["A wrong one", "Another wrong one"]);
    case "true-false":
      return choice("False", ["True"]);
    case "order":
      return "1. First\n2. Second\n3. Third";
    case "short":
      return "- accept";
    case "numeric":
      return "> **Answer:** 4";
    default:
      return points(q)
        .map((point, k) => `- ${point}\n  - writer + flushes / writes + page ${k}`)
        .join("\n");
  }
}

/** Key points a model answer can cover and the rubric calibration (tutor check) can tell from gaming. */
const points = (q: Spec) =>
  Array.from({ length: q.keyPoints ?? 4 }, (_, k) => `The writer flushes page ${k} to the disk`);

function quizText(specs: Spec[]): string {
  const parts = ["---\nlesson: demo\n---"];
  for (const stage of [1, 2, 3, 4, 5, 6]) {
    parts.push(`## Stage ${stage}`);
    for (const q of specs.filter((s) => s.stage === stage)) {
      parts.push(
        `### ${q.id} (${q.type})`,
        q.prompt ?? `Question ${q.id}?`,
        answers(q),
        `> **Explanation:** ${q.type === "explain" ? points(q).join(". ") : "Because"}.`,
      );
    }
  }
  return `${parts.join("\n\n")}\n`;
}

function lessonText({ words = 1500, jargon = true } = {}): string {
  const front = [
    "---",
    "id: demo",
    "title: Demo",
    "summary: A lesson to hold to the bar.",
    "sources:",
    "  - https://example.com/talk",
    ...(jargon ? ["jargon:", "  - term: FPW", "    plain: [whole page]"] : []),
    "---",
  ];
  const stages = STAGES.map((s, i) => {
    const n = Math.floor(words / 6) + (i < words % 6 ? 1 : 0);
    return `## ${s.title}\n\n${Array(n).fill("word").join(" ")}`;
  });
  return `${[front.join("\n"), ...stages].join("\n\n")}\n`;
}

function write(lesson: string, quiz: string) {
  const root = tempDir();
  mkdirSync(join(root, "lessons"));
  mkdirSync(join(root, "quizzes"));
  const files = { lesson: join(root, "lessons", "demo.md"), quiz: join(root, "quizzes", "demo.md") };
  writeFileSync(files.lesson, lesson);
  writeFileSync(files.quiz, quiz);
  return { root, files };
}

const edit = (changes: Record<string, Partial<Spec> | null>, specs = GOOD): Spec[] =>
  specs.flatMap((s) => {
    if (!(s.id in changes)) return [s];
    const change = changes[s.id];
    return change === null ? [] : [{ ...s, ...change }];
  });

interface Expected {
  in: "lesson" | "quiz";
  /** The question whose heading line the issue is at; line 1 (the front matter) when absent. */
  at?: string;
  message: RegExp;
}

const CASES: [string, { lesson?: Parameters<typeof lessonText>[0]; quiz?: Spec[] }, Expected[]][] = [
  [
    "a lesson under 1,200 words",
    { lesson: { words: 1199 } },
    [{ in: "lesson", message: /^1,199 words over the six stages; a lesson has 1,200 to 2,600$/ }],
  ],
  ["a lesson over 2,600 words", { lesson: { words: 2601 } }, [{ in: "lesson", message: /^2,601 words/ }]],
  ["a lesson without jargon", { lesson: { jargon: false } }, [{ in: "lesson", message: /^no `jargon`/ }]],
  [
    "a quiz under 14 questions",
    { quiz: edit({ "s4-short": null }) },
    [
      { in: "quiz", message: /^13 questions; a quiz has at least 14$/ },
      { in: "quiz", at: "s4-design", message: /^stage 4: 2 questions; ask at least 3$/ },
    ],
  ],
  [
    "a stage 1, 3, 4 or 5 with fewer than 3 questions",
    { quiz: [...edit({ "s5-tf": null }), { id: "s6-extra", type: "short", stage: 6 }] },
    [{ in: "quiz", at: "s5-single", message: /^stage 5: 2 questions; ask at least 3$/ }],
  ],
  [
    "stage 2, 4 or 6 without an explain question",
    { quiz: edit({ "s4-design": { type: "short" } }) },
    [{ in: "quiz", at: "s4-design", message: /^stage 4: no explain question/ }],
  ],
  [
    "a stage-2 explanation with 3 key points",
    { quiz: edit({ "s2-explain": { keyPoints: 3 } }) },
    [
      {
        in: "quiz",
        at: "s2-explain",
        message: /^question `s2-explain`: 3 key points; a stage-2 explanation has 4 to 6$/,
      },
    ],
  ],
  [
    "a stage-2 explanation with 7 key points",
    { quiz: edit({ "s2-explain": { keyPoints: 7 } }) },
    [{ in: "quiz", at: "s2-explain", message: /7 key points/ }],
  ],
  [
    "fewer than three question types besides single and explain",
    {
      quiz: edit({
        "s1-order": { type: "single" },
        "s5-order": { type: "single" },
        "s3-tf": { type: "single" },
        "s5-tf": { type: "single" },
        "s3-multiple": { type: "single" },
      }),
    },
    [
      {
        in: "quiz",
        message: /^2 question types besides single and explain \(short, numeric\); use at least 3$/,
      },
    ],
  ],
  [
    "stage 3 without a predict-what-happens question",
    { quiz: edit({ "s3-predict": { prompt: "How many pages are written?" } }) },
    [{ in: "quiz", at: "s3-predict", message: /^stage 3: no question asks the learner to predict/ }],
  ],
  [
    "a wrong option without feedback",
    { quiz: edit({ "s3-tf": { noFeedback: true } }) },
    [{ in: "quiz", at: "s3-tf", message: /^question `s3-tf`: wrong option "True" has no feedback/ }],
  ],
  [
    "the right option first in more than 40% of choice questions",
    { quiz: edit({ "s1-single": { rightFirst: true }, "s4-single": { rightFirst: true } }) },
    [
      {
        in: "quiz",
        at: "s1-single",
        message:
          /^the right option is first in 2 of 4 choice questions here \(s1-single, s4-single\) and in 50% across all quizzes; keep it at most 40%/,
      },
    ],
  ],
];

describe("the content policy in the check", () => {
  it("finds nothing in a lesson and quiz that meet the bar, including one right option first in four", async () => {
    const { root } = write(lessonText(), quizText(edit({ "s1-single": { rightFirst: true } })));
    expect((await checkContent(root, [], { policy: true })).issues).toEqual([]);
  });

  it.each(CASES)("reports %s at its file and line", async (_, content, expected) => {
    const { root, files } = write(lessonText(content.lesson), quizText(content.quiz ?? GOOD));
    const lineOf = (e: Expected) => {
      if (!e.at) return 1;
      const lines = readFileSync(files[e.in], "utf8").split("\n");
      return lines.findIndex((l) => l.startsWith(`### ${e.at} (`)) + 1;
    };
    const { issues } = await checkContent(root, [], { policy: true });
    expect(issues).toEqual(
      expected.map((e) => ({
        file: files[e.in],
        line: lineOf(e),
        message: expect.stringMatching(e.message),
      })),
    );
  });

  it("reports only the files asked about, and only when asked outside the bundled lessons", async () => {
    const { root, files } = write(
      lessonText({ words: 100, jargon: false }),
      quizText(edit({ "s3-tf": { noFeedback: true } })),
    );
    const onlyQuiz = await checkContent(root, [files.quiz], { policy: true });
    expect(onlyQuiz.issues.map((i) => [i.file, i.message])).toEqual([
      [files.quiz, expect.stringContaining("no feedback")],
    ]);
    // Another folder is not held to the bundled lessons' bar unless asked, and loading it for the app never is.
    expect((await checkContent(root)).issues).toEqual([]);
    expect((await loadContent(root)).issues).toEqual([]);
  });
});

describe("rubric calibration in the check", () => {
  /** The good quiz with `change` applied to the text of question s2-explain (its heading to the next one). */
  function withExplain(change: (block: string) => string) {
    const quiz = quizText(GOOD);
    const start = quiz.indexOf("### s2-explain");
    const end = quiz.indexOf("## Stage 3");
    return write(lessonText(), quiz.slice(0, start) + change(quiz.slice(start, end)) + quiz.slice(end));
  }
  const lineWith = (file: string, text: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => l.includes(text)) + 1;

  it("checks the author's example answers in any folder, each at its line", async () => {
    const { root, files } = withExplain((block) =>
      block.replace(
        /(> \*\*Explanation:\*\*.*\n)/,
        "$1\n> **Passes:** The writer flushes page 0 to the disk. Then it flushes page 1 to the disk, and the writer flushes page 2 to the disk too.\n\n> **Passes:** Pages are nice.\n\n> **Fails:** The writer flushes page 0 to the disk, and it flushes page 1 and page 2 to the disk as well.\n\n> **Fails:** writer flushes page 0, page 1, page 2, page 3, disk, flush\n",
      ),
    );
    const { issues } = await checkContent(root);
    expect(issues.map((i) => [i.file, i.line, i.message])).toEqual([
      [
        files.quiz,
        lineWith(files.quiz, "**Passes:** Pages are nice."),
        expect.stringMatching(
          /^question `s2-explain`: a \*\*Passes:\*\* example fails \(0%\): misses "The writer/,
        ),
      ],
      [
        files.quiz,
        lineWith(files.quiz, "**Fails:** The writer flushes page 0"),
        "question `s2-explain`: a **Fails:** example passes (75%): make the rubric tell it apart",
      ],
    ]);
  });

  it("with the content bar, fails a model answer the rubric does not pass and a label that misses its own point", async () => {
    const { root, files } = withExplain((block) =>
      block
        .replace(
          /> \*\*Explanation:\*\*.*\n/,
          "> **Explanation:** The writer flushes page 0 to the disk and nothing else.\n",
        )
        .replace("- The writer flushes page 1 to the disk", "- Page one goes out"),
    );
    const { issues } = await checkContent(root, [], { policy: true });
    const heading = lineWith(files.quiz, "### s2-explain");
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [
        heading,
        'question `s2-explain`: its own model answer (**Explanation:**) fails the rubric (25%): misses "Page one goes out", "The writer flushes page 2 to the disk", "The writer flushes page 3 to the disk"',
      ],
      [
        lineWith(files.quiz, "- Page one goes out"),
        'question `s2-explain`: key point 2 ("Page one goes out") does not cover itself: give it a phrasing that its own words meet',
      ],
    ]);
  });
});
