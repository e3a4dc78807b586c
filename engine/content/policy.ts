/**
 * The content bar for bundled lessons: size, question mix, feedback and cues. The parsers and the cross-check
 * decide whether content can be loaded at all; this decides whether it is good enough to ship, so only
 * `tutor check` runs it (see checkContent), never the loading that opens the app.
 */
import { readFile } from "node:fs/promises";
import type { ContentIssue } from "../errors.js";
import { ATTEMPT_SIZE, EXPLAIN_STAGES } from "../journey/draw.js";
import { wideCodeLines } from "./code-width.js";
import { cueIssues } from "./cues.js";
import type { Catalog, Lesson, Question, Quiz, StageNumber } from "./model.js";

export const POLICY = {
  /** Words over a lesson's six stages. */
  words: { min: 1200, max: 2600 },
  questionsPerQuiz: 14,
  /** The stages that teach or test most: at least `min` questions each. */
  busyStages: { stages: [1, 3, 4, 5] as StageNumber[], min: 3 },
  /** Stage 2 asks for an explanation, stage 4 a design proposal, stage 6 a reflection. */
  explainStages: [2, 4, 6] as StageNumber[],
  /** Key points of a stage-2 explain question. */
  keyPoints: { min: 4, max: 6 },
  /** Question types besides single choice and explain, so a lesson is more than picking options. */
  otherTypes: 3,
  /** Share of single and multiple choice questions, across all quizzes, whose right option comes first. */
  rightOptionFirst: 0.4,
  /**
   * Question pools (issue 17): every stage declares objectives, has at least `perStage` gate questions (not
   * review-only) and covers each objective with one. `enforced` switches the pool rules on for bundled content
   * (and `tutor check --policy`), once the bundled quizzes have pools.
   */
  pools: { enforced: true, perStage: 8 },
  /**
   * Columns of a code line in a lesson or quiz: the terminal app indents what it renders, so 76 reads in an
   * 80-column terminal. `enforced` as for pools, once the bundled diagrams are rewrapped.
   */
  codeColumns: { enforced: true, max: 76 },
} as const;

const wordCount = (markdown: string) => (markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu) ?? []).length;
const number = (n: number) => n.toLocaleString("en-US");
const questionCount = (n: number) => `${n} question${n === 1 ? "" : "s"}`;

/** Every way the catalog falls short of the bar, one issue at the line it is about. */
export function checkPolicy(
  catalog: Catalog,
  { pools = POLICY.pools.enforced }: { pools?: boolean } = {},
): ContentIssue[] {
  return [
    ...catalog.lessons.flatMap(lessonIssues),
    ...catalog.quizzes.flatMap(quizIssues),
    ...(pools ? catalog.quizzes.flatMap(poolIssues) : []),
    ...rightOptionFirstIssues(catalog.quizzes),
    ...cueIssues(catalog.quizzes),
  ];
}

/** Every code line wider than POLICY.codeColumns.max in the catalog's lessons and quizzes, at its line. */
export async function checkCodeWidth(
  catalog: Catalog,
  { enforced = POLICY.codeColumns.enforced }: { enforced?: boolean } = {},
): Promise<ContentIssue[]> {
  if (!enforced) return [];
  const files = [...catalog.lessons, ...catalog.quizzes].map((c) => c.file);
  const found = await Promise.all(
    files.map(async (file) => wideCodeLines(file, await readFile(file, "utf8"), POLICY.codeColumns.max)),
  );
  return found.flat();
}

/**
 * Each stage's objectives and pool: declared, at least POLICY.pools.perStage gate questions, every objective
 * tested by a gate question (review-only ones are never drawn, so they cover nothing). Reported at the stage
 * heading, and an uncovered objective at its own line. A stage without questions is reported by the check.
 */
function poolIssues(quiz: Quiz): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { perStage } = POLICY.pools;
  for (const { stage, line, objectives } of quiz.stages) {
    const at = (message: string, where = line) =>
      issues.push({ file: quiz.file, line: where, message: `stage ${stage}: ${message}` });
    const inStage = quiz.questions.filter((q) => q.stage === stage);
    if (inStage.length === 0) continue;
    const gate = inStage.filter((q) => !q.reviewOnly);
    if (objectives.length === 0) {
      at(
        "declares no objectives; add a `> **Objectives:**` block under its heading and name one in each question",
      );
    }
    if (gate.length < perStage) {
      const reviewOnly = inStage.length - gate.length;
      at(
        `a pool of ${questionCount(gate.length)}${reviewOnly ? ` (and ${reviewOnly} review-only)` : ""}; a stage has at least ${perStage}, so that a retake asks new ones`,
      );
    }
    for (const objective of objectives) {
      if (!gate.some((q) => q.objective === objective.id)) {
        at(
          `objective \`${objective.id}\` is tested by no question an attempt can draw (review-only ones are not drawn)`,
          objective.line,
        );
      }
    }
    for (const q of neverDrawn(
      stage,
      gate,
      objectives.map((o) => o.id),
    )) {
      at(
        `question \`${q.id}\` is never drawn: the stage's explain question and one question for each other objective fill all ${ATTEMPT_SIZE} of an attempt; declare fewer objectives or tie it to another`,
        q.line,
      );
    }
  }
  return issues;
}

/**
 * Gate questions no attempt can ask (journey/draw.ts): in stages 2, 4 and 6 the explain questions are always
 * drawn; when they and one question for each objective they leave uncovered fill the attempt, the other
 * questions of the explain questions' objectives are never drawn.
 */
function neverDrawn(stage: StageNumber, gate: Question[], objectives: string[]): Question[] {
  if (!EXPLAIN_STAGES.includes(stage) || gate.length <= ATTEMPT_SIZE) return [];
  const explain = gate.filter((q) => q.type === "explain");
  const byExplain = new Set(explain.map((q) => q.objective));
  const others = objectives.filter((o) => !byExplain.has(o) && gate.some((q) => q.objective === o));
  if (explain.length + others.length < ATTEMPT_SIZE) return [];
  return gate.filter((q) => q.type !== "explain" && byExplain.has(q.objective));
}

function lessonIssues(lesson: Lesson): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (message: string) => issues.push({ file: lesson.file, line: 1, message });
  const words = wordCount(lesson.stages.map((s) => s.markdown).join("\n"));
  const { min, max } = POLICY.words;
  if (words < min || words > max) {
    at(`${number(words)} words over the six stages; a lesson has ${number(min)} to ${number(max)}`);
  }
  // Sources are required by the front matter schema already; jargon is optional there but not here.
  if (lesson.jargon.length === 0) at("no `jargon`: list the terms a stage-2 answer may not hide behind");
  // Produce before being shown: the rubric and the real design stay hidden until the learner has written theirs.
  const keptBack: [number, string][] = [
    [2, "what a good explanation covers"],
    [4, "the real attempt (after the design prompt)"],
  ];
  for (const [n, what] of keptBack) {
    const stage = lesson.stages[n - 1];
    if (stage && !stage.afterAttempt) {
      issues.push({
        file: lesson.file,
        line: stage.line,
        message: `stage ${n} shows ${what} before the learner has handed in their own: mark its ### heading \`{after-attempt}\``,
      });
    }
  }
  return issues;
}

function quizIssues(quiz: Quiz): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { questions, file } = quiz;
  const atFile = (message: string) => issues.push({ file, line: 1, message });
  const atQuestion = (q: Question, message: string) =>
    issues.push({ file, line: q.line, message: `question \`${q.id}\`: ${message}` });
  const inStage = (stage: StageNumber) => questions.filter((q) => q.stage === stage);

  if (questions.length < POLICY.questionsPerQuiz) {
    atFile(`${questionCount(questions.length)}; a quiz has at least ${POLICY.questionsPerQuiz}`);
  }
  const others = new Set(questions.map((q) => q.type).filter((t) => t !== "single" && t !== "explain"));
  if (others.size < POLICY.otherTypes) {
    atFile(
      `${others.size} question types besides single and explain (${[...others].join(", ") || "none"}); use at least ${POLICY.otherTypes}`,
    );
  }
  // A stage without questions is reported by the check already. The rest are reported at the stage's first
  // question: the model keeps no line for a quiz's stage headings.
  const atStage = (stage: StageNumber, message: string) => {
    const [first] = inStage(stage);
    if (first) issues.push({ file, line: first.line, message: `stage ${stage}: ${message}` });
  };
  for (const stage of POLICY.busyStages.stages) {
    const count = inStage(stage).length;
    if (count < POLICY.busyStages.min)
      atStage(stage, `${questionCount(count)}; ask at least ${POLICY.busyStages.min}`);
  }
  for (const stage of POLICY.explainStages) {
    // A review-only explain question is never drawn: the journal would get no explanation from an attempt.
    if (!inStage(stage).some((q) => q.type === "explain" && !q.reviewOnly)) {
      atStage(stage, "no explain question; add one for the learner to write in their own words");
    }
  }
  if (!inStage(3).some((q) => /\bpredict\b/i.test(q.prompt))) {
    atStage(3, "no question asks the learner to predict what happens in a scenario");
  }
  for (const q of questions) {
    const { min, max } = POLICY.keyPoints;
    if (q.type === "explain" && q.stage === 2 && (q.keyPoints.length < min || q.keyPoints.length > max)) {
      atQuestion(q, `${q.keyPoints.length} key points; a stage-2 explanation has ${min} to ${max}`);
    }
    if ("options" in q) {
      for (const o of q.options.filter((o) => !o.correct && !o.feedback)) {
        atQuestion(q, `wrong option "${o.text}" has no feedback: say which misconception it reflects`);
      }
    }
  }
  return issues;
}

/**
 * Across all quizzes, at most 40% of choice questions may have the right option first: more, and "pick the
 * first" pays. Reported in the quizzes that pull the share up (their own share is above 40%).
 */
function rightOptionFirstIssues(quizzes: Quiz[]): ContentIssue[] {
  const rightFirst = (q: Question) =>
    (q.type === "single" || q.type === "multiple") && q.options[0]?.correct === true;
  const isChoice = (q: Question) => q.type === "single" || q.type === "multiple";
  const choice = quizzes.flatMap((quiz) => quiz.questions.filter(isChoice));
  const first = choice.filter(rightFirst);
  const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
  if (first.length <= POLICY.rightOptionFirst * choice.length) return [];
  return quizzes.flatMap((quiz) => {
    const own = quiz.questions.filter(isChoice);
    const ownFirst = own.filter(rightFirst);
    const [top] = ownFirst;
    if (!top || ownFirst.length <= POLICY.rightOptionFirst * own.length) return [];
    return [
      {
        file: quiz.file,
        line: top.line,
        message: `the right option is first in ${ownFirst.length} of ${own.length} choice questions here (${ownFirst.map((q) => q.id).join(", ")}) and in ${share(first.length, choice.length)} across all quizzes; keep it at most ${share(POLICY.rightOptionFirst, 1)}: move it down`,
      },
    ];
  });
}
