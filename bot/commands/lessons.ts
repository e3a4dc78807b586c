import { SlashCommandBuilder } from "discord.js";
import { learnerIdOf } from "../context.js";
import { renderCatalog } from "../render/catalog.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const lessons: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("lessons")
      .setDescription("All lessons, with your progress through their six stages"),
  ),
  ephemeral: true,
  async execute(ctx, interaction) {
    return renderCatalog(await ctx.tutor.catalog(learnerIdOf(interaction.user.id)));
  },
};
