/** A lesson stage as pages of embeds, with buttons to page, a menu of every stage (any can be read), and its questions. */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
  StringSelectMenuBuilder,
} from "discord.js";
import type { StageView } from "../../engine/index.js";
import { customId, refOf } from "../components/custom-id.js";
import { COLORS, plural, stageMarks, statusMark } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { splitMarkdown } from "./markdown.js";
import { clampPage, packPages } from "./pages.js";
import type { Row, View } from "./view.js";

/** Room for each section piece: below the 4,096 of a description. */
const PIECE = 2800;
/**
 * Text per page. Discord would take 6,000, but that is several phone screens; a page should read in one sitting.
 * The footer added to each page stays well inside the rest.
 */
const PAGE_BUDGET = 3500;

function sectionEmbeds(view: StageView): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  const sections = view.sections.length
    ? view.sections
    : [{ heading: view.title, depth: 2, markdown: view.markdown, line: 0 }];
  for (const section of sections) {
    const pieces = splitMarkdown(section.markdown, PIECE);
    if (pieces.length === 0 && section.depth === 2) continue;
    (pieces.length ? pieces : [""]).forEach((piece, i) => {
      const heading = i === 0 ? section.heading : `${section.heading} (continued)`;
      embeds.push({
        color: COLORS.brand,
        title: truncate(heading, LIMITS.title),
        ...(piece ? { description: piece } : {}),
      });
    });
  }
  if (embeds.length === 0) embeds.push({ color: COLORS.muted, description: "This stage has no text yet." });
  const sources = view.lesson.sources;
  if (sources.length > 0) {
    embeds.push({
      color: COLORS.muted,
      title: "Sources",
      description: truncate(sources.map((url) => `• ${url}`).join("\n"), 1000),
    });
  }
  return embeds;
}

/** "5 questions", or "9 questions, 5 per attempt" when an attempt draws from a larger pool. */
function questionsText(view: StageView): string {
  const pool = plural(view.questionCount, "question");
  return view.asked < view.questionCount ? `${pool}, ${view.asked} per attempt` : pool;
}

export function stagePages(view: StageView): APIEmbed[][] {
  return packPages(sectionEmbeds(view), PAGE_BUDGET);
}

export function renderStage(view: StageView, requestedPage = 0, notice?: string): View {
  const pages = stagePages(view);
  const page = clampPage(requestedPage, pages.length);
  const embeds = (pages[page] ?? []).map((embed) => ({ ...embed }));
  const last = embeds.at(-1);
  if (last) {
    last.footer = {
      text: `Page ${page + 1} of ${pages.length} · Stage ${view.stage} of 6 · ${questionsText(view)}`,
    };
  }
  const header = `📘 **${view.lesson.title}** · Stage ${view.stage} of 6: **${view.title}** ${statusMark(view.status)}\n${stageMarks(view.stages)}`;
  return {
    content: notice ? `${notice}\n${header}` : header,
    embeds,
    components: stageComponents(view, page, pages.length),
  };
}

function stageComponents(view: StageView, page: number, pageCount: number): Row[] {
  const ref = refOf(view.lesson.id);
  const rows: Row[] = [];
  if (pageCount > 1) {
    rows.push(
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(customId("learn", "page", ref, view.stage, Math.max(0, page - 1)))
          .setLabel("◀ Previous")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page === 0),
        new ButtonBuilder()
          .setCustomId(customId("learn", "page", ref, view.stage, page, "here"))
          .setLabel(`Page ${page + 1} of ${pageCount}`)
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(true),
        new ButtonBuilder()
          .setCustomId(customId("learn", "page", ref, view.stage, Math.min(pageCount - 1, page + 1)))
          .setLabel("Next ▶")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page >= pageCount - 1),
      ),
    );
  }
  rows.push(
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
      new StringSelectMenuBuilder()
        .setCustomId(customId("learn", "stage", ref))
        .setPlaceholder("Go to another stage")
        .addOptions(
          view.stages.map((s) => ({
            label: truncate(`Stage ${s.stage}: ${s.title}`, LIMITS.selectLabel),
            description: truncate(
              s.status === "passed"
                ? `Passed · ${s.correct}/${s.total} right`
                : s.status === "locked"
                  ? `Locked: read it now, answer after stage ${s.stage - 1}`
                  : `Open · ${s.answered}/${s.total} answered`,
              LIMITS.selectDescription,
            ),
            value: String(s.stage),
            emoji: statusMark(s.status),
            default: s.stage === view.stage,
          })),
        ),
    ),
  );
  const buttons: ButtonBuilder[] = [
    new ButtonBuilder()
      .setCustomId(customId("quiz", "start", ref, view.stage))
      .setLabel(
        view.questionCount === 0
          ? "This stage has no questions"
          : view.status === "locked"
            ? `Questions open after stage ${view.stage - 1}`
            : `Start the stage ${view.stage} questions (${view.asked < view.questionCount ? `${view.asked} of ${view.questionCount}` : view.questionCount})`,
      )
      .setStyle(ButtonStyle.Primary)
      .setDisabled(view.questionCount === 0 || view.status === "locked"),
  ];
  const next = view.stages[view.stage];
  if (next) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customId("learn", "page", ref, next.stage, 0))
        .setLabel(`Read stage ${next.stage}: ${truncate(next.title, 40)} ▶`)
        .setStyle(ButtonStyle.Secondary),
    );
  }
  rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons));
  return rows;
}
