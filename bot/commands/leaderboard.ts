import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { renderLeaderboard } from "../render/leaderboard.js";
import type { SlashCommand } from "./command.js";

export const leaderboard: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("leaderboard")
    .setDescription("This server's learners by XP")
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName("period")
        .setDescription("The last 7 days (default) or all time")
        .addChoices({ name: "this week", value: "week" }, { name: "all time", value: "all" }),
    ),
  guildOnly: true,
  ephemeral: false,
  async execute(ctx, interaction) {
    const period = interaction.options.getString("period") === "all" ? "all" : "week";
    const rows = await ctx.tutor.leaderboard({
      guildId: interaction.guildId ?? undefined,
      period,
      limit: 10,
    });
    return renderLeaderboard(rows, period, interaction.guild?.name ?? "this server");
  },
};
