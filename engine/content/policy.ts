/**
 * The content bar for bundled lessons: size, question mix, feedback and cues. The parsers and the cross-check
 * decide whether content can be loaded at all; this decides whether it is good enough to ship, so only
 * `tutor check` runs it (see checkContent), never the loading that opens the app.
 */
import type { ContentIssue } from "../errors.js";
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
} as const;

const wordCount = (markdown: string) => (markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu) ?? []).length;
const number = (n: number) => n.toLocaleString("en-US");
const questionCount = (n: number) => `${n} question${n === 1 ? "" : "s"}`;

/** Every way the catalog falls short of the bar, one issue at the line it is about. */
export function checkPolicy(catalog: Catalog): ContentIssue[] {
  return [
    ...catalog.lessons.flatMap(lessonIssues),
    ...catalog.quizzes.flatMap(quizIssues),
    ...rightOptionFirstIssues(catalog.quizzes),
    ...cueIssues(catalog.quizzes),
  ];
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
    if (!inStage(stage).some((q) => q.type === "explain")) {
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
