/**
 * Agreement of the grader with people on a labelled set of answers (tests/fixtures/explain-eval.yml): per kind of
 * answer and overall. Used by the evaluation test and the benchmark.
 */
import type { Catalog } from "../../content/model.js";
import { explainContextOf, gradeExplain } from "./grade-explain.js";

export interface LabelledAnswer {
  questionId: string;
  kind: string;
  pass: boolean;
  text: string;
}

export interface KindAgreement {
  kind: string;
  total: number;
  agree: number;
  /** Answers the grader passed. */
  passed: number;
  /** The answers graded otherwise than labelled. */
  disagreements: { questionId: string; expected: boolean; text: string }[];
}

export function evaluate(catalog: Catalog, items: readonly LabelledAnswer[]): KindAgreement[] {
  const questions = new Map(catalog.quizzes.flatMap((q) => q.questions).map((q) => [q.id, q]));
  const lessons = new Map(catalog.lessons.map((l) => [l.id, l]));
  const byKind = new Map<string, KindAgreement>();
  for (const item of items) {
    const question = questions.get(item.questionId);
    if (question?.type !== "explain") throw new Error(`no explain question \`${item.questionId}\``);
    const lesson = lessons.get(question.lessonId);
    if (!lesson) throw new Error(`no lesson \`${question.lessonId}\``);
    const verdict = gradeExplain(question, item.text, explainContextOf(lesson, catalog.synonyms));
    const row = byKind.get(item.kind) ?? {
      kind: item.kind,
      total: 0,
      agree: 0,
      passed: 0,
      disagreements: [],
    };
    row.total++;
    if (verdict.correct) row.passed++;
    if (verdict.correct === item.pass) row.agree++;
    else row.disagreements.push({ questionId: item.questionId, expected: item.pass, text: item.text });
    byKind.set(item.kind, row);
  }
  return [...byKind.values()];
}
