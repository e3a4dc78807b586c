/**
 * A question as one attempt shows it: options and order items in an order fixed by the attempt's seed, so a
 * resumed quiz shows the same order and the next attempt another one. Response indices of choice questions are
 * positions as shown; `toWritten` maps them back to the options as written (kept in the history and the stats).
 */
import type { Question } from "../content/model.js";
import type { Grade } from "./model.js";

export interface Presented {
  question: Question;
  /** shown position -> option index as written (choice questions); empty for other types. */
  order: number[];
}

/** A seeded shuffle: the same seed and key give the same order. Identity is allowed unless `moved` is set. */
export function seededOrder(length: number, seed: number, key: string, moved = false): number[] {
  let state = (seed ^ 2166136261) >>> 0;
  for (const ch of key) state = Math.imul(state ^ ch.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  if (moved && length > 1 && order.every((v, i) => v === i)) order.push(order.shift() as number);
  return order;
}

/**
 * The question with its options (single, multiple) and order items shuffled for this seed. True/false keeps
 * True before False: a swapped pair only confuses, and balancing the answers is the content's job (the check).
 */
export function present(question: Question, seed: number): Presented {
  if (question.type === "single" || question.type === "multiple") {
    const order = seededOrder(question.options.length, seed, question.id);
    return {
      question: {
        ...question,
        options: order.map((i) => question.options[i] as (typeof question.options)[0]),
      },
      order,
    };
  }
  if (question.type === "true-false") return { question, order: question.options.map((_, i) => i) };
  if (question.type === "order") {
    return {
      question: { ...question, shuffled: seededOrder(question.items.length, seed, question.id, true) },
      order: [],
    };
  }
  return { question, order: [] };
}

/** Shown positions -> option indices as written. */
export function toWritten(presented: Presented, shown: number[]): number[] {
  return shown.map((i) => presented.order[i] ?? i);
}

/**
 * Feedback during a stage attempt: right or wrong and the misconception of each wrong option chosen, never the
 * right answer. The question handed back keeps its prompt and options but no correct flags and no explanation.
 */
export function withoutAnswer(question: Question, grade: Grade): { question: Question; grade: Grade } {
  const { expected: _expected, ...rest } = grade;
  const hidden: Question =
    "options" in question
      ? { ...question, explanation: "", options: question.options.map((o) => ({ ...o, correct: false })) }
      : { ...question, explanation: "" };
  return { question: hidden, grade: { ...rest, missedCorrect: [] } };
}
