/** /journal: the learner's explanations (stage 2), design proposals (stage 4) and reflections (stage 6). */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import { type JournalEntry, stageTitle } from "../../engine/index.js";
import { customId } from "../components/custom-id.js";
import { COLORS } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { clampPage, packPages } from "./pages.js";
import { RATING_NAMES } from "./self-assess.js";
import { userText } from "./user-text.js";
import type { View } from "./view.js";

const KIND = {
  explanation: "Explanation",
  design: "Design proposal",
  reflection: "Reflection",
  note: "Note",
} as const;

function entryEmbed(entry: JournalEntry, lessonTitle: string): APIEmbed {
  const fields = [];
  if (entry.covered.length)
    fields.push({ name: "Covered", value: truncate(entry.covered.map((c) => `✅ ${c}`).join("\n"), 500) });
  if (entry.missed.length)
    fields.push({
      name: "Missed",
      value: truncate(
        entry.missed
          .map((c) =>
            entry.selfAssessment?.credited.includes(c) ? `☑️ ${c} (covered, self-assessed)` : `❌ ${c}`,
          )
          .join("\n"),
        500,
      ),
    });
  const self = entry.selfAssessment;
  if (self) {
    const disputed = self.disputed.filter((d) => !self.credited.includes(d.text));
    fields.push({
      name: "Self-assessment",
      value: truncate(
        [
          `🧠 Recall rated ${RATING_NAMES[self.rating] ?? self.rating}`,
          ...disputed.map((d) => `📨 Disputed (graded ${d.covered ? "covered" : "missed"}): ${d.text}`),
        ].join("\n"),
        500,
      ),
    });
  }
  return {
    color:
      entry.kind === "reflection" ? COLORS.good : entry.kind === "design" ? COLORS.partial : COLORS.brand,
    title: truncate(
      `${KIND[entry.kind]} · ${lessonTitle} · Stage ${entry.stage}: ${stageTitle(entry.stage)}`,
      LIMITS.title,
    ),
    description: userText(entry.text, 2000) || "—",
    ...(fields.length ? { fields } : {}),
    timestamp: entry.at,
  };
}

/** Newest first, a few entries per page. `scope` is the lesson reference, or `*` for all lessons. */
export function renderJournal(
  entries: readonly JournalEntry[],
  titleOf: (lessonId: string) => string,
  scope: string,
  requestedPage = 0,
): View {
  if (entries.length === 0) {
    return {
      content:
        "Your journal is empty. It fills as you answer the explain questions of stages 2, 4 and 6 (your explanation, your design proposal, your reflection).",
    };
  }
  const embeds = [...entries].reverse().map((e) => entryEmbed(e, titleOf(e.lessonId)));
  const pages = packPages(embeds, 5500, 4);
  const page = clampPage(requestedPage, pages.length);
  const view: View = {
    content: `📓 Your journal: ${entries.length} entr${entries.length === 1 ? "y" : "ies"}, newest first${pages.length > 1 ? ` · page ${page + 1} of ${pages.length}` : ""}.`,
    embeds: pages[page] ?? [],
  };
  if (pages.length > 1) {
    view.components = [
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(customId("journal", "page", scope, Math.max(0, page - 1)))
          .setLabel("◀ Newer")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page === 0),
        new ButtonBuilder()
          .setCustomId(customId("journal", "page", scope, Math.min(pages.length - 1, page + 1), "next"))
          .setLabel("Older ▶")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page >= pages.length - 1),
      ),
    ];
  }
  return view;
}
