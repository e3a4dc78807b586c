import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { type ReloadOutcome, reloadEverywhere, reloadHere } from "../reload.js";
import { truncate } from "../render/limits.js";
import { renderStats } from "../render/stats.js";
import type { SlashCommand } from "./command.js";

export const tutor: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("tutor")
    .setDescription("Run the tutor (Manage Server only)")
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName("reload").setDescription("Re-read the lessons and quizzes from disk"))
    .addSubcommand((s) =>
      s.setName("stats").setDescription("Questions missed most and wrong options chosen most in this server"),
    ),
  requires: { flag: PermissionFlagsBits.ManageGuild, name: "Manage Server" },
  guildOnly: true,
  ephemeral: true,
  async execute(ctx, interaction) {
    if (interaction.options.getSubcommand() === "reload") {
      ctx.log.info("content reload asked", { by: interaction.user.id });
      const outcomes = await reloadEverywhere(interaction.client, () =>
        reloadHere(ctx.tutor, ctx.log, interaction.client.shard?.ids[0] ?? 0),
      );
      return { content: describeReload(outcomes, interaction.client.shard !== null) };
    }
    const stats = await ctx.tutor.stats({ guildId: interaction.guildId ?? undefined, limit: 10 });
    return renderStats(stats, interaction.guild?.name ?? "this server", (id) => {
      const prompt = ctx.tutor.question(id)?.prompt ?? "";
      return prompt.split("\n")[0] ?? "";
    });
  },
};

/** One reply for the reload on every shard: what was loaded, the content's problems, and shards that did not answer. */
export function describeReload(outcomes: ReloadOutcome[], sharded: boolean): string {
  const loaded = outcomes.filter((o) => o.ok);
  const refused = outcomes.find((o) => !o.ok && "issues" in o);
  const silent = outcomes.filter((o) => !o.ok && "unreachable" in o);
  const lines: string[] = [];
  if (refused && "issues" in refused) {
    const n = refused.issues.length;
    const list = truncate(refused.issues.join("\n"), 1500);
    lines.push(
      `⚠️ The content has ${n} problem${n === 1 ? "" : "s"}, so the lessons in use stay as they were:\n\`\`\`\n${list}\n\`\`\``,
    );
    if (loaded.length > 0)
      lines.push(
        `(${loaded.length === 1 ? "Shard" : "Shards"} ${truncate(loaded.map((o) => o.shard).join(", "), 200)} had already reloaded.)`,
      );
  } else if (loaded.length > 0 && loaded[0]?.ok) {
    const { lessons, questions } = loaded[0];
    const where = !sharded
      ? ""
      : loaded.length === outcomes.length
        ? ` on all ${outcomes.length} shards`
        : ` on ${loaded.length} of ${outcomes.length} shards`;
    lines.push(`🔄 Reloaded${where}: ${lessons} lessons, ${questions} questions.`);
  }
  const first = silent[0];
  if (first && "unreachable" in first) {
    const ids = silent.map((o) => o.shard).join(", ");
    lines.push(
      `${silent.length === 1 ? "Shard" : "Shards"} ${truncate(ids, 200)} did not answer (${truncate(first.unreachable, 120)}); a shard reads the lessons afresh when it starts again.`,
    );
  }
  return lines.join("\n");
}
