/**
 * An answer to a question (/ask or a mention): what the lessons say, or a model's answer written from them, with
 * the passages as numbered sources and buttons that open their stages for whoever presses them.
 */
import {
  ActionRowBuilder,
  type APIEmbed,
  type APIEmbedField,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import type { AskResult, Passage } from "../../engine/index.js";
import { customId, refOf } from "../components/custom-id.js";
import { COLORS } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { clipMarkdown, toDiscordMarkdown } from "./markdown.js";
import { userText } from "./user-text.js";
import type { Row, View } from "./view.js";

export interface AnswerOptions {
  /** Repeat the question above the answer: the channel does not see a slash command's options. */
  echo?: boolean;
}

/** A model's answer, and each source: together well inside the 6,000 of a message (at most 5 sources). */
const ANSWER_CHARS = 2400;
const SOURCE_CHARS = 500;
const PRIVATE_NOTE = "The buttons open a lesson stage that only the member who presses them sees.";

function sourceField(passage: Passage, index: number): APIEmbedField {
  const heading = passage.heading && passage.heading !== passage.stageTitle ? `**${passage.heading}**\n` : "";
  return {
    name: truncate(
      `[${index + 1}] ${passage.lessonTitle} · Stage ${passage.stage}: ${passage.stageTitle}`,
      LIMITS.fieldName,
    ),
    value: truncate(`${heading}${passage.excerpt}`, SOURCE_CHARS) || "—",
  };
}

/** One button per lesson stage among the sources, in their order; the first is the one to study. */
function studyRow(passages: readonly Passage[]): Row | undefined {
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const passage of passages) {
    const key = `${passage.lessonId}#${passage.stage}`;
    if (seen.has(key) || buttons.length >= LIMITS.buttonsPerRow) continue;
    seen.add(key);
    const first = buttons.length === 0;
    const where = `${passage.lessonTitle}, stage ${passage.stage}`;
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customId("learn", "open", refOf(passage.lessonId), passage.stage))
        .setLabel(truncate(first ? `Study this: ${where}` : where, LIMITS.buttonLabel))
        .setStyle(first ? ButtonStyle.Primary : ButtonStyle.Secondary),
    );
  }
  return buttons.length
    ? new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons)
    : undefined;
}

/** Not covered: a button per closest lesson, opening it at the presser's own stage. */
function closestRow(lessons: AskResult["lessons"]): Row | undefined {
  const buttons = lessons.slice(0, LIMITS.buttonsPerRow).map((lesson) =>
    new ButtonBuilder()
      .setCustomId(customId("learn", "open", refOf(lesson.id)))
      .setLabel(truncate(`Open ${lesson.title}`, LIMITS.buttonLabel))
      .setStyle(ButtonStyle.Secondary),
  );
  return buttons.length
    ? new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons)
    : undefined;
}

function answerEmbed(result: AskResult): APIEmbed {
  const fields = result.passages.map(sourceField);
  if (result.answer !== undefined) {
    return {
      color: COLORS.brand,
      title: "Answer",
      description: clipMarkdown(toDiscordMarkdown(result.answer), ANSWER_CHARS) || "—",
      fields,
      footer: {
        text: `Written by ${result.model?.name ?? "a language model"} from the numbered sources only: check them in the lessons. ${PRIVATE_NOTE}`,
      },
    };
  }
  return {
    color: COLORS.brand,
    title: "From the lessons",
    description: result.message,
    fields,
    footer: { text: PRIVATE_NOTE },
  };
}

export function renderAnswer(result: AskResult, options: AnswerOptions = {}): View {
  // The member's own words, quoted and escaped: they post under the bot's name.
  const content = options.echo
    ? `> ${userText(result.question, LIMITS.content - 2).replaceAll("\n", "\n> ")}`
    : "";
  if (!result.confident) {
    const row = closestRow(result.lessons);
    return {
      content,
      embeds: [
        {
          color: COLORS.muted,
          title: "Not in the lessons",
          description: `${result.message}\nTry other words, or see every lesson with \`/lessons\`.`,
        },
      ],
      ...(row ? { components: [row] } : {}),
    };
  }
  const row = studyRow(result.passages);
  return { content, embeds: [answerEmbed(result)], ...(row ? { components: [row] } : {}) };
}
