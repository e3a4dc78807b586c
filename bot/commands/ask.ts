import { type ChatInputCommandInteraction, InteractionContextType, SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_LENGTH } from "../../engine/index.js";
import { admitQuestion, answerQuestion, questionText } from "../questions.js";
import type { SlashCommand } from "./command.js";

const QUESTION = "question";

function questionOf(interaction: ChatInputCommandInteraction): string {
  return questionText(interaction.options.getString(QUESTION) ?? "");
}

export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask the lessons a question: the answer and its sources are posted in the channel")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName(QUESTION)
        .setDescription("In plain words, e.g. what is a torn page?")
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH),
    ),
  // Public: a question asked in a server helps everyone reading it. Refusals (limits) go to the member alone.
  ephemeral: false,
  admit(ctx, interaction) {
    const admitted = admitQuestion(ctx, interaction.user.id, questionOf(interaction), "/ask");
    return admitted.ok ? undefined : admitted.reason;
  },
  execute: (ctx, interaction) => answerQuestion(ctx, questionOf(interaction), { echo: true }),
};
