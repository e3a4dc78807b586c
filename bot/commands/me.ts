import { gzipSync } from "node:zlib";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
  SlashCommandBuilder,
} from "discord.js";
import { customId } from "../components/custom-id.js";
import { learnerIdOf } from "../context.js";
import { LIMITS } from "../render/limits.js";
import type { View } from "../render/view.js";
import type { SlashCommand } from "./command.js";
import { personal } from "./options.js";

export const me: SlashCommand = {
  data: personal(
    new SlashCommandBuilder().setName("me").setDescription("Your data: take a copy, or delete it"),
  )
    .addSubcommand((sub) =>
      sub
        .setName("export")
        .setDescription("Everything the tutor keeps about you, as a JSON file only you see"),
    )
    .addSubcommand((sub) =>
      sub.setName("delete").setDescription("Delete everything the tutor keeps about you (asks first)"),
    ),
  ephemeral: true,
  async execute(ctx, interaction) {
    const learnerId = learnerIdOf(interaction.user.id);
    if (interaction.options.getSubcommand() === "export") {
      const data = await ctx.tutor.exportData(learnerId);
      if (!data) return { content: "The tutor keeps nothing about you: there is nothing to export." };
      return exportView(JSON.stringify(data, null, 2), interaction.user.id);
    }
    return {
      content:
        "This deletes everything the tutor keeps about you: progress, answers, reviews, journal, settings and reminders, and your place on every server's leaderboard. It cannot be undone. `/me export` first if you want a copy.",
      components: [
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(customId("me", "delete"))
            .setLabel("Delete everything")
            .setStyle(ButtonStyle.Danger),
          new ButtonBuilder()
            .setCustomId(customId("me", "keep"))
            .setLabel("Keep it")
            .setStyle(ButtonStyle.Secondary),
        ),
      ],
    };
  },
};

/** The export as a file: JSON, or gzipped JSON when the plain file is over Discord's upload limit. */
export function exportView(json: string, userId: string): View {
  const plain = Buffer.from(json, "utf8");
  const name = `six-stages-tutor-${userId}`;
  if (plain.length <= LIMITS.attachmentBytes) {
    return {
      content: "Everything the tutor keeps about you:",
      files: [{ name: `${name}.json`, data: plain }],
    };
  }
  const packed = gzipSync(plain);
  if (packed.length <= LIMITS.attachmentBytes) {
    return {
      content: "Everything the tutor keeps about you, gzipped (it is larger than Discord takes as one file):",
      files: [{ name: `${name}.json.gz`, data: packed }],
    };
  }
  return {
    content:
      "Your data is larger than Discord takes as one file, even compressed. Ask the bot's operator for a copy: it is one file in the tutor's data folder.",
  };
}
