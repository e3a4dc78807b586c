/** Test helpers that drive the engine directly to set up a learner's state before the bot is exercised. */
import type { Question, Response, Tutor } from "../../engine/index.js";
import { expectOk } from "../helpers/result.js";

/** A response the fixture question counts as right. */
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

/** Passes the given stages of a lesson for a learner, answering every question right. */
export async function passStages(
  tutor: Tutor,
  learnerId: string,
  lessonId: string,
  stages: number[],
  guildId?: string,
): Promise<void> {
  for (const stage of stages) {
    let state = expectOk(await tutor.startQuiz(learnerId, lessonId, stage));
    while (state.question) {
      const answered = await tutor.answer(learnerId, {
        questionId: state.question.id,
        response: rightResponse(state.question),
        ...(guildId ? { guildId } : {}),
      });
      state = expectOk(answered).quiz;
    }
  }
}
