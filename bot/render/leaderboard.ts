/** /leaderboard: a server's learners by XP, this week or of all time. */
import type { LeaderboardRow } from "../../engine/index.js";
import { COLORS, learnerName } from "./format.js";
import { userText } from "./user-text.js";
import type { View } from "./view.js";

const MEDALS = ["🥇", "🥈", "🥉"];

export function renderLeaderboard(
  rows: readonly LeaderboardRow[],
  period: "week" | "all",
  guildName: string,
): View {
  // A server's name is its admins' text: escaped like a member's (at most 100 characters).
  const title = `Leaderboard of ${userText(guildName, 100)} · ${period === "week" ? "last 7 days" : "all time"}`;
  if (rows.length === 0) {
    return {
      embeds: [
        {
          color: COLORS.muted,
          title,
          description:
            period === "week"
              ? "Nobody has answered a question here in the last 7 days. Be the first: `/quiz`."
              : "Nobody has answered a question here yet. Be the first: `/quiz`.",
        },
      ],
    };
  }
  const lines = rows.map(
    (row, i) =>
      `${MEDALS[i] ?? `**${i + 1}.**`} ${learnerName(row.learnerId)} · **${row.xp} XP** · ${row.correct}/${row.answers} right · ${row.stagesPassed} stage${row.stagesPassed === 1 ? "" : "s"} passed`,
  );
  return { embeds: [{ color: COLORS.brand, title, description: lines.join("\n") }] };
}
