/**
 * Which questions are missed most, and which wrong options are chosen most (per server when guildId is given), from
 * the figures the store keeps up to date: no learner's file is read here.
 */
import type { EngineContext } from "../context.js";
import type { QuizStats } from "../tutor-types.js";

export interface StatsOptions {
  guildId?: string;
  /** Rows per list. Default 10. */
  limit?: number;
}

export async function stats(ctx: EngineContext, options: StatsOptions = {}): Promise<QuizStats> {
  const limit = options.limit ?? 10;
  const perQuestion = new Map<string, { wrong: number; total: number }>();
  const perOption = new Map<string, number>();
  let answers = 0;
  // Kept up to date by the store as answers are recorded; questions no longer in the content count for nothing.
  for (const figure of await ctx.store.questionFigures(options.guildId)) {
    const question = ctx.library.question(figure.questionId);
    if (!question) continue;
    answers += figure.total;
    perQuestion.set(figure.questionId, { wrong: figure.wrong, total: figure.total });
    if (!("options" in question)) continue;
    for (const [option, count] of Object.entries(figure.options)) {
      if (question.options[Number(option)] && !question.options[Number(option)]?.correct) {
        perOption.set(`${figure.questionId}#${option}`, count);
      }
    }
  }
  const mostMissed = [...perQuestion.entries()]
    .filter(([, e]) => e.wrong > 0)
    .map(([questionId, e]) => ({
      questionId,
      lessonId: ctx.library.question(questionId)?.lessonId ?? "",
      ...e,
    }))
    .sort(
      (a, b) =>
        b.wrong - a.wrong ||
        b.wrong / b.total - a.wrong / a.total ||
        a.questionId.localeCompare(b.questionId),
    )
    .slice(0, limit);
  const wrongOptions = [...perOption.entries()]
    .map(([key, count]) => {
      const [questionId, option] = key.split("#") as [string, string];
      const question = ctx.library.question(questionId);
      const text = question && "options" in question ? (question.options[Number(option)]?.text ?? "") : "";
      return { questionId, option: Number(option), text, count };
    })
    .sort((a, b) => b.count - a.count || a.questionId.localeCompare(b.questionId))
    .slice(0, limit);
  return { answers, mostMissed, wrongOptions };
}
