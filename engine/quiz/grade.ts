/** Grading for every question type: pure functions from (question, response) to a Grade value. */
import type { Question } from "../content/model.js";
import { type ExplainContext, gradeExplain } from "./explain/grade-explain.js";
import type { Grade, OptionFeedback, Response } from "./model.js";
import { isTooLong, MAX_RESPONSE_LENGTH } from "./rules.js";
import { readNumber, shortAnswerMatches } from "./short-answer.js";
import { containsPhrase, containsTerm, prepare } from "./text-match.js";

const TOO_LONG = `shorten your answer to at most ${MAX_RESPONSE_LENGTH.toLocaleString("en")} characters`;

const empty = (questionId: string): Grade => ({
  questionId,
  correct: false,
  score: 0,
  chosenWrong: [],
  missedCorrect: [],
});

export function grade(question: Question, response: Response, context: ExplainContext = {}): Grade {
  const base = empty(question.id);
  // Refused before any matching: grading time stays bounded whatever a learner sends.
  if (response.kind === "text" && isTooLong(response.text)) return { ...base, invalid: TOO_LONG };
  switch (question.type) {
    case "single":
    case "multiple":
    case "true-false": {
      if (response.kind !== "choice") return { ...base, invalid: "choose an option" };
      const selected = [...new Set(response.selected)].filter((i) => i >= 0 && i < question.options.length);
      if (selected.length === 0) return { ...base, invalid: "choose an option" };
      if (question.type !== "multiple" && selected.length > 1)
        return { ...base, invalid: "choose one option" };
      const chosenWrong: OptionFeedback[] = selected
        .filter((i) => !question.options[i]?.correct)
        .map((i) => {
          const option = question.options[i];
          return {
            option: i,
            text: option?.text ?? "",
            ...(option?.feedback ? { feedback: option.feedback } : {}),
          };
        });
      const missedCorrect = question.options.flatMap((o, i) =>
        o.correct && !selected.includes(i) ? [i] : [],
      );
      const rightCalls = question.options.filter((o, i) => o.correct === selected.includes(i)).length;
      const correct = chosenWrong.length === 0 && missedCorrect.length === 0;
      return {
        ...base,
        correct,
        score: question.type === "multiple" ? rightCalls / question.options.length : correct ? 1 : 0,
        chosenWrong,
        missedCorrect,
      };
    }
    case "order": {
      const n = question.items.length;
      if (response.kind !== "order") return { ...base, invalid: "arrange the items" };
      const order = response.order;
      const isPermutation =
        order.length === n && new Set(order).size === n && order.every((i) => i >= 0 && i < n);
      if (!isPermutation) return { ...base, invalid: `arrange all ${n} items, each once` };
      const inPlace = order.filter((item, position) => item === position).length;
      return {
        ...base,
        correct: inPlace === n,
        score: inPlace / n,
        expected: question.items.map((item, i) => `${i + 1}. ${item}`).join("\n"),
      };
    }
    case "short": {
      if (response.kind !== "text" || !response.text.trim()) return { ...base, invalid: "type an answer" };
      const correct = shortAnswerMatches(question.accepted, question.pattern, response.text);
      return { ...base, correct, score: correct ? 1 : 0, expected: question.accepted[0] ?? question.pattern };
    }
    case "numeric": {
      if (response.kind !== "text") return { ...base, invalid: "type a number" };
      const reading = readNumber(response.text, question.unit);
      const expected = `${question.answer}${question.tolerance ? ` ± ${question.tolerance}` : ""}${question.unit ? ` ${question.unit}` : ""}`;
      if (!reading.ok) return { ...base, invalid: reading.reason, expected };
      const correct = reading.values.some(
        (value) =>
          Math.abs(value - question.answer) <=
          question.tolerance + 1e-9 * Math.max(1, Math.abs(question.answer)),
      );
      return { ...base, correct, score: correct ? 1 : 0, expected };
    }
    case "explain": {
      if (response.kind !== "text" || !response.text.trim())
        return { ...base, invalid: "write your explanation" };
      const verdict = gradeExplain(question, response.text, context);
      const text = prepare(response.text);
      const jargon = context.jargon ?? [];
      const used = jargon
        .filter((j) => containsTerm(text, j.term) && !j.plain.some((p) => containsPhrase(text, p)))
        .map((j) => j.term);
      // "handshake" inside a flagged "three-way handshake" is the same use, flagged once.
      const flagged = used.filter(
        (term) => !used.some((other) => other !== term && containsTerm(prepare(other), term)),
      );
      return { ...base, ...verdict, gradedBy: "offline", jargon: flagged };
    }
  }
}
