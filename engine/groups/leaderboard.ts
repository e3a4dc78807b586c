/** XP per learner: in one Discord server when guildId is given, over the last 7 days or all time. */
import type { EngineContext } from "../context.js";
import { xpOf } from "../journey/xp.js";
import type { AnswerRecord } from "../progress/model.js";
import type { LeaderboardRow } from "../tutor-types.js";
import { allDocs } from "./all-docs.js";

export interface LeaderboardOptions {
  guildId?: string;
  period: "week" | "all";
  /** Rows to return. Default 10. */
  limit?: number;
}

export async function leaderboard(
  ctx: EngineContext,
  options: LeaderboardOptions,
): Promise<LeaderboardRow[]> {
  const since = options.period === "week" ? ctx.now().getTime() - 7 * 86_400_000 : 0;
  const include = (r: AnswerRecord) =>
    (!options.guildId || r.guildId === options.guildId) && new Date(r.at).getTime() >= since;
  const rows: LeaderboardRow[] = [];
  for (const doc of await allDocs(ctx)) {
    const counted = doc.history.filter(include);
    if (counted.length === 0) continue;
    const stagesPassed = Object.values(doc.passed).reduce(
      (sum, stages) =>
        sum + Object.values(stages ?? {}).filter((at) => at && new Date(at).getTime() >= since).length,
      0,
    );
    rows.push({
      learnerId: doc.learnerId,
      xp: xpOf(doc.history, include),
      answers: counted.length,
      correct: counted.filter((r) => r.correct).length,
      stagesPassed,
    });
  }
  rows.sort((a, b) => b.xp - a.xp || b.correct - a.correct || a.learnerId.localeCompare(b.learnerId));
  return rows.slice(0, options.limit ?? 10);
}
