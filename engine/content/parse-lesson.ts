/** lessons/<id>.md -> Lesson, or issues with file:line. */
import { basename } from "node:path";
import type { Tokens } from "marked";
import type { ContentIssue } from "../errors.js";
import { splitFrontMatter } from "./front-matter.js";
import { htmlLines, type LocatedToken, lexWithLines } from "./markdown.js";
import { type Lesson, type LessonSection, type LessonStage, STAGES, type StageNumber } from "./model.js";
import { lessonFrontMatter, validate } from "./schema.js";

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** "## 1. Understand", "## Stage 4: Build something better" -> 1, 4. */
export function stageOfHeading(text: string): StageNumber | undefined {
  const name = normalise(text.replace(/^(?:stage\s*)?\d+\s*[.:)\-—]?\s*/i, ""));
  const found = STAGES.find((s) => s.title.toLowerCase() === name);
  return found?.stage;
}

export function parseLesson(file: string, source: string, issues: ContentIssue[]): Lesson | undefined {
  const before = issues.length;
  const fm = splitFrontMatter(file, source, issues);
  if (!fm) return undefined;
  const meta = validate(lessonFrontMatter, fm.data, file, fm.keyLines, 1, issues);
  const expectedId = basename(file, ".md");
  const id = (fm.data as { id?: unknown } | null)?.id;
  if (typeof id === "string" && id !== expectedId) {
    issues.push({
      file,
      line: fm.keyLines.id ?? 1,
      message: `id \`${id}\` does not match the file name (expected \`${expectedId}\`)`,
    });
  }

  const tokens = lexWithLines(fm.body, fm.bodyLine);
  const stageStarts: { stage: StageNumber; at: LocatedToken }[] = [];
  for (const located of tokens) {
    const { token } = located;
    for (const line of htmlLines(fm.body, located)) {
      issues.push({ file, line, message: "raw HTML is not allowed in lessons; use markdown" });
    }
    if (token.type !== "heading" || (token as Tokens.Heading).depth !== 2) {
      if (stageStarts.length === 0 && token.type !== "heading") {
        issues.push({
          file,
          line: located.line,
          message: "text before the first stage heading: put it inside `## Understand`",
        });
      }
      continue;
    }
    const text = (token as Tokens.Heading).text;
    const stage = stageOfHeading(text);
    if (!stage) {
      issues.push({
        file,
        line: located.line,
        message: `\`## ${text}\` is not a stage; level-2 headings must be the six stages (${STAGES.map((s) => s.title).join(", ")}); use ### for sub-sections`,
      });
      continue;
    }
    const previous = stageStarts.at(-1);
    if (stageStarts.some((s) => s.stage === stage)) {
      issues.push({ file, line: located.line, message: `stage ${stage} (${text}) appears twice` });
      continue;
    }
    if (previous && stage < previous.stage) {
      issues.push({
        file,
        line: located.line,
        message: `stage ${stage} (${text}) comes after stage ${previous.stage}; keep the stages in order`,
      });
    }
    stageStarts.push({ stage, at: located });
  }
  for (const s of STAGES) {
    if (!stageStarts.some((start) => start.stage === s.stage)) {
      issues.push({
        file,
        line: fm.bodyLine,
        message: `missing stage ${s.stage}: add a \`## ${s.title}\` section`,
      });
    }
  }

  for (const located of tokens) {
    if (located.token.type !== "heading") continue;
    const heading = located.token as Tokens.Heading;
    const marker = AFTER_LIKE.exec(heading.text);
    if (!marker) continue;
    if (marker[0] !== AFTER_MARKER) {
      issues.push({
        file,
        line: located.line,
        message: `\`${marker[0]}\` is not a known marker; write \`${AFTER_MARKER}\` at the end of a ### heading`,
      });
    } else if (heading.depth !== 3) {
      issues.push({
        file,
        line: located.line,
        message: `\`${AFTER_MARKER}\` marks a ### sub-section (level 3); this heading is level ${heading.depth}`,
      });
    }
  }
  if (!meta || issues.length > before) return undefined;

  const stages: LessonStage[] = stageStarts.map((start, i) => {
    const from = start.at.offset + start.at.token.raw.length;
    const to = stageStarts[i + 1]?.at.offset ?? fm.body.length;
    const title = STAGES[start.stage - 1]?.title ?? "";
    const within = tokens.filter((t) => t.offset >= from && t.offset < to);
    // Marked sub-sections run from their ### heading to the next heading of level 3 or above.
    const hiddenRanges: [number, number][] = [];
    const hiddenHeadings: string[] = [];
    within.forEach((t, k) => {
      const h = t.token as Tokens.Heading;
      if (t.token.type !== "heading" || h.depth !== 3 || !h.text.endsWith(AFTER_MARKER)) return;
      const next = within
        .slice(k + 1)
        .find((u) => u.token.type === "heading" && (u.token as Tokens.Heading).depth <= 3);
      hiddenRanges.push([t.offset, next?.offset ?? to]);
      hiddenHeadings.push(withoutMarker(h.text));
    });
    const clean = (a: number, b: number) =>
      fm.body.slice(a, b).replaceAll(` ${AFTER_MARKER}`, "").replaceAll(AFTER_MARKER, "");
    let beforeText = "";
    let cursor = from;
    for (const [a, b] of hiddenRanges) {
      beforeText += clean(cursor, a);
      cursor = b;
    }
    beforeText += clean(cursor, to);
    const sections = sectionsOf(fm.body, from, to, within, title, start.at.line).map((s) => {
      const offset = s.offset;
      const hidden = hiddenRanges.some(([a, b]) => offset >= a && offset < b);
      return {
        heading: withoutMarker(s.heading),
        depth: s.depth,
        markdown: s.markdown,
        line: s.line,
        ...(hidden ? { afterAttempt: true } : {}),
      };
    });
    return {
      stage: start.stage,
      title,
      markdown: clean(from, to).trim(),
      line: start.at.line,
      sections,
      ...(hiddenHeadings.length > 0
        ? { afterAttempt: { headings: hiddenHeadings, before: beforeText.trim() } }
        : {}),
    };
  });

  return {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    tags: meta.tags,
    sources: meta.sources,
    prerequisites: meta.prerequisites,
    jargon: meta.jargon,
    stages,
    file,
  };
}

/** Ends a ### heading whose sub-section the reader keeps back until the stage's explanation is handed in. */
export const AFTER_MARKER = "{after-attempt}";
/** Anything that looks like a marker attempt, so a misspelt one is reported rather than shown to learners. */
const AFTER_LIKE = /\{\s*after[^}]*\}\s*$/i;
const withoutMarker = (text: string) => text.replace(AFTER_MARKER, "").trim();

function sectionsOf(
  body: string,
  from: number,
  to: number,
  within: LocatedToken[],
  stageTitle: string,
  stageLine: number,
): (LessonSection & { offset: number })[] {
  const headings = within.filter((t) => t.token.type === "heading");
  const sections: (LessonSection & { offset: number })[] = [];
  const firstEnd = headings[0]?.offset ?? to;
  const intro = body.slice(from, firstEnd).trim();
  if (intro) sections.push({ heading: stageTitle, depth: 2, markdown: intro, line: stageLine, offset: from });
  headings.forEach((h, i) => {
    const start = h.offset + h.token.raw.length;
    const end = headings[i + 1]?.offset ?? to;
    sections.push({
      heading: (h.token as Tokens.Heading).text,
      depth: (h.token as Tokens.Heading).depth,
      markdown: body.slice(start, end).trim(),
      line: h.line,
      offset: h.offset,
    });
  });
  return sections;
}
