/** Buttons, selects and the modal of a quiz or review. Each reads the store; none keeps state of its own. */
import type { Question } from "../../engine/index.js";
import type { BotContext } from "../context.js";
import { ANSWER_FIELD, answerModal, decodeOrder, textLimit } from "../render/question.js";
import { refusalText } from "../render/refusal.js";
import { renderAnswers } from "../render/shown-answers.js";
import type { View } from "../render/view.js";
import { lessonByRef, lessonTitle, questionByRef } from "./lookup.js";
import { currentView, questionView, refusalView, submitAnswer } from "./quiz-views.js";
import type { ComponentInput, ComponentRoute } from "./route.js";

const MOVED_ON = `⏭️ ${refusalText({ ok: false, code: "stale-question", message: "" })}`;

function indices(values: readonly string[]): number[] {
  return values.map(Number).filter((n) => Number.isInteger(n) && n >= 0);
}

/** Re-draws the current question with the learner's partial order, if the question is still current. */
async function orderStep(ctx: BotContext, input: ComponentInput, order: number[]): Promise<View> {
  const [ref, hint] = input.args;
  const state = await ctx.tutor.current(input.learnerId);
  const question = questionByRef(ctx.tutor, ref);
  if (!state?.question || !question || state.question.id !== question.id)
    return currentView(ctx, input.learnerId, MOVED_ON);
  return questionView(ctx, state, { hint: hint === "1", order });
}

export const quizRoutes: ComponentRoute[] = [
  {
    // Single choice and true/false: one button per option.
    route: "quiz:choice",
    ack: "update",
    run: (ctx, input) =>
      submitAnswer(ctx, input, { kind: "choice", selected: indices(input.args.slice(2, 3)) }),
  },
  {
    // Multiple choice (and single choice with too many options for buttons): a select menu.
    route: "quiz:pick",
    ack: "update",
    run: (ctx, input) => submitAnswer(ctx, input, { kind: "choice", selected: indices(input.values) }),
  },
  {
    // Ordering: each pick appends one item; the last item goes in by itself and the order is submitted.
    route: "quiz:order",
    ack: "update",
    async run(ctx, input) {
      // The question as this attempt shows it: its items in the attempt's shuffle.
      const current = (await ctx.tutor.current(input.learnerId))?.question;
      const question = current?.id === questionByRef(ctx.tutor, input.args[0])?.id ? current : undefined;
      const order = [...decodeOrder(input.args[2]), ...indices(input.values)];
      if (question?.type !== "order") return orderStep(ctx, input, []);
      const unique = order.filter((item, i) => order.indexOf(item) === i && item < question.items.length);
      const left = question.shuffled.filter((i) => !unique.includes(i));
      if (left.length > 1) return orderStep(ctx, input, unique);
      return submitAnswer(ctx, input, { kind: "order", order: [...unique, ...left] });
    },
  },
  {
    route: "quiz:reorder",
    ack: "update",
    run: (ctx, input) => orderStep(ctx, input, []),
  },
  {
    // Short, numeric and explain answers: a modal. Built from content in memory (a modal cannot follow a deferral).
    route: "quiz:write",
    ack: "modal",
    run(ctx, input) {
      const question = questionByRef(ctx.tutor, input.args[0]);
      if (!question) return { content: refusalText({ ok: false, code: "unknown-question", message: "" }) };
      return answerModal(question, input.args[1] === "1", lessonTitle(ctx.tutor, question.lessonId));
    },
  },
  {
    route: "quiz:text",
    ack: "update",
    async run(ctx, input) {
      const question: Question | undefined = questionByRef(ctx.tutor, input.args[0]);
      const text = (input.fields[ANSWER_FIELD] ?? "").trim();
      const hint = input.args[1] === "1";
      const limit = question ? textLimit(question) : 0;
      if (question && (text.length === 0 || text.length > limit)) {
        const state = await ctx.tutor.current(input.learnerId);
        const notice =
          text.length === 0
            ? "⚠️ The answer was empty. Write something and send it again."
            : `⚠️ That answer is ${text.length} characters long; the most this question takes is ${limit}. Shorten it and send it again.`;
        if (state?.question?.id === question.id) return questionView(ctx, state, { hint, notice });
      }
      return submitAnswer(ctx, input, { kind: "text", text }, text);
    },
  },
  {
    route: "quiz:hint",
    ack: "update",
    async run(ctx, input) {
      // One read: the quiz as it stands, and whether the hint's question is still its current one.
      const state = await ctx.tutor.current(input.learnerId);
      const question = questionByRef(ctx.tutor, input.args[0]);
      if (!state?.question || state.question.id !== question?.id)
        return currentView(ctx, input.learnerId, MOVED_ON);
      return questionView(ctx, state, { hint: true });
    },
  },
  {
    route: "quiz:next",
    ack: "update",
    run: (ctx, input) => currentView(ctx, input.learnerId),
  },
  {
    route: "quiz:end",
    ack: "update",
    async run(ctx, input) {
      await ctx.tutor.endSession(input.learnerId);
      return {
        content: "Quiz ended. Your answers so far are saved. Start again any time with `/quiz` or `/review`.",
      };
    },
  },
  {
    // From a lesson page or a finished quiz: the stage's questions, in a new message only the learner sees.
    route: "quiz:start",
    ack: "reply",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return { content: refusalText({ ok: false, code: "unknown-lesson", message: "" }) };
      const result = await ctx.tutor.startQuiz(input.learnerId, lesson.id, Number(input.args[1]));
      return result.ok ? questionView(ctx, result.value) : refusalView(ctx, result);
    },
  },
  {
    // After a first round short of the mark: its missed questions once more, answers still hidden.
    route: "quiz:retry",
    ack: "update",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return { content: refusalText({ ok: false, code: "unknown-lesson", message: "" }) };
      const result = await ctx.tutor.retryMissed(input.learnerId, lesson.id, Number(input.args[1]));
      return result.ok ? questionView(ctx, result.value) : refusalView(ctx, result);
    },
  },
  {
    // Giving up: every answer of the stage, and when a fresh attempt opens.
    route: "quiz:answers",
    ack: "update",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return { content: refusalText({ ok: false, code: "unknown-lesson", message: "" }) };
      const result = await ctx.tutor.seeAnswers(input.learnerId, lesson.id, Number(input.args[1]));
      return result.ok
        ? renderAnswers(result.value.answers, result.value.status, lesson.title)
        : refusalView(ctx, result);
    },
  },
  {
    route: "quiz:review",
    ack: "update",
    async run(ctx, input) {
      const result = await ctx.tutor.startReview(input.learnerId);
      return result.ok ? questionView(ctx, result.value) : refusalView(ctx, result);
    },
  },
];
