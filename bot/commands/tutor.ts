import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { ContentError, formatIssue } from "../../engine/index.js";
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
      try {
        const { lessons, questions } = await ctx.tutor.reload();
        ctx.log.info("content reloaded", { by: interaction.user.id, lessons, questions });
        return { content: `🔄 Reloaded: ${lessons} lessons, ${questions} questions.` };
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        ctx.log.warn("content reload refused", {
          by: interaction.user.id,
          issues: error.issues.map(formatIssue),
        });
        const list = truncate(error.issues.map(formatIssue).join("\n"), 1700);
        return {
          content: `⚠️ The content has ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}, so the lessons in use stay as they were:\n\`\`\`\n${list}\n\`\`\``,
        };
      }
    }
    const stats = await ctx.tutor.stats({ guildId: interaction.guildId ?? undefined, limit: 10 });
    return renderStats(stats, interaction.guild?.name ?? "this server", (id) => {
      const prompt = ctx.tutor.question(id)?.prompt ?? "";
      return prompt.split("\n")[0] ?? "";
    });
  },
};
