/** ask(question): ranked passages from the lessons, a confidence verdict, and optionally a model-written answer. */
import { stripControls } from "../text/controls.js";
import { completeWithModel, type LlmConfig } from "./llm.js";
import type { Passage, SectionIndex } from "./search.js";

export interface AskResult {
  question: string;
  /** True when the best passage matches enough of the question to call it covered. */
  confident: boolean;
  passages: Passage[];
  /** Lessons in ranked order, each once (when not confident: the close ones, or none). */
  lessons: { id: string; title: string }[];
  /** What to tell the learner in one sentence. */
  message: string;
  /** The model's answer, citing passages as [n], when a model is configured and answered. */
  answer?: string;
  /** Set when a model was configured: whether it answered, or why not. */
  model?: { used: boolean; name: string; error?: string };
}

/**
 * A question counts as covered when the best lesson matches at least this (rarity-weighted) share of its
 * terms and scores at least MIN_SCORE (BM25 with field boosts), or matches every term. Calibrated on
 * tests/ask/questions.yml, whose out-of-scope questions reach at most 0.61 and a score of 11.
 */
export const MIN_COVERAGE = 0.6;
export const MIN_SCORE = 15;
export const MAX_QUESTION_LENGTH = 500;
/**
 * A question the lessons do not cover gets the nearest lessons only when they are close: the best lesson matches
 * at least this share of the question and scores at least MIN_SCORE ("how do I tune postgres autovacuum?" is
 * near the Postgres lessons; "what is the best pizza topping?", at 0.54 and 11, is near nothing). Lessons scoring
 * under CLOSE_SHARE of the best one are not offered beside it.
 */
export const CLOSE_COVERAGE = 0.4;
export const CLOSE_SHARE = 0.3;

export async function ask(index: SectionIndex, question: string, llm?: LlmConfig): Promise<AskResult> {
  const text = stripControls(question).trim().slice(0, MAX_QUESTION_LENGTH);
  const found = index.query(text);
  const top = found.passages[0];
  const best = found.lessons[0];
  const confident =
    top !== undefined &&
    best !== undefined &&
    found.coverage >= MIN_COVERAGE &&
    (best.score >= MIN_SCORE || found.coverage > 0.99);
  const lessons = found.lessons.slice(0, 3).map(({ id, title }) => ({ id, title }));
  if (!confident) {
    const close = best !== undefined && found.coverage >= CLOSE_COVERAGE && best.score >= MIN_SCORE;
    const near = close
      ? found.lessons
          .filter((l) => l.score >= Math.max(MIN_SCORE, CLOSE_SHARE * best.score))
          .slice(0, 3)
          .map(({ id, title }) => ({ id, title }))
      : [];
    const closest = near.map((l) => l.title).join(", ");
    return {
      question: text,
      confident: false,
      // Passages only from the lessons offered: nothing unrelated is quoted for a question no lesson covers.
      passages: found.passages.filter((p) => near.some((l) => l.id === p.lessonId)).slice(0, 3),
      lessons: near,
      message: text
        ? `The lessons do not cover that${closest ? `; the closest are: ${closest}` : ""}.`
        : "Ask a question in a few words, for example: what is a torn page?",
    };
  }
  const result: AskResult = {
    question: text,
    confident: true,
    passages: found.passages,
    lessons,
    message: `From ${top.lessonTitle}, stage ${top.stage} (${top.stageTitle}).`,
  };
  if (!llm) return result;
  try {
    const answer = await completeWithModel(llm, text, found.passages);
    return { ...result, answer, model: { used: true, name: llm.model } };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? "it did not answer in time"
        : (error as Error).message;
    return {
      ...result,
      message: `${result.message} (The language model was not used: ${reason}. Here are the passages instead.)`,
      model: { used: false, name: llm.model, error: reason },
    };
  }
}
