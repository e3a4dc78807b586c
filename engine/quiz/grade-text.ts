/**
 * A text answer graded outside a quiz session (`tutor grade`) or before one records it: the offline grader, then,
 * for explain questions when a model endpoint is given, the model against the rubric with the offline guards kept.
 */
import type { LlmConfig } from "../ask/llm.js";
import type { Lesson, Question } from "../content/model.js";
import { explainContextOf } from "./explain/grade-explain.js";
import type { Grade } from "./model.js";

export async function gradeText(
  question: Question,
  lesson: Lesson,
  synonyms: readonly (readonly string[])[],
  text: string,
  llm?: LlmConfig,
): Promise<Grade> {
  const [{ grade }, { loadNlp }] = await Promise.all([import("./grade.js"), import("./explain/nlp.js")]);
  if (question.type === "explain") await loadNlp();
  const offline = grade(question, { kind: "text", text }, explainContextOf(lesson, synonyms));
  if (question.type !== "explain" || !llm || offline.invalid) return offline;
  const { gradeWithModel } = await import("./explain/model-grader.js");
  const verdict = await gradeWithModel(llm, question, text, {
    correct: offline.correct,
    score: offline.score,
    keyPoints: offline.keyPoints ?? [],
    flags: offline.flags ?? [],
  });
  return { ...offline, ...verdict };
}
