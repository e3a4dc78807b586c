import { SlashCommandBuilder } from "discord.js";
import { learnerIdOf } from "../context.js";
import { refusalText } from "../render/refusal.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const remind: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("remind")
      .setDescription("A direct message when reviews are due, at most once a day"),
  )
    .addSubcommand((sub) =>
      sub
        .setName("on")
        .setDescription("Turn reminders on")
        .addIntegerOption((o) =>
          o
            .setName("hour")
            .setDescription(
              "The hour of the day in your time zone, 0-23 (default: 18, or the hour you chose before)",
            )
            .setMinValue(0)
            .setMaxValue(23),
        ),
    )
    .addSubcommand((sub) => sub.setName("off").setDescription("Turn reminders off")),
  ephemeral: true,
  async execute(ctx, interaction) {
    const learnerId = learnerIdOf(interaction.user.id);
    const on = interaction.options.getSubcommand() === "on";
    const hour = interaction.options.getInteger("hour") ?? undefined;
    const result = await ctx.tutor.setReminders(learnerId, on, hour);
    if (!result.ok) return { content: refusalText(result) };
    if (!on) return { content: "Reminders are off. `/remind on` turns them back on." };
    const { hour: at, timeZone } = result.value;
    const own = (await ctx.tutor.settings(learnerId)).ownTimeZone;
    return {
      content:
        `Reminders are on: a direct message at ${String(at).padStart(2, "0")}:00 ${timeZone} time on days when reviews are due, at most once a day.` +
        (own ? "" : " Not your time zone? Set it with `/settings timezone`.") +
        " Keep direct messages from this server's members open, or the tutor cannot reach you.",
    };
  },
};
