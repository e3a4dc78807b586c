import { SlashCommandBuilder } from "discord.js";
import { learnerIdOf } from "../context.js";
import { LIMITS, truncate } from "../render/limits.js";
import { refusalText } from "../render/refusal.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const settings: SlashCommand = {
  data: personal(
    new SlashCommandBuilder()
      .setName("settings")
      .setDescription("Your settings: time zone for streaks and reminders"),
  )
    .addSubcommand((sub) =>
      sub
        .setName("timezone")
        .setDescription("Your time zone, for study days, streaks and reminders")
        .addStringOption((o) =>
          o
            .setName("zone")
            .setDescription("An IANA time zone such as Europe/Paris (start typing to pick one)")
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(64),
        ),
    )
    .addSubcommand((sub) => sub.setName("show").setDescription("Show your settings")),
  ephemeral: true,
  async execute(ctx, interaction) {
    const learnerId = learnerIdOf(interaction.user.id);
    if (interaction.options.getSubcommand() === "timezone") {
      const result = await ctx.tutor.setTimeZone(learnerId, interaction.options.getString("zone", true));
      if (!result.ok) return { content: refusalText(result) };
      return {
        content: `Your time zone is now **${result.value.timeZone}**: your study days, streak and reminders follow it.`,
      };
    }
    const s = await ctx.tutor.settings(learnerId);
    const zone = s.ownTimeZone
      ? `**${s.timeZone}**`
      : `**${s.timeZone}** (the tutor's; set yours with \`/settings timezone\`)`;
    const reminders = s.reminders.on
      ? `on, at ${String(s.reminders.hour).padStart(2, "0")}:00 your time (\`/remind off\` to stop)`
      : "off (`/remind on` to get a direct message when reviews are due)";
    return { content: `Time zone: ${zone}\nReminders: ${reminders}` };
  },
  async autocomplete(ctx, interaction) {
    const typed = String(interaction.options.getFocused() ?? "");
    return ctx.tutor
      .timeZones(typed, LIMITS.autocompleteChoices)
      .map((zone) => ({ name: truncate(zone.replace(/_/g, " "), LIMITS.choiceName), value: zone }));
  },
};
