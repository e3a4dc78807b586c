/** Checks the parsed lessons and quizzes against each other: names, ids, stages, prerequisites. */
import { basename } from "node:path";
import { lexer, type Tokens } from "marked";
import type { ContentIssue } from "../errors.js";
import { type Lesson, type Question, type Quiz, STAGE_NUMBERS } from "./model.js";
import { prerequisiteCycles } from "./prerequisites.js";

export function crossCheck(
  lessons: Lesson[],
  quizzes: Quiz[],
  issues: ContentIssue[],
  unparsed: { lessons: Set<string>; quizzes: Set<string> },
): void {
  const lessonIds = new Map(lessons.map((l) => [l.id, l]));
  const questionFiles = new Map<string, Question>();
  const quizOf = new Map<string, Quiz>();
  for (const quiz of quizzes) {
    const expected = basename(quiz.file, ".md");
    if (!lessonIds.has(quiz.lessonId)) {
      if (!unparsed.lessons.has(quiz.lessonId))
        issues.push({ file: quiz.file, line: 2, message: `quiz for unknown lesson \`${quiz.lessonId}\`` });
    } else if (expected !== quiz.lessonId) {
      issues.push({
        file: quiz.file,
        line: 2,
        message: `the quiz for \`${quiz.lessonId}\` must be named quizzes/${quiz.lessonId}.md`,
      });
    }
    const other = quizOf.get(quiz.lessonId);
    if (other) {
      issues.push({
        file: quiz.file,
        line: 2,
        message: `a second quiz for \`${quiz.lessonId}\` (first: ${other.file})`,
      });
    } else quizOf.set(quiz.lessonId, quiz);
    for (const q of quiz.questions) {
      const first = questionFiles.get(q.id);
      if (first) {
        issues.push({
          file: q.file,
          line: q.line,
          message: `question id \`${q.id}\` is already used at ${first.file}:${first.line}`,
        });
      } else questionFiles.set(q.id, q);
    }
  }
  for (const lesson of lessons) {
    const quiz = quizOf.get(lesson.id);
    if (!quiz) {
      if (!unparsed.quizzes.has(lesson.id)) {
        issues.push({
          file: lesson.file,
          line: 1,
          message: `lesson \`${lesson.id}\` has no quiz (quizzes/${lesson.id}.md)`,
        });
      }
    } else {
      for (const stage of STAGE_NUMBERS) {
        if (!quiz.questions.some((q) => q.stage === stage)) {
          issues.push({
            file: quiz.file,
            line: 1,
            message: `stage ${stage} of \`${lesson.id}\` has no questions`,
          });
        }
      }
      afterAttemptIssues(lesson, quiz, issues);
    }
    for (const prerequisite of lesson.prerequisites) {
      if (!lessonIds.has(prerequisite)) {
        if (unparsed.lessons.has(prerequisite)) continue;
        issues.push({
          file: lesson.file,
          line: 1,
          message: `prerequisite \`${prerequisite}\` names no lesson`,
        });
      } else if (prerequisite === lesson.id) {
        issues.push({ file: lesson.file, line: 1, message: "a lesson cannot be its own prerequisite" });
      }
    }
  }
  for (const [lesson, cycle] of prerequisiteCycles(lessons)) {
    issues.push({
      file: lesson.file,
      line: 1,
      message: `prerequisites form a cycle (${cycle.join(" -> ")}): no lesson in it can ever be started`,
    });
  }
}

/**
 * A part marked `{after-attempt}` shows once the stage's explain question is handed in: the stage needs one. In
 * stage 2 the part is the rubric, and it lists as many points as the quiz grades.
 */
function afterAttemptIssues(lesson: Lesson, quiz: Quiz, issues: ContentIssue[]): void {
  for (const stage of lesson.stages) {
    if (!stage.afterAttempt) continue;
    const hidden = stage.sections.filter((s) => s.afterAttempt && s.depth === 3);
    const line = hidden[0]?.line ?? stage.line;
    const explain = quiz.questions.find((q) => q.stage === stage.stage && q.type === "explain");
    if (explain?.type !== "explain") {
      issues.push({
        file: lesson.file,
        line,
        message: `\`{after-attempt}\` in stage ${stage.stage}, whose quiz has no explain question: nothing would ever show this part; add one or drop the marker`,
      });
      continue;
    }
    if (stage.stage !== 2) continue;
    for (const section of hidden) {
      const list = lexer(section.markdown).find((t) => t.type === "list") as Tokens.List | undefined;
      if (list && list.items.length !== explain.keyPoints.length) {
        issues.push({
          file: lesson.file,
          line: section.line,
          message: `"${section.heading}" lists ${list.items.length} points where the stage-2 quiz grades ${explain.keyPoints.length} (question \`${explain.id}\` at ${explain.file}:${explain.line}): list the same points`,
        });
      }
    }
  }
}
