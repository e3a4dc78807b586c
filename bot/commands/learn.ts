import { SlashCommandBuilder } from "discord.js";
import { stageView } from "../components/browse.js";
import { refusalView } from "../components/quiz-views.js";
import { learnerIdOf } from "../context.js";
import type { SlashCommand } from "./command.js";
import { autocompleteLesson, lessonFrom, lessonOption, personal, STAGE, stageOption } from "./options.js";

export const learn: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("learn")
      .setDescription("Read a lesson: the stage you are on, in pages"),
  )
    .addStringOption(lessonOption(true, "The lesson: start typing its name or id"))
    .addIntegerOption(stageOption("A stage to read instead of the one you are on (any stage can be read)")),
  ephemeral: true,
  async execute(ctx, interaction) {
    const found = lessonFrom(ctx.tutor, interaction);
    if (!found) return { content: "Say which lesson: `/learn lesson:`." };
    if (!found.ok) return refusalView(ctx, found);
    const stage = interaction.options.getInteger(STAGE) ?? undefined;
    return stageView(ctx, learnerIdOf(interaction.user.id), found.value.id, stage);
  },
  autocomplete: (ctx, interaction) => autocompleteLesson(ctx.tutor, interaction),
};
