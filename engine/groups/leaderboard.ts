/**
 * XP per learner: in one Discord server when guildId is given, over the last 7 days (rolling) or all time. Kept
 * up to date by the store as answers are recorded (progress/figures.ts): no learner's file is read here.
 */
import type { EngineContext } from "../context.js";
import type { LeaderboardRow } from "../tutor-types.js";

export interface LeaderboardOptions {
  guildId?: string;
  period: "week" | "all";
  /** Rows to return. Default 10. */
  limit?: number;
}

export const WEEK_MS = 7 * 86_400_000;

export async function leaderboard(
  ctx: EngineContext,
  options: LeaderboardOptions,
): Promise<LeaderboardRow[]> {
  return ctx.store.leaderboard({
    ...(options.guildId ? { guildId: options.guildId } : {}),
    ...(options.period === "week" ? { since: new Date(ctx.now().getTime() - WEEK_MS) } : {}),
    limit: options.limit ?? 10,
  });
}
