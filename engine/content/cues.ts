/**
 * Answer cues `tutor check` measures, so a test-wise learner cannot pass without knowing the lesson: the right
 * option much longer than the others, a true/false bank that is mostly one answer, multiple-select questions that
 * all have the same number of right options, patterns that match a fragment, and tolerances that let an
 * off-by-one count pass. Each finding is a `file:line` issue; every one fails the check.
 */
import type { ContentIssue } from "../errors.js";
import { isMeasuredUnit } from "../quiz/short-answer.js";
import type { ChoiceQuestion, Question, Quiz } from "./model.js";

export const CUES = {
  /** The right option is flagged when longer than the longest wrong one by more than this share of its length... */
  longerShare: 0.25,
  /** ...and by at least this many characters. */
  longerChars: 15,
  /** Content-wide: share of single-choice questions whose right option is the strictly longest. */
  longestShare: 0.4,
  /** A true/false bank (a quiz with at least `min` of them) may have one answer in at most `share` of them. */
  trueFalse: { min: 3, share: 0.65 },
  /** A quiz with at least this many multiple-select questions must vary how many options are right. */
  multipleMin: 3,
} as const;

const single = (q: Question): q is ChoiceQuestion => q.type === "single";
const length = (text: string) => [...text].length;

function longestWrong(q: ChoiceQuestion): number {
  return Math.max(0, ...q.options.filter((o) => !o.correct).map((o) => length(o.text)));
}
function rightLength(q: ChoiceQuestion): number {
  return Math.max(0, ...q.options.filter((o) => o.correct).map((o) => length(o.text)));
}

export function cueIssues(quizzes: Quiz[]): ContentIssue[] {
  return [...quizzes.flatMap(quizCues), ...longestShareIssues(quizzes)];
}

function quizCues(quiz: Quiz): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (q: Question, message: string) =>
    issues.push({ file: quiz.file, line: q.line, message: `question \`${q.id}\`: ${message}` });
  for (const q of quiz.questions) {
    if (single(q)) {
      const right = rightLength(q);
      const wrong = longestWrong(q);
      if (right > wrong * (1 + CUES.longerShare) && right - wrong >= CUES.longerChars) {
        at(
          q,
          `the right option (${right} characters) is much longer than the longest wrong one (${wrong}): "pick the longest" pays; make the distractors as specific`,
        );
      }
    }
    if (q.type === "short" && q.pattern !== undefined && !isAnchored(q.pattern)) {
      at(
        q,
        `**Pattern:** \`${q.pattern}\` is not anchored: write \`^...$\` (around each alternative) so it names a whole answer`,
      );
    }
    if (
      q.type === "numeric" &&
      Number.isInteger(q.answer) &&
      q.tolerance >= 1 &&
      !isMeasuredUnit(q.unit) &&
      !/\bper\b|\//i.test(q.unit ?? "")
    ) {
      at(
        q,
        `**Tolerance:** ${q.tolerance} on a count (${q.answer}${q.unit ? ` ${q.unit}` : ""}) accepts an off-by-one; counts are exact: drop the tolerance, or give a unit of measure`,
      );
    }
  }
  const tf = quiz.questions.filter((q): q is ChoiceQuestion => q.type === "true-false");
  if (tf.length >= CUES.trueFalse.min) {
    const trues = tf.filter((q) => q.options.find((o) => o.correct)?.text.toLowerCase() === "true").length;
    const most = Math.max(trues, tf.length - trues);
    if (most > CUES.trueFalse.share * tf.length) {
      at(
        tf[0] as Question,
        `${most} of the ${tf.length} true/false questions here are ${trues > tf.length - trues ? "True" : "False"}: "always ${trues > tf.length - trues ? "True" : "False"}" pays; keep one answer at most ${Math.round(CUES.trueFalse.share * 100)}%`,
      );
    }
  }
  const multiple = quiz.questions.filter((q): q is ChoiceQuestion => q.type === "multiple");
  const counts = new Set(multiple.map((q) => q.options.filter((o) => o.correct).length));
  if (multiple.length >= CUES.multipleMin && counts.size === 1) {
    at(
      multiple[0] as Question,
      `all ${multiple.length} multiple-select questions here have ${[...counts][0]} right options: vary how many are right`,
    );
  }
  return issues;
}

/** Content-wide: the right option strictly the longest in more than 40% of single-choice questions. */
function longestShareIssues(quizzes: Quiz[]): ContentIssue[] {
  const isLongest = (q: ChoiceQuestion) => rightLength(q) > longestWrong(q);
  const all = quizzes.flatMap((quiz) => quiz.questions.filter(single));
  const longest = all.filter(isLongest);
  if (all.length === 0 || longest.length <= CUES.longestShare * all.length) return [];
  const share = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
  return quizzes.flatMap((quiz) => {
    const own = quiz.questions.filter(single);
    const ownLongest = own.filter(isLongest);
    const [top] = ownLongest;
    if (!top || ownLongest.length <= CUES.longestShare * own.length) return [];
    return [
      {
        file: quiz.file,
        line: top.line,
        message: `the right option is the longest in ${ownLongest.length} of ${own.length} single-choice questions here and in ${share(longest.length, all.length)} (${longest.length} of ${all.length}) across all quizzes; keep it at most ${share(CUES.longestShare, 1)}`,
      },
    ];
  });
}

/** Every top-level alternative starts with `^` and ends with an unescaped `$`. */
export function isAnchored(pattern: string): boolean {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      alternatives.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(pattern.slice(start));
  return alternatives.every((a) => a.startsWith("^") && a.endsWith("$") && !a.endsWith("\\$"));
}
