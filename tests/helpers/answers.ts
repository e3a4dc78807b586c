/**
 * Right and wrong responses to a question as the quiz shows it (QuizState.question: options in this attempt's
 * shuffled order, so choice indices are shown positions).
 */
import type { AnswerOutcome, Question, Response, Tutor } from "../../engine/index.js";

export function rightResponse(question: Question): Response {
  switch (question.type) {
    case "single":
    case "multiple":
    case "true-false":
      return { kind: "choice", selected: question.options.flatMap((o, i) => (o.correct ? [i] : [])) };
    case "order":
      return { kind: "order", order: question.items.map((_, i) => i) };
    case "short":
      return { kind: "text", text: question.accepted[0] ?? "" };
    case "numeric":
      return { kind: "text", text: String(question.answer) };
    case "explain":
      // Each key point said as a sentence: the grader gives no credit for phrasings listed without one.
      return { kind: "text", text: question.keyPoints.map((k) => `It is true that ${k.text}.`).join(" ") };
  }
}

export function wrongResponse(question: Question): Response {
  switch (question.type) {
    case "single":
    case "true-false":
      return { kind: "choice", selected: [question.options.findIndex((o) => !o.correct)] };
    case "multiple":
      return { kind: "choice", selected: question.options.flatMap((o, i) => (o.correct ? [] : [i])) };
    case "order":
      return { kind: "order", order: question.items.map((_, i) => question.items.length - 1 - i) };
    case "short":
      return { kind: "text", text: "no idea at all" };
    case "numeric":
      return { kind: "text", text: String(question.answer + 1) };
    case "explain":
      return { kind: "text", text: "I do not know." };
  }
}

/** Answers the learner's current question right or wrong, as it is shown; the outcome. */
export async function answerNow(tutor: Tutor, learner: string, right: boolean): Promise<AnswerOutcome> {
  const q = (await tutor.current(learner))?.question;
  if (!q) throw new Error("no current question");
  const result = await tutor.answer(learner, {
    questionId: q.id,
    response: right ? rightResponse(q) : wrongResponse(q),
  });
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.value;
}
