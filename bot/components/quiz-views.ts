/** Shared steps of the quiz components: show the current question, answer one, explain a refusal. */
import type { QuizState, Refusal, Response } from "../../engine/index.js";
import type { BotContext } from "../context.js";
import { renderFeedback } from "../render/feedback.js";
import { type QuestionOptions, renderQuestion } from "../render/question.js";
import { refusalText } from "../render/refusal.js";
import type { View } from "../render/view.js";
import { lessonTitle, questionByRef } from "./lookup.js";
import type { ComponentInput } from "./route.js";

export function questionView(ctx: BotContext, state: QuizState, options: QuestionOptions = {}): View {
  if (!state.question || state.done)
    return { content: "This quiz is finished. Start another with `/quiz` or `/review`." };
  return renderQuestion(state, { lessonTitle: lessonTitle(ctx.tutor, state.question.lessonId), ...options });
}

/** The learner's quiz as it stands in the store, with a notice above it. */
export async function currentView(ctx: BotContext, learnerId: string, notice?: string): Promise<View> {
  const state = await ctx.tutor.current(learnerId);
  if (!state || state.done) {
    return {
      content: [notice, refusalText({ ok: false, code: "no-session", message: "" })]
        .filter(Boolean)
        .join("\n"),
    };
  }
  return questionView(ctx, state, notice ? { notice } : {});
}

export function refusalView(ctx: BotContext, refusal: Refusal): View {
  const text = refusalText(refusal);
  if (refusal.code === "stale-question" && refusal.current && !refusal.current.done) {
    return questionView(ctx, refusal.current, { notice: `⏭️ ${text}` });
  }
  return { content: text };
}

export async function submitAnswer(
  ctx: BotContext,
  input: ComponentInput,
  response: Response,
  typed?: string,
): Promise<View> {
  const [ref, hint] = input.args;
  const hintUsed = hint === "1";
  const question = questionByRef(ctx.tutor, ref);
  if (!question)
    return currentView(
      ctx,
      input.learnerId,
      `⏭️ ${refusalText({ ok: false, code: "unknown-question", message: "" })}`,
    );
  const result = await ctx.tutor.answer(input.learnerId, {
    questionId: question.id,
    response,
    hintUsed,
    ...(input.guildId ? { guildId: input.guildId } : {}),
  });
  if (!result.ok) return refusalView(ctx, result);
  const outcome = result.value;
  if (outcome.grade.invalid) {
    return questionView(ctx, outcome.quiz, {
      hint: hintUsed,
      notice: `⚠️ That could not be graded: ${outcome.grade.invalid}. Try again.`,
    });
  }
  const title = lessonTitle(ctx.tutor, question.lessonId);
  const thenAndNow =
    outcome.journal?.kind === "reflection"
      ? await ctx.tutor.thenAndNow(input.learnerId, question.lessonId)
      : undefined;
  return renderFeedback(outcome, {
    lessonTitle: title,
    prompt: (id) => ctx.tutor.question(id)?.prompt.split("\n")[0] ?? id,
    ...(thenAndNow ? { thenAndNow } : {}),
    ...(typed !== undefined ? { typed } : {}),
  });
}
