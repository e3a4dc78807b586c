/**
 * What `/ask` and a mention share: the question's words out of Discord's text, the per-member limit, the length
 * limit, and the answer. The engine searches and decides what is covered; this only guards the door.
 */
import { MAX_QUESTION_LENGTH } from "../engine/index.js";
import type { BotContext } from "./context.js";
import { type AnswerOptions, renderAnswer } from "./render/answer.js";
import { relativeTime } from "./render/format.js";
import type { View } from "./render/view.js";

/** Questions a member may ask per minute, by `/ask` and mentions together. */
export const QUESTIONS_PER_MINUTE = 5;
export const QUESTION_WINDOW_MS = 60_000;

/** Mentions of members, roles and channels, @everyone/@here and custom emoji: Discord syntax, not words. */
const DISCORD_TOKENS = /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/g;

/** The question as the tutor reads it: the mentions (the bot's own among them) taken out, spaces collapsed. */
export function questionText(raw: string): string {
  return raw.replace(DISCORD_TOKENS, " ").replace(/\s+/g, " ").trim();
}

export type Admission = { ok: true; question: string } | { ok: false; reason: string; quiet: boolean };

/**
 * Counts the question against the member's limit, then checks there is one and it is not too long. `quiet` is set
 * for a refusal already given once in this window: a mention need not be answered again (an interaction must).
 */
export function admitQuestion(
  ctx: BotContext,
  userId: string,
  question: string,
  via: "/ask" | "mention",
): Admission {
  const taken = ctx.questionLimit.take(userId);
  if (!taken.ok) {
    return {
      ok: false,
      quiet: !taken.first,
      reason: `⏳ You have asked ${ctx.questionLimit.max} questions in the last minute. Ask again ${relativeTime(taken.retryAt)}.`,
    };
  }
  if (!question) {
    return {
      ok: false,
      quiet: false,
      reason:
        via === "mention"
          ? "Write your question after the mention, for example: what is a torn page? (`/ask` works too.)"
          : "Ask a question in a few words, for example: what is a torn page?",
    };
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      quiet: false,
      reason: `That question is ${question.length} characters long; the tutor takes questions of up to ${MAX_QUESTION_LENGTH}. Ask the heart of it in fewer words.`,
    };
  }
  return { ok: true, question };
}

/** Asks the engine (which may call a language model: seconds) and renders what it found. */
export async function answerQuestion(
  ctx: BotContext,
  question: string,
  options: AnswerOptions = {},
): Promise<View> {
  const result = await ctx.tutor.ask(question);
  if (result.model && !result.model.used) {
    ctx.log.warn("the language model was not used; answered with the passages", {
      model: result.model.name,
      reason: result.model.error,
    });
  }
  return renderAnswer(result, options);
}
