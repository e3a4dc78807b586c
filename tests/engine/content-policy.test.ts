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
  /** A right option much longer than the wrong ones. */
  longRight?: boolean;
  pattern?: string;
  tolerance?: number;
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
      return choice(
        q.longRight ? "The right one, spelled out at far greater length than any other" : "The right one",
        ["A wrong one", "Another wrong one"],
      );
    case "true-false":
      return choice("False", ["True"]);
    case "order":
      return "1. First\n2. Second\n3. Third";
    case "short":
      return `- accept${q.pattern ? `\n\n> **Pattern:** ${q.pattern}` : ""}`;
    case "numeric":
      return `> **Answer:** 4${q.tolerance ? `\n\n> **Tolerance:** ${q.tolerance}` : ""}`;
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

function lessonText({ words = 1500, jargon = true, keptBack = true, rubric = 0 } = {}): string {
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
    // Stages 2 and 4 keep a part back until the learner has handed in theirs (3 words, counted in n).
    if (keptBack && (s.stage === 2 || s.stage === 4)) {
      const points =
        s.stage === 2 && rubric > 0
          ? `\n\n${Array.from({ length: rubric }, (_, k) => `- point ${k}`).join("\n")}`
          : "";
      return `## ${s.title}\n\n${Array(n - 3)
        .fill("word")
        .join(" ")}\n\n### Kept back {after-attempt}\n\nrevealed${points}`;
    }
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
  /** The question (or lesson ### heading, or a heading starting with #) whose line the issue is at; else line 1. */
  at?: string;
  message: RegExp;
  /** The last line with that heading (stage 4's kept-back part rather than stage 2's). */
  last?: boolean;
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
    [
      {
        in: "lesson",
        at: "Kept back",
        last: true,
        message: /^`\{after-attempt\}` in stage 4, whose quiz has no explain question/,
      },
      { in: "quiz", at: "s4-design", message: /^stage 4: no explain question/ },
    ],
  ],
  [
    "stages 2 and 4 that show the rubric and the real attempt before the learner's own",
    { lesson: { keptBack: false } },
    [
      { in: "lesson", at: "## Articulate", message: /^stage 2 shows what a good explanation covers before/ },
      { in: "lesson", at: "## Build", message: /^stage 4 shows the real attempt/ },
    ],
  ],
  [
    "a stage-2 rubric listing another number of points than the quiz grades",
    { lesson: { rubric: 3 } },
    [
      {
        in: "lesson",
        at: "Kept back",
        message: /^"Kept back" lists 3 points where the stage-2 quiz grades 4/,
      },
    ],
  ],
  [
    "a right option much longer than the others",
    { quiz: edit({ "s4-single": { longRight: true } }) },
    [
      {
        in: "quiz",
        at: "s4-single",
        message:
          /^question `s4-single`: the right option \(63 characters\) is much longer than the longest wrong one \(17\)/,
      },
    ],
  ],
  [
    "a true/false bank with one answer in more than 65%",
    { quiz: [...GOOD, { id: "s1-tf", type: "true-false", stage: 1 }] },
    [
      {
        in: "quiz",
        at: "s1-tf",
        message: /3 of the 3 true\/false questions here are False/,
      },
    ],
  ],
  [
    "multiple-select questions that all have the same number of right options",
    {
      quiz: [
        ...GOOD,
        { id: "s1-multiple", type: "multiple", stage: 1 },
        { id: "s5-multiple", type: "multiple", stage: 5 },
      ],
    },
    [
      {
        in: "quiz",
        at: "s1-multiple",
        message: /all 3 multiple-select questions here have 1 right options/,
      },
    ],
  ],
  [
    "an unanchored pattern",
    { quiz: edit({ "s1-short": { pattern: "accept|listen$" } }) },
    [{ in: "quiz", at: "s1-short", message: /\*\*Pattern:\*\* `accept\|listen\$` is not anchored/ }],
  ],
  [
    "a tolerance that accepts an off-by-one on a count",
    { quiz: edit({ "s3-predict": { tolerance: 1 } }) },
    [
      {
        in: "quiz",
        at: "s3-predict",
        message: /\*\*Tolerance:\*\* 1 on a count \(4\) accepts an off-by-one/,
      },
    ],
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

/**
 * The question-pool rules (objectives declared, 8 gate questions a stage, objectives covered) have their own
 * tests (pool-policy.test.ts): this small quiz, written for the other rules, has no pools.
 */
const POOL_RULE = /^stage \d: (declares no objectives|a pool of|objective `)/;
async function policyIssues(root: string, paths: string[] = []) {
  return (await checkContent(root, paths, { policy: true })).issues.filter((i) => !POOL_RULE.test(i.message));
}

describe("the content policy in the check", () => {
  it("finds nothing in a lesson and quiz that meet the bar, including one right option first in four", async () => {
    const { root } = write(lessonText(), quizText(edit({ "s1-single": { rightFirst: true } })));
    expect(await policyIssues(root)).toEqual([]);
  });

  it.each(CASES)("reports %s at its file and line", async (_, content, expected) => {
    const { root, files } = write(lessonText(content.lesson), quizText(content.quiz ?? GOOD));
    const lineOf = (e: Expected) => {
      if (!e.at) return 1;
      const lines = readFileSync(files[e.in], "utf8").split("\n");
      const prefix = e.at.startsWith("#") ? e.at : `### ${e.at} `;
      return (
        (e.last
          ? lines.length - 1 - [...lines].reverse().findIndex((l) => l.startsWith(prefix))
          : lines.findIndex((l) => l.startsWith(prefix))) + 1
      );
    };
    const issues = await policyIssues(root);
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
    const onlyQuiz = await policyIssues(root, [files.quiz]);
    expect(onlyQuiz.map((i) => [i.file, i.message])).toEqual([
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
    const issues = await policyIssues(root);
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
