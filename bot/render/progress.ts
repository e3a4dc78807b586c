/** /progress: a card with stages per lesson, streak, XP and reviews due. */
import type { APIEmbed } from "discord.js";
import type { ProgressSummary } from "../../engine/index.js";
import { bar, COLORS, percent, plural, stageMarks } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import type { View } from "./view.js";

const SPARK = ["·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** The last days' activity as one character per day. */
function sparkline(cells: readonly { count: number }[]): string {
  const max = Math.max(1, ...cells.map((c) => c.count));
  return cells
    .map((c) => (c.count === 0 ? SPARK[0] : SPARK[Math.max(1, Math.ceil((c.count / max) * 8))]))
    .join("");
}

/** What counts on the learner's self-assessment rather than the grader's verdict, when anything does. */
function selfAssessedField(summary: ProgressSummary): { name: string; value: string; inline: boolean }[] {
  const stages = summary.lessons.flatMap((l) =>
    l.stages.filter((s) => s.selfAssessed).map((s) => `${l.title} stage ${s.stage}`),
  );
  if (summary.selfAssessed === 0 && stages.length === 0) return [];
  const lines = [`🧠 ${plural(summary.selfAssessed, "answer")} counted a key point on their own word`];
  if (stages.length > 0) lines.push(`Passed so: ${stages.join(", ")}`);
  lines.push("Leaderboards count only the grader's verdicts.");
  return [{ name: "Self-assessed", value: truncate(lines.join("\n"), LIMITS.fieldValue), inline: false }];
}

export function renderProgress(summary: ProgressSummary, who: string, self: boolean): View {
  const lessonLines = summary.lessons.map(
    (l) => `${stageMarks(l.stages)} **${l.title}** ${l.passedStages}/6${l.completed ? " 🏆" : ""}`,
  );
  const lastTwoWeeks = summary.activity.slice(-14);
  const due = summary.dueByDay
    .map((d, i) => ({ ...d, when: i === 1 ? "tomorrow" : `in ${i} days` }))
    .slice(1)
    .filter((d) => d.count > 0)
    .slice(0, 4)
    .map((d) => `${d.count} ${d.when}`)
    .join(" · ");
  const streak = summary.streak;
  const embed: APIEmbed = {
    color: COLORS.brand,
    title: truncate(`Progress of ${who}`, LIMITS.title),
    description: truncate(
      [
        `${bar(summary.completion)} **${percent(summary.completion)}** · ${summary.stagesPassed} of ${summary.stagesTotal} stages passed`,
        "",
        ...lessonLines,
      ].join("\n"),
      3500,
    ),
    fields: [
      {
        name: "Streak",
        value: `🔥 ${plural(streak.current, "day")} (longest ${streak.longest})${streak.studiedToday ? "" : self ? "\nNot studied today yet" : ""}`,
        inline: true,
      },
      { name: "XP", value: `⭐ ${summary.xp} · ${plural(summary.answers, "answer")}`, inline: true },
      {
        name: "Reviews",
        value: `🔁 ${summary.dueNow} due now${due ? `\nComing: ${due}` : ""}${self && summary.dueNow > 0 ? "\n`/review` to do them" : ""}`,
        inline: true,
      },
      { name: "Last 14 days", value: `\`${sparkline(lastTwoWeeks)}\``, inline: true },
      {
        name: `Last ${Math.round(summary.activity.length / 7)} weeks`,
        value: `${plural(
          summary.activity.reduce((sum, d) => sum + d.count, 0),
          "answer",
        )} on ${plural(summary.activity.filter((d) => d.count > 0).length, "day")}`,
        inline: true,
      },
      ...selfAssessedField(summary),
    ],
  };
  return { embeds: [embed] };
}
