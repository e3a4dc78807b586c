/** Which questions are missed most, and which wrong options are chosen most (per server when guildId is given). */
import type { EngineContext } from "../context.js";
import type { QuizStats } from "../tutor-types.js";
import { allDocs } from "./all-docs.js";

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
  for (const doc of await allDocs(ctx)) {
    for (const r of doc.history) {
      if (options.guildId && r.guildId !== options.guildId) continue;
      const question = ctx.library.question(r.questionId);
      if (!question) continue;
      answers++;
      const entry = perQuestion.get(r.questionId) ?? { wrong: 0, total: 0 };
      entry.total++;
      if (!r.correct) entry.wrong++;
      perQuestion.set(r.questionId, entry);
      if ("options" in question && r.selected) {
        for (const option of r.selected) {
          if (question.options[option] && !question.options[option].correct) {
            const key = `${r.questionId}#${option}`;
            perOption.set(key, (perOption.get(key) ?? 0) + 1);
          }
        }
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
