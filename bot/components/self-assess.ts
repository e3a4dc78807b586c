/** Buttons and the select of the self-assessment after an explain answer (render/self-assess.ts draws them). */
import type { Assessable, RecallRating } from "../../engine/index.js";
import type { BotContext } from "../context.js";
import { refusalText } from "../render/refusal.js";
import { decodeDisputed, isRating, renderAssessed, renderAssessment } from "../render/self-assess.js";
import type { View } from "../render/view.js";
import { lessonTitle, questionByRef } from "./lookup.js";
import type { ComponentInput, ComponentRoute } from "./route.js";

const NOT_OPEN = refusalText({ ok: false, code: "nothing-to-assess", message: "" });

/** The learner's open assessment, when it is the one the component is about. */
async function openFor(ctx: BotContext, input: ComponentInput): Promise<Assessable | undefined> {
  const question = questionByRef(ctx.tutor, input.args[0]);
  const open = await ctx.tutor.assessment(input.learnerId);
  return question && open?.questionId === question.id ? open : undefined;
}

async function handIn(
  ctx: BotContext,
  input: ComponentInput,
  rating: string | undefined,
  disputed: number[],
): Promise<View> {
  const question = questionByRef(ctx.tutor, input.args[0]);
  if (!question || !isRating(rating)) return { content: NOT_OPEN };
  const open = await openFor(ctx, input);
  const result = await ctx.tutor.selfAssess(input.learnerId, question.id, {
    disputed,
    rating: rating satisfies RecallRating,
  });
  if (!result.ok) return { content: refusalText(result), embeds: [], components: [] };
  return renderAssessed(result.value, open, lessonTitle(ctx.tutor, question.lessonId));
}

export const selfAssessRoutes: ComponentRoute[] = [
  {
    // A rating straight from the feedback: every verdict agreed with. The result comes as a new message.
    route: "assess:rate",
    ack: "reply",
    run: (ctx, input) => handIn(ctx, input, input.args[1], []),
  },
  {
    // "Dispute a verdict…": the check-yourself view, in a new message only the learner sees.
    route: "assess:open",
    ack: "reply",
    async run(ctx, input) {
      const open = await openFor(ctx, input);
      return open ? renderAssessment(open, []) : { content: NOT_OPEN };
    },
  },
  {
    // The verdicts picked in the menu: the view again, its rating buttons carrying them.
    route: "assess:pick",
    ack: "update",
    async run(ctx, input) {
      const open = await openFor(ctx, input);
      const picked = input.values.map(Number).filter((n) => Number.isInteger(n) && n >= 0);
      return open ? renderAssessment(open, picked) : { content: NOT_OPEN, embeds: [], components: [] };
    },
  },
  {
    // A rating from the check-yourself view, with the disputed verdicts from its custom id.
    route: "assess:send",
    ack: "update",
    run: (ctx, input) => handIn(ctx, input, input.args[1], decodeDisputed(input.args[2])),
  },
];
