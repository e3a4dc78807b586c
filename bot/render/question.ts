/**
 * One question of a quiz or review, and the controls to answer it: buttons for single choice and true/false,
 * a select menu for multiple choice, a sequence of selects for ordering, and a button opening a modal for text.
 */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  type MessageActionRowComponentBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { type Question, type QuizState, stageTitle } from "../../engine/index.js";
import { customId, refOf } from "../components/custom-id.js";
import { COLORS, letter } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { clipMarkdown, toDiscordMarkdown } from "./markdown.js";
import type { Row, View } from "./view.js";

/** Most options shown as buttons: four rows of five, leaving the fifth row for hint and end. */
const MAX_OPTION_BUTTONS = 20;
/** Longest option text that still goes on its button rather than only its letter. */
const SHORT_OPTION = 30;
/** Text answers: explain answers may be long (Discord's modal maximum); short and numeric answers are short. */
export const TEXT_LIMITS = { explain: LIMITS.textInputValue, other: 300 } as const;
export const ANSWER_FIELD = "answer";

export interface QuestionOptions {
  /** The lesson's title, for the footer. */
  lessonTitle?: string;
  /** The hint is on show (and the answer will be recorded as hinted). */
  hint?: boolean;
  /** Order questions: item indices placed so far. */
  order?: number[];
  /** A line above the question (e.g. why it is shown again). */
  notice?: string;
}

export function hintFlag(hint: boolean | undefined): string {
  return hint ? "1" : "0";
}

/** Order positions travel in the custom id as one base-36 character per item (items are at most 25). */
export function encodeOrder(order: readonly number[]): string {
  return order.map((i) => i.toString(36)).join("");
}

export function decodeOrder(text: string | undefined): number[] {
  return [...(text ?? "")].map((c) => Number.parseInt(c, 36)).filter((n) => Number.isInteger(n));
}

function kindLine(question: Question): string {
  switch (question.type) {
    case "single":
      return "Pick one.";
    case "true-false":
      return "True or false?";
    case "multiple":
      return "Select all that apply.";
    case "order":
      return "Put the items in order, one pick at a time.";
    case "numeric":
      return question.unit ? `Answer with a number (in ${question.unit}).` : "Answer with a number.";
    case "short":
      return "Answer in a word or a few.";
    case "explain":
      return "Explain in your own words.";
  }
}

export function renderQuestion(state: QuizState, options: QuestionOptions = {}): View {
  const question = state.question;
  if (!question) return { content: "This quiz is finished." };
  const where =
    state.mode === "review"
      ? `Review · ${options.lessonTitle ?? question.lessonId}`
      : `${options.lessonTitle ?? question.lessonId} · Stage ${question.stage}: ${stageTitle(question.stage)}`;
  const prompt = clipMarkdown(toDiscordMarkdown(question.prompt), 3000);
  const body = questionBody(question, options.order ?? []);
  const embeds: APIEmbed[] = [
    {
      color: COLORS.brand,
      title: `Question ${state.index + 1} of ${state.total}`,
      description:
        body && prompt.length + body.length + 2 <= LIMITS.description ? `${prompt}\n\n${body}` : prompt,
      footer: { text: truncate(`${where} · ${kindLine(question)}`, LIMITS.footer) },
    },
  ];
  if (body && prompt.length + body.length + 2 > LIMITS.description) {
    embeds.push({ color: COLORS.brand, description: truncate(body, LIMITS.description) });
  }
  if (options.hint && question.hint) {
    embeds.push({
      color: COLORS.partial,
      title: "💡 Hint",
      description: clipMarkdown(toDiscordMarkdown(question.hint), 1000),
    });
  }
  return {
    ...(options.notice ? { content: options.notice } : {}),
    embeds,
    components: [...answerRows(question, options), controlRow(question, options)],
  };
}

function questionBody(question: Question, order: number[]): string {
  switch (question.type) {
    case "single":
    case "multiple":
      return question.options.map((o, i) => `**${letter(i)}.** ${o.text}`).join("\n");
    case "order": {
      const placed = order.map((item, i) => `${i + 1}. ${question.items[item] ?? "?"}`);
      const left = question.shuffled.filter((i) => !order.includes(i)).map((i) => `• ${question.items[i]}`);
      return [
        placed.length ? `**Your order so far**\n${placed.join("\n")}` : "",
        left.length ? `**Still to place**\n${left.join("\n")}` : "",
      ]
        .filter(Boolean)
        .join("\n\n");
    }
    default:
      return "";
  }
}

function answerRows(question: Question, options: QuestionOptions): Row[] {
  const ref = refOf(question.id);
  const h = hintFlag(options.hint);
  switch (question.type) {
    case "single":
    case "true-false": {
      if (question.options.length > MAX_OPTION_BUTTONS) return [pickMenu(question.options, ref, h, 1)];
      const short =
        question.type === "true-false" || question.options.every((o) => o.text.length <= SHORT_OPTION);
      const buttons = question.options.map((o, i) =>
        new ButtonBuilder()
          .setCustomId(customId("quiz", "choice", ref, h, i))
          .setLabel(
            question.type === "true-false"
              ? truncate(o.text, LIMITS.buttonLabel)
              : short
                ? truncate(`${letter(i)}. ${o.text}`, LIMITS.buttonLabel)
                : letter(i),
          )
          .setStyle(ButtonStyle.Primary),
      );
      const rows: Row[] = [];
      for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
        rows.push(
          new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
            buttons.slice(i, i + LIMITS.buttonsPerRow),
          ),
        );
      }
      return rows;
    }
    case "multiple":
      return [pickMenu(question.options, ref, h, question.options.length)];
    case "order": {
      const order = options.order ?? [];
      const left = question.shuffled.filter((i) => !order.includes(i));
      const rows: Row[] = [
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId(customId("quiz", "order", ref, h, encodeOrder(order)))
            .setPlaceholder(
              order.length === 0 ? "Which comes first?" : `Which comes next? (position ${order.length + 1})`,
            )
            .addOptions(
              left.slice(0, LIMITS.selectOptions).map((i) => ({
                label: truncate(question.items[i] ?? "?", LIMITS.selectLabel),
                value: String(i),
              })),
            ),
        ),
      ];
      if (order.length > 0) {
        rows.push(
          new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId(customId("quiz", "reorder", ref, h))
              .setLabel("Start the order over")
              .setStyle(ButtonStyle.Secondary),
          ),
        );
      }
      return rows;
    }
    default:
      return [
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(customId("quiz", "write", ref, h))
            .setLabel(question.type === "explain" ? "Write your answer" : "Answer")
            .setEmoji("✍️")
            .setStyle(ButtonStyle.Primary),
        ),
      ];
  }
}

function pickMenu(
  choices: readonly { text: string }[],
  ref: string,
  h: string,
  max: number,
): ActionRowBuilder<MessageActionRowComponentBuilder> {
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(customId("quiz", "pick", ref, h))
      .setPlaceholder(max > 1 ? "Select all that apply" : "Pick one")
      .setMinValues(1)
      .setMaxValues(Math.min(max, LIMITS.selectOptions))
      .addOptions(
        choices.slice(0, LIMITS.selectOptions).map((o, i) => ({
          label: truncate(`${letter(i)}. ${o.text}`, LIMITS.selectLabel),
          value: String(i),
        })),
      ),
  );
}

function controlRow(question: Question, options: QuestionOptions): Row {
  const row = new ActionRowBuilder<MessageActionRowComponentBuilder>();
  if (question.hint && !options.hint) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("quiz", "hint", refOf(question.id)))
        .setLabel("Hint")
        .setEmoji("💡")
        .setStyle(ButtonStyle.Secondary),
    );
  }
  row.addComponents(
    new ButtonBuilder()
      .setCustomId(customId("quiz", "end"))
      .setLabel("End quiz")
      .setStyle(ButtonStyle.Danger),
  );
  return row;
}

/** What a text answer is called, by question type and stage (stages 2, 4 and 6 go to the journal). */
export function answerLabel(question: Question): string {
  if (question.type === "explain") {
    if (question.stage === 2) return "Your explanation";
    if (question.stage === 4) return "Your design proposal";
    if (question.stage === 6) return "Your reflection";
    return "Your explanation";
  }
  if (question.type === "numeric" && question.unit) return truncate(`Your answer (${question.unit})`, 45);
  return "Your answer";
}

export function textLimit(question: Question): number {
  return question.type === "explain" ? TEXT_LIMITS.explain : TEXT_LIMITS.other;
}

/** The modal for short, numeric and explain answers; the question's prompt is shown inside it. */
export function answerModal(question: Question, hint: boolean, lessonTitle: string): ModalBuilder {
  const journal = question.type === "explain" && [2, 4, 6].includes(question.stage);
  return new ModalBuilder()
    .setCustomId(customId("quiz", "text", refOf(question.id), hintFlag(hint)))
    .setTitle(truncate(lessonTitle, LIMITS.modalTitle))
    .addTextDisplayComponents(
      new TextDisplayBuilder().setContent(clipMarkdown(toDiscordMarkdown(question.prompt), 3000)),
    )
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(answerLabel(question))
        .setDescription(
          journal
            ? "Saved to your journal. Plain words beat jargon."
            : question.type === "numeric"
              ? "A number, e.g. 4096 or 0.5"
              : "A word or a short phrase",
        )
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(ANSWER_FIELD)
            .setStyle(question.type === "explain" ? TextInputStyle.Paragraph : TextInputStyle.Short)
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(textLimit(question)),
        ),
    );
}
