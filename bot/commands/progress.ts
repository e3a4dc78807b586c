import { SlashCommandBuilder } from "discord.js";
import { learnerIdOf } from "../context.js";
import { renderProgress } from "../render/progress.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const progress: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("progress")
      .setDescription("A progress card: stages per lesson, streak, reviews due"),
  )
    .addUserOption((o) =>
      o.setName("user").setDescription("Whose progress (default: yours)").setRequired(false),
    )
    .addBooleanOption((o) =>
      o
        .setName("share")
        .setDescription("Post the card for everyone in the channel (default: only you see it)"),
    ),
  ephemeral: (interaction) => interaction.options.getBoolean("share") !== true,
  async execute(ctx, interaction) {
    const user = interaction.options.getUser("user") ?? interaction.user;
    if (user.bot) return { content: "Bots do not study here: pick a member." };
    const member = interaction.options.getMember("user");
    const name =
      (member && "displayName" in member ? member.displayName : undefined) ??
      user.displayName ??
      user.username;
    const summary = await ctx.tutor.progress(learnerIdOf(user.id));
    return renderProgress(summary, name, user.id === interaction.user.id);
  },
};
