import { SlashCommandBuilder } from "discord.js";
import { refOf } from "../components/custom-id.js";
import { lessonTitle } from "../components/lookup.js";
import { refusalView } from "../components/quiz-views.js";
import { learnerIdOf } from "../context.js";
import { renderJournal } from "../render/journal.js";
import type { SlashCommand } from "./command.js";
import { autocompleteLesson, lessonFrom, lessonOption, personal } from "./options.js";

export const journal: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("journal")
      .setDescription("Your explanations, design proposals and reflections (only you see them)"),
  ).addStringOption(lessonOption(false, "Only this lesson's entries")),
  ephemeral: true,
  async execute(ctx, interaction) {
    const found = lessonFrom(ctx.tutor, interaction);
    if (found && !found.ok) return refusalView(ctx, found);
    const lesson = found?.value;
    const entries = await ctx.tutor.journal(learnerIdOf(interaction.user.id), lesson?.id);
    return renderJournal(entries, (id) => lessonTitle(ctx.tutor, id), lesson ? refOf(lesson.id) : "*");
  },
  autocomplete: (ctx, interaction) => autocompleteLesson(ctx.tutor, interaction),
};
