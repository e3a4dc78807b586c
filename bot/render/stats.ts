/** /tutor stats: what a server gets wrong most, for the people who run the study group. */
import type { QuizStats } from "../../engine/index.js";
import { COLORS, letter, percent } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { userText } from "./user-text.js";
import type { View } from "./view.js";

export function renderStats(
  stats: QuizStats,
  guildName: string,
  titleOf: (questionId: string) => string,
): View {
  const missed = stats.mostMissed.map(
    (m, i) =>
      `**${i + 1}.** \`${m.questionId}\` (${m.lessonId}): missed ${m.wrong} of ${m.total} (${percent(m.wrong / m.total)})\n   ${truncate(titleOf(m.questionId), 120)}`,
  );
  const wrong = stats.wrongOptions.map(
    (w, i) =>
      `**${i + 1}.** \`${w.questionId}\` option ${letter(w.option)} chosen ${w.count}×\n   “${truncate(w.text, 120)}”`,
  );
  return {
    embeds: [
      {
        color: COLORS.brand,
        title: truncate(`Quiz statistics of ${userText(guildName, 100)}`, LIMITS.title),
        description: `${stats.answers} answer${stats.answers === 1 ? "" : "s"} given in this server.`,
        fields: [
          {
            name: "Questions missed most",
            value: truncate(missed.join("\n"), LIMITS.fieldValue) || "None yet.",
          },
          {
            name: "Wrong options chosen most",
            value: truncate(wrong.join("\n"), LIMITS.fieldValue) || "None yet.",
          },
        ],
      },
    ],
  };
}
