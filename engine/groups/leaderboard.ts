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
    // Self-assessment never counts here: `correct` (and so XP) is the grader's verdict, and a stage passed with
    // an answer right only on the learner's word is left out.
    const selfPassed = doc.selfAssessment?.passed ?? {};
    const stagesPassed = Object.entries(doc.passed).reduce(
      (sum, [lessonId, stages]) =>
        sum +
        Object.entries(stages ?? {}).filter(
          ([stage, at]) =>
            at &&
            new Date(at).getTime() >= since &&
            !(selfPassed[lessonId] as Record<string, string> | undefined)?.[stage],
        ).length,
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
