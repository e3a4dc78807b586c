/** quizzes/<lesson-id>.md -> Quiz, or issues with file:line. */
import type { Token, Tokens } from "marked";
import type { ContentIssue } from "../errors.js";
import { seededOrder } from "../quiz/present.js";
import { closest } from "../text/closest.js";
import { checkAnswerList } from "./answer-list.js";
import { choiceOptions } from "./choice-options.js";
import { splitFrontMatter } from "./front-matter.js";
import { MAX_QUESTIONS } from "./limits.js";
import { htmlLines, innerLine, type LocatedToken, lexWithLines, ownText, readLabel } from "./markdown.js";
import {
  type ExampleAnswer,
  isStageNumber,
  type KeyPoint,
  type Objective,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type Quiz,
  type QuizStage,
  type StageNumber,
} from "./model.js";
import {
  checkQuestionObjective,
  isObjectivesBlock,
  parseHeadingAttributes,
  parseObjectives,
  QUESTION_HEADING,
} from "./objectives.js";
import { compilePattern } from "./pattern.js";
import { quizFrontMatter, validate } from "./schema.js";

interface Draft {
  id: string;
  type: QuestionType;
  stage: StageNumber;
  line: number;
  prompt: string[];
  list?: { token: Tokens.List; at: LocatedToken };
  labels: Map<string, { text: string; line: number }>;
  objective?: string;
  reviewOnly: boolean;
  /** Explain questions: `> **Passes:**` and `> **Fails:**` example answers, several of each. */
  examples: ExampleAnswer[];
}

const CHOICE_TYPES: QuestionType[] = ["single", "multiple", "true-false"];
const KNOWN_LABELS = ["hint", "explanation", "pattern", "answer", "tolerance", "unit", "passes", "fails"];
/** Labels a question may have several of. */
const EXAMPLE_LABELS = ["passes", "fails"];

export function parseQuiz(file: string, source: string, issues: ContentIssue[]): Quiz | undefined {
  const before = issues.length;
  const fm = splitFrontMatter(file, source, issues);
  if (!fm) return undefined;
  const meta = validate(quizFrontMatter, fm.data, file, fm.keyLines, 1, issues);
  if (!meta) return undefined;

  const drafts: Draft[] = [];
  /** One entry per stage number, at its first heading; a stage written in two sections shares it. */
  const stages = new Map<StageNumber, QuizStage>();
  /** Stages whose objectives block was seen, even a malformed one (so its questions are not reported too). */
  const declared = new Map<StageNumber, Objective[] | undefined>();
  let stage: StageNumber | undefined;
  /** A question was seen in the current stage section: an objectives block must come before. */
  let questionInSection = false;
  let draft: Draft | undefined;
  /** Under a question heading already reported as malformed: its body is not reported again. */
  let skipping = false;

  for (const located of lexWithLines(fm.body, fm.bodyLine)) {
    const { token, line } = located;
    for (const at of htmlLines(fm.body, located)) {
      issues.push({ file, line: at, message: "raw HTML is not allowed in quizzes; use markdown" });
    }
    if (token.type === "html") continue;
    if (token.type === "heading") {
      const heading = token as Tokens.Heading;
      if (heading.depth === 2) {
        draft = undefined;
        skipping = false;
        questionInSection = false;
        const n = Number(/^stage\s*(\d+)\b/i.exec(heading.text)?.[1]);
        if (isStageNumber(n)) {
          stage = n;
          if (!stages.has(n)) stages.set(n, { stage: n, line, objectives: [] });
        } else {
          stage = undefined;
          issues.push({
            file,
            line,
            message: `\`## ${heading.text}\` is not a stage heading; write \`## Stage N\` (N from 1 to 6)`,
          });
        }
        continue;
      }
      if (heading.depth === 3) {
        draft = undefined;
        skipping = true;
        const match = QUESTION_HEADING.exec(heading.text.trim());
        const [rawType = "", ...attributeParts] = (match?.[2] ?? "").split(",");
        if (!match?.[1] || !/^\s*[A-Za-z-]+\s*$/.test(rawType)) {
          issues.push({
            file,
            line,
            message: `question heading \`### ${heading.text}\` must be \`### <question-id> (<type>)\`, optionally \`(<type>, objective: <id>, review-only)\``,
          });
          continue;
        }
        const id = match[1];
        const type = rawType.trim().toLowerCase() as QuestionType;
        if (!QUESTION_TYPES.includes(type)) {
          const suggestion = closest(type, QUESTION_TYPES);
          issues.push({
            file,
            line,
            message: `question \`${id}\` has unknown type \`${rawType}\`;${suggestion ? ` did you mean \`${suggestion}\`?` : ""} use one of ${QUESTION_TYPES.join(", ")}`,
          });
          continue;
        }
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          issues.push({ file, line, message: `question id \`${id}\` must be kebab-case` });
          continue;
        }
        if (!stage) {
          issues.push({ file, line, message: `question \`${id}\` is not under a \`## Stage N\` heading` });
          continue;
        }
        const attributes = parseHeadingAttributes(id, attributeParts, file, line, issues);
        if (!attributes) continue;
        skipping = false;
        questionInSection = true;
        draft = { id, type, stage, line, prompt: [], labels: new Map(), examples: [], ...attributes };
        drafts.push(draft);
        continue;
      }
    }
    if (token.type === "blockquote" && isObjectivesBlock(token as Tokens.Blockquote) && !skipping) {
      if (!stage) {
        issues.push({
          file,
          line,
          message: "an **Objectives:** block outside a stage; put it right under its `## Stage N` heading",
        });
      } else if (questionInSection) {
        issues.push({
          file,
          line,
          message: `the **Objectives:** block of stage ${stage} goes right under its \`## Stage ${stage}\` heading, before the first question`,
        });
      } else if (declared.has(stage)) {
        issues.push({ file, line, message: `stage ${stage} declares its objectives twice` });
      } else {
        const objectives = parseObjectives(located, stage, file, issues);
        declared.set(stage, objectives);
        const section = stages.get(stage);
        if (section && objectives) section.objectives = objectives;
      }
      continue;
    }
    if (!draft) {
      if (skipping) continue;
      // Nothing shows text outside a question: an author who wrote some would think learners read it.
      issues.push({
        file,
        line,
        message: `${describe(token)} outside a question; start a question with \`### <id> (<type>)\``,
      });
      continue;
    }
    if (token.type === "blockquote") {
      const label = readLabel(token as Tokens.Blockquote);
      if (!label || !KNOWN_LABELS.includes(label.label)) {
        issues.push({
          file,
          line,
          message: `a blockquote in question \`${draft.id}\` must start with a label: **Hint:**, **Explanation:**, **Pattern:**, **Answer:**, **Tolerance:**, **Unit:**, **Passes:** or **Fails:** (option feedback goes indented under its option)`,
        });
      } else if (EXAMPLE_LABELS.includes(label.label)) {
        if (draft.type !== "explain") {
          issues.push({
            file,
            line,
            message: `a ${draft.type} question takes no **${label.label}** block (example answers are for explain questions)`,
          });
        } else if (!label.text.trim()) {
          issues.push({
            file,
            line,
            message: `question \`${draft.id}\`: the **${label.label}** block has no answer`,
          });
        } else draft.examples.push({ passes: label.label === "passes", text: label.text, line });
      } else if (draft.labels.has(label.label)) {
        issues.push({ file, line, message: `question \`${draft.id}\` has two **${label.label}** blocks` });
      } else draft.labels.set(label.label, { text: label.text, line });
    } else if (token.type === "list") {
      if (draft.list) {
        issues.push({
          file,
          line,
          message: `question \`${draft.id}\` has a second list; a question has one answer list`,
        });
      } else draft.list = { token: token as Tokens.List, at: located };
    } else if (draft.list || draft.labels.size > 0) {
      issues.push({
        file,
        line,
        message: `${describe(token)} after the answers of question \`${draft.id}\`; the prompt goes before the answer list`,
      });
    } else draft.prompt.push(token.raw.trim());
  }

  const over = drafts[MAX_QUESTIONS];
  if (over) {
    issues.push({
      file,
      line: over.line,
      message: `${drafts.length} questions in one quiz; at most ${MAX_QUESTIONS}: split the lesson`,
    });
  }
  for (const d of drafts) {
    if (d.list)
      checkAnswerList({ id: d.id, choice: CHOICE_TYPES.includes(d.type) }, d.list, fm.body, file, issues);
    // A malformed objectives block was reported already: its questions are not reported again for it.
    if (!declared.has(d.stage) || declared.get(d.stage))
      checkQuestionObjective(d, declared.get(d.stage), file, issues);
  }
  const questions = drafts
    .map((d) => buildQuestion(d, meta.lesson, file, fm.body, issues))
    .filter((q): q is Question => q !== undefined);
  if (issues.length > before) return undefined;
  return { lessonId: meta.lesson, file, stages: [...stages.values()], questions };
}

function describe(token: Token): string {
  if (token.type === "paragraph") return "text";
  if (token.type === "heading") return `a level-${(token as Tokens.Heading).depth} heading`;
  return `a ${token.type}`;
}

function buildQuestion(
  d: Draft,
  lessonId: string,
  file: string,
  body: string,
  issues: ContentIssue[],
): Question | undefined {
  const problem = (message: string, line = d.line) => {
    issues.push({ file, line, message: `question \`${d.id}\`: ${message}` });
    return undefined;
  };
  const prompt = d.prompt.join("\n\n").trim();
  if (!prompt) problem("has no prompt: write the question as a paragraph under its heading");
  const explanation = d.labels.get("explanation")?.text;
  if (!explanation) problem("has no **Explanation:** blockquote (shown after answering)");
  const misplaced = [...d.labels.keys()].filter((label) => !labelsFor(d.type).includes(label));
  for (const label of misplaced)
    problem(`a ${d.type} question takes no **${label}** block`, d.labels.get(label)?.line);
  if (!prompt || !explanation || misplaced.length > 0) return undefined;
  const base = {
    id: d.id,
    lessonId,
    stage: d.stage,
    prompt,
    explanation,
    file,
    line: d.line,
    ...(d.labels.get("hint") ? { hint: d.labels.get("hint")?.text } : {}),
    ...(d.objective ? { objective: d.objective } : {}),
    ...(d.reviewOnly ? { reviewOnly: true } : {}),
  };
  const list = d.list;
  const listLine = list?.at.line ?? d.line;

  switch (d.type) {
    case "single":
    case "multiple":
    case "true-false": {
      const options = choiceOptions(d.type, list?.token, (message) => problem(message, listLine));
      if (!options) return undefined;
      return { ...base, type: d.type, options };
    }
    case "order": {
      if (!list?.token.ordered)
        return problem("needs a numbered list of the items in the correct order", listLine);
      const items = list.token.items.map((item) => ownText(item.tokens));
      if (items.length < 2) return problem("needs at least two items to order", listLine);
      if (new Set(items).size !== items.length) return problem("has two identical items", listLine);
      return { ...base, type: "order", items, shuffled: fixedShuffle(items.length, d.id) };
    }
    case "short": {
      const pattern = d.labels.get("pattern");
      if (list && (list.token.ordered || list.token.items.some((i) => i.task))) {
        return problem("lists accepted answers as plain bullets (`- answer`)", listLine);
      }
      const accepted = list?.token.items.map((item) => ownText(item.tokens)).filter(Boolean) ?? [];
      if (accepted.length === 0 && !pattern)
        return problem("needs accepted answers (a bullet list) or a **Pattern:**", listLine);
      if (pattern) {
        // Compiling a JavaScript RegExp never runs it, so it is safe: it keeps the syntax authors know.
        // Grading runs the pattern on RE2, so it must compile there too.
        try {
          new RegExp(pattern.text, "i");
        } catch (error) {
          return problem(
            `**Pattern:** is not a valid regular expression (${(error as Error).message})`,
            pattern.line,
          );
        }
        const compiled = compilePattern(pattern.text);
        if (!compiled.ok) return problem(`**Pattern:** ${compiled.message}`, pattern.line);
      }
      return { ...base, type: "short", accepted, ...(pattern ? { pattern: pattern.text } : {}) };
    }
    case "numeric": {
      if (list) return problem("takes no list; give the value as `> **Answer:** <number>`", listLine);
      const answer = d.labels.get("answer");
      const tolerance = d.labels.get("tolerance");
      const value = Number(answer?.text.replace(/[,_\s]/g, ""));
      const tol = tolerance ? Number(tolerance.text.replace(/[,_\s]/g, "")) : 0;
      if (!answer || !Number.isFinite(value)) return problem("needs `> **Answer:** <number>`", answer?.line);
      if (!Number.isFinite(tol) || tol < 0)
        return problem("**Tolerance:** must be a number, zero or more", tolerance?.line);
      const unit = d.labels.get("unit")?.text;
      return { ...base, type: "numeric", answer: value, tolerance: tol, ...(unit ? { unit } : {}) };
    }
    case "explain": {
      if (!list || list.token.ordered || list.token.items.length === 0) {
        return problem(
          "needs key points: a bullet list, each with a nested list of accepted phrasings",
          listLine,
        );
      }
      const keyPoints: KeyPoint[] = [];
      let from = 0;
      for (const item of list.token.items) {
        const line = innerLine(body, list.at, item.raw, from);
        from = Math.max(from, body.indexOf(item.raw, list.at.offset + from) - list.at.offset + 1);
        const nested = item.tokens.find((t) => t.type === "list") as Tokens.List | undefined;
        const text = ownText(item.tokens);
        const phrasings = nested?.items.map((p) => ownText(p.tokens)).filter(Boolean) ?? [];
        if (phrasings.length === 0) {
          problem(`key point "${text}" has no accepted phrasings (a nested bullet list)`, line);
          continue;
        }
        keyPoints.push({ text, phrasings, line });
      }
      if (keyPoints.length !== list.token.items.length) return undefined;
      return { ...base, type: "explain", keyPoints, ...(d.examples.length ? { examples: d.examples } : {}) };
    }
  }
}

function labelsFor(type: QuestionType): string[] {
  const common = ["hint", "explanation"];
  if (type === "short") return [...common, "pattern"];
  if (type === "numeric") return [...common, "answer", "tolerance", "unit"];
  return common;
}

/** A shuffle fixed by the question id, so a question always shows its items the same way, never in answer order. */
export function fixedShuffle(length: number, seedText: string): number[] {
  return seededOrder(length, 0, seedText, true);
}
