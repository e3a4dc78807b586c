import { describe, expect, it } from "vitest";
import { parseLesson } from "../../engine/content/parse-lesson.js";
import type { ContentIssue } from "../../engine/errors.js";

const STAGES_MD = `## Understand

Intro text.

### The accept queue

Connections wait here.

## Articulate

Say it.

## Limitations

Breaks.

## Build something better

Better.

## Its limitations

Costs.

## Appreciate

Fine as it is.
`;

const lesson = (front: string, body = STAGES_MD) => `---\n${front}\n---\n\n${body}`;
const FRONT = `id: demo
title: Demo
summary: A demo.
tags: [net]
sources:
  - https://example.org/a
jargon:
  - term: accept queue
    plain: [wait in a queue]`;

describe("parseLesson", () => {
  it("turns a lesson into a typed tree with stages, sections and their lines", () => {
    const issues: ContentIssue[] = [];
    const parsed = parseLesson("lessons/demo.md", lesson(FRONT), issues);
    expect(issues).toEqual([]);
    expect(parsed).toEqual({
      id: "demo",
      title: "Demo",
      summary: "A demo.",
      tags: ["net"],
      sources: ["https://example.org/a"],
      prerequisites: [],
      jargon: [{ term: "accept queue", plain: ["wait in a queue"] }],
      file: "lessons/demo.md",
      stages: [
        {
          stage: 1,
          title: "Understand",
          line: 13,
          markdown: "Intro text.\n\n### The accept queue\n\nConnections wait here.",
          sections: [
            { heading: "Understand", depth: 2, markdown: "Intro text.", line: 13 },
            { heading: "The accept queue", depth: 3, markdown: "Connections wait here.", line: 17 },
          ],
        },
        {
          stage: 2,
          title: "Articulate",
          line: 21,
          markdown: "Say it.",
          sections: [{ heading: "Articulate", depth: 2, markdown: "Say it.", line: 21 }],
        },
        {
          stage: 3,
          title: "Limitations",
          line: 25,
          markdown: "Breaks.",
          sections: [{ heading: "Limitations", depth: 2, markdown: "Breaks.", line: 25 }],
        },
        {
          stage: 4,
          title: "Build something better",
          line: 29,
          markdown: "Better.",
          sections: [{ heading: "Build something better", depth: 2, markdown: "Better.", line: 29 }],
        },
        {
          stage: 5,
          title: "Its limitations",
          line: 33,
          markdown: "Costs.",
          sections: [{ heading: "Its limitations", depth: 2, markdown: "Costs.", line: 33 }],
        },
        {
          stage: 6,
          title: "Appreciate",
          line: 37,
          markdown: "Fine as it is.",
          sections: [{ heading: "Appreciate", depth: 2, markdown: "Fine as it is.", line: 37 }],
        },
      ],
    });
  });

  it("accepts numbered stage headings", () => {
    const issues: ContentIssue[] = [];
    const body = STAGES_MD.replace("## Understand", "## 1. Understand").replace(
      "## Appreciate",
      "## Stage 6: Appreciate",
    );
    expect(parseLesson("lessons/demo.md", lesson(FRONT, body), issues)?.stages.map((s) => s.stage)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(issues).toEqual([]);
  });

  it("collects every problem with its file and line instead of stopping at the first", () => {
    const issues: ContentIssue[] = [];
    const body = `Stray intro.

## Understand

x

## Limitations

y

## Articulate

z

## Summary

w
`;
    const front = FRONT.replace("id: demo", "id: other").replace("https://example.org/a", "not a url");
    expect(parseLesson("lessons/demo.md", lesson(front, body), issues)).toBeUndefined();
    expect(issues).toEqual([
      {
        file: "lessons/demo.md",
        line: 6,
        message: "front matter `sources` item 1 (`not a url`): every source must be a URL",
      },
      {
        file: "lessons/demo.md",
        line: 2,
        message: "id `other` does not match the file name (expected `demo`)",
      },
      {
        file: "lessons/demo.md",
        line: 13,
        message: "text before the first stage heading: put it inside `## Understand`",
      },
      {
        file: "lessons/demo.md",
        line: 23,
        message: "stage 2 (Articulate) comes after stage 3; keep the stages in order",
      },
      {
        file: "lessons/demo.md",
        line: 27,
        message:
          "`## Summary` is not a stage; level-2 headings must be the six stages (Understand, Articulate, Limitations, Build something better, Its limitations, Appreciate); use ### for sub-sections",
      },
      {
        file: "lessons/demo.md",
        line: 12,
        message: "missing stage 4: add a `## Build something better` section",
      },
      { file: "lessons/demo.md", line: 12, message: "missing stage 5: add a `## Its limitations` section" },
      { file: "lessons/demo.md", line: 12, message: "missing stage 6: add a `## Appreciate` section" },
    ]);
  });

  it("reports missing front matter fields and broken YAML in plain words", () => {
    const missing: ContentIssue[] = [];
    parseLesson("lessons/demo.md", lesson("id: demo\ntitle: Demo"), missing);
    expect(missing.map((i) => i.message)).toEqual([
      "front matter needs `summary`",
      "front matter needs `sources`",
    ]);
    const broken: ContentIssue[] = [];
    parseLesson("lessons/demo.md", lesson("id: demo\ntitle: [unclosed"), broken);
    expect(broken).toHaveLength(1);
    expect(broken[0]?.message).toMatch(/^front matter is not valid YAML/);
    const none: ContentIssue[] = [];
    parseLesson("lessons/demo.md", STAGES_MD, none);
    expect(none).toEqual([
      {
        file: "lessons/demo.md",
        line: 1,
        message: "the file must start with YAML front matter between two `---` lines",
      },
    ]);
  });

  it("refuses raw HTML", () => {
    const issues: ContentIssue[] = [];
    parseLesson("lessons/demo.md", lesson(FRONT, STAGES_MD.replace("Say it.", "<script>x</script>")), issues);
    expect(issues).toEqual([
      { file: "lessons/demo.md", line: 23, message: "raw HTML is not allowed in lessons; use markdown" },
    ]);
  });
});
