import { SlashCommandBuilder } from "discord.js";
import { questionView, refusalView } from "../components/quiz-views.js";
import { learnerIdOf } from "../context.js";
import type { SlashCommand } from "./command.js";
import { autocompleteLesson, lessonFrom, lessonOption, personal, STAGE, stageOption } from "./options.js";

export const quiz: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("quiz")
      .setDescription("Answer a stage's questions, one at a time (only you see them)"),
  )
    .addStringOption(lessonOption(false, "The lesson (default: carry on where you are)"))
    .addIntegerOption(stageOption("The stage (default: the one you are on)")),
  ephemeral: true,
  async execute(ctx, interaction) {
    const { tutor } = ctx;
    const learnerId = learnerIdOf(interaction.user.id);
    const stage = interaction.options.getInteger(STAGE) ?? undefined;
    const found = lessonFrom(tutor, interaction);
    if (found) {
      if (!found.ok) return refusalView(ctx, found);
      const started = await tutor.startQuiz(learnerId, found.value.id, stage);
      return started.ok ? questionView(ctx, started.value) : refusalView(ctx, started);
    }
    if (stage !== undefined)
      return { content: `Say which lesson too: \`/quiz lesson:<lesson> stage:${stage}\`.` };
    // No lesson named: the engine decides what to carry on with.
    const resumed = await tutor.resumeQuiz(learnerId);
    if (!resumed.ok) return refusalView(ctx, resumed);
    const { kind, next } = resumed.value;
    switch (kind) {
      case "nothing":
        return { content: `🏆 ${next.message}` };
      case "continued":
        return questionView(ctx, resumed.value.quiz, { notice: `▶️ ${next.message}` });
      case "review":
        return questionView(ctx, resumed.value.quiz, {
          notice: `🔁 ${next.message} Reviews first; \`/quiz lesson:\` picks a lesson instead.`,
        });
      case "started":
        return questionView(ctx, resumed.value.quiz, {
          notice:
            next.kind === "read"
              ? `📘 Tip: \`/learn lesson:${next.lessonId}\` first. ${next.message}`
              : undefined,
        });
    }
  },
  autocomplete: (ctx, interaction) => autocompleteLesson(ctx.tutor, interaction),
};
