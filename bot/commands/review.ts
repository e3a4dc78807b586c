import { SlashCommandBuilder } from "discord.js";
import { questionView, refusalView } from "../components/quiz-views.js";
import { learnerIdOf } from "../context.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const review: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("review")
      .setDescription("Your spaced-repetition reviews that are due now"),
  ),
  ephemeral: true,
  async execute(ctx, interaction) {
    const started = await ctx.tutor.resumeReview(learnerIdOf(interaction.user.id));
    return started.ok ? questionView(ctx, started.value) : refusalView(ctx, started);
  },
};
