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
    // No lesson named: carry on with the quiz in progress, else do what the engine says comes next.
    const next = await tutor.nextStep(learnerId);
    switch (next.kind) {
      case "continue-quiz":
        return questionView(ctx, next.quiz, { notice: `▶️ ${next.message}` });
      case "review": {
        const review = await tutor.startReview(learnerId);
        return review.ok
          ? questionView(ctx, review.value, {
              notice: `🔁 ${next.message} Reviews first; \`/quiz lesson:\` picks a lesson instead.`,
            })
          : refusalView(ctx, review);
      }
      case "read":
      case "quiz": {
        const started = await tutor.startQuiz(learnerId, next.lessonId, next.stage);
        return started.ok
          ? questionView(ctx, started.value, {
              notice:
                next.kind === "read"
                  ? `📘 Tip: \`/learn lesson:${next.lessonId}\` first. ${next.message}`
                  : undefined,
            })
          : refusalView(ctx, started);
      }
      case "done":
        return { content: `🏆 ${next.message}` };
    }
  },
  autocomplete: (ctx, interaction) => autocompleteLesson(ctx.tutor, interaction),
};
