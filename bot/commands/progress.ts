import { SlashCommandBuilder } from "discord.js";
import { learnerIdOf } from "../context.js";
import { renderProgress } from "../render/progress.js";
import { progressAltText, progressPng } from "../render/progress-image.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

const PICTURE = "progress.png";

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
    const card = renderProgress(summary, name, user.id === interaction.user.id);
    // The picture goes with the card when it can be drawn here; its figures are in the card's text and its alt text.
    const png = await progressPng(summary, name).catch((error: unknown) => {
      ctx.log.warn("progress picture not drawn", { error });
      return undefined;
    });
    if (!png) return card;
    const [embed, ...rest] = card.embeds ?? [];
    return {
      ...card,
      embeds: [...(embed ? [{ ...embed, image: { url: `attachment://${PICTURE}` } }] : []), ...rest],
      files: [{ name: PICTURE, data: png, description: progressAltText(summary) }],
    };
  },
};
