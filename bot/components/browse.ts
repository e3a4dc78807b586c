/** Paging and stage moves for /learn, /lessons and /journal, and opening a stage from an answer to a question. */
import type { BotContext } from "../context.js";
import { renderCatalog } from "../render/catalog.js";
import { renderJournal } from "../render/journal.js";
import { refusalText } from "../render/refusal.js";
import { renderStage } from "../render/stage.js";
import type { View } from "../render/view.js";
import { lessonByRef, lessonTitle } from "./lookup.js";
import { refusalView } from "./quiz-views.js";
import type { ComponentRoute } from "./route.js";

/** A stage of a lesson for the learner: any stage can be read; the engine gates only its quiz. */
export async function stageView(
  ctx: BotContext,
  learnerId: string,
  lessonId: string,
  stage: number | undefined,
  page = 0,
): Promise<View> {
  const result = await ctx.tutor.openStage(learnerId, lessonId, stage);
  return result.ok ? renderStage(result.value, page) : refusalView(ctx, result);
}

const UNKNOWN_LESSON = { content: refusalText({ ok: false, code: "unknown-lesson", message: "" }) };

export const browseRoutes: ComponentRoute[] = [
  {
    route: "learn:page",
    ack: "update",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return UNKNOWN_LESSON;
      return stageView(ctx, input.learnerId, lesson.id, Number(input.args[1]), Number(input.args[2]));
    },
  },
  {
    route: "learn:stage",
    ack: "update",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return UNKNOWN_LESSON;
      return stageView(ctx, input.learnerId, lesson.id, Number(input.values[0]));
    },
  },
  {
    // From an answer to a question, which the whole channel sees: the stage opens in a new message for the presser
    // alone. Without a stage in the id, the stage the presser is on.
    route: "learn:open",
    ack: "reply",
    async run(ctx, input) {
      const lesson = lessonByRef(ctx.tutor, input.args[0]);
      if (!lesson) return UNKNOWN_LESSON;
      const stage = input.args[1] ? Number(input.args[1]) : undefined;
      return stageView(ctx, input.learnerId, lesson.id, stage);
    },
  },
  {
    route: "lessons:page",
    ack: "update",
    async run(ctx, input) {
      return renderCatalog(await ctx.tutor.catalog(input.learnerId), Number(input.args[0]));
    },
  },
  {
    route: "journal:page",
    ack: "update",
    async run(ctx, input) {
      const scope = input.args[0] ?? "*";
      const lesson = scope === "*" ? undefined : lessonByRef(ctx.tutor, scope);
      const entries = await ctx.tutor.journal(input.learnerId, lesson?.id);
      return renderJournal(entries, (id) => lessonTitle(ctx.tutor, id), scope, Number(input.args[1]));
    },
  },
];
