/** /lessons: every lesson with the caller's stage marks, in pages that fit one message. */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import type { CatalogEntry } from "../../engine/index.js";
import { customId } from "../components/custom-id.js";
import { COLORS, stageMarks } from "./format.js";
import { truncate } from "./limits.js";
import { clampPage } from "./pages.js";
import type { View } from "./view.js";

/** Characters of lesson lines per page: one embed description, well inside 4,096. */
const PAGE_CHARS = 3500;

function entryLines(entry: CatalogEntry, position: number): string {
  const state = entry.completed
    ? "all six stages passed"
    : `on stage ${entry.currentStage}: ${entry.stages[entry.currentStage - 1]?.title ?? ""}`;
  const before =
    !entry.prerequisitesMet && entry.prerequisites.length
      ? `\n   ↳ best after: ${entry.prerequisites.map((p) => `\`${p}\``).join(", ")}`
      : "";
  return `**${position}. ${entry.title}** \`${entry.id}\`\n   ${stageMarks(entry.stages)} ${entry.passedStages}/6 · ${state}\n   ${truncate(entry.summary, 200)}${before}`;
}

export function catalogPages(entries: readonly CatalogEntry[]): string[] {
  const pages: string[] = [];
  let page = "";
  entries.forEach((entry, i) => {
    const text = entryLines(entry, i + 1);
    if (page && page.length + text.length + 2 > PAGE_CHARS) {
      pages.push(page);
      page = "";
    }
    page = page ? `${page}\n\n${text}` : text;
  });
  if (page) pages.push(page);
  return pages;
}

export function renderCatalog(entries: readonly CatalogEntry[], requestedPage = 0): View {
  if (entries.length === 0) return { content: "There are no lessons yet." };
  const pages = catalogPages(entries);
  const page = clampPage(requestedPage, pages.length);
  const passed = entries.reduce((sum, e) => sum + e.passedStages, 0);
  const view: View = {
    embeds: [
      {
        color: COLORS.brand,
        title: "Lessons",
        description: pages[page],
        footer: {
          text: `${passed} of ${entries.length * 6} stages passed · ✅ passed 🔓 open 🔒 locked · /learn <lesson> to read, /quiz to answer${pages.length > 1 ? ` · page ${page + 1} of ${pages.length}` : ""}`,
        },
      },
    ],
  };
  if (pages.length > 1) {
    view.components = [
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(customId("lessons", "page", Math.max(0, page - 1)))
          .setLabel("◀ Previous")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page === 0),
        new ButtonBuilder()
          .setCustomId(customId("lessons", "page", Math.min(pages.length - 1, page + 1), "next"))
          .setLabel("Next ▶")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page >= pages.length - 1),
      ),
    ];
  }
  return view;
}
