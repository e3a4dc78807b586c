/**
 * What a command or component hands back, and the last check before anything goes out to Discord: every
 * message, form and autocomplete list passes through here, so here control characters are taken out of all of
 * it (content and members' text alike), before the limits are measured. Escaping a member's markdown is
 * user-text.ts's, done where the text is placed.
 */
import type {
  ActionRowBuilder,
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIModalInteractionResponseCallbackData,
  ApplicationCommandOptionChoiceData,
  MessageActionRowComponentBuilder,
  ModalBuilder,
} from "discord.js";
import { stripControls, withoutControls } from "../../engine/index.js";
import { LIMITS, truncate } from "./limits.js";

export type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;

/** A file to attach: a picture (with its alt text) or a download. */
export interface ViewFile {
  name: string;
  data: Buffer;
  /** Alt text, read by screen readers. */
  description?: string;
}

export interface View {
  content?: string;
  embeds?: APIEmbed[];
  components?: Row[];
  files?: ViewFile[];
}

export interface OutgoingMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: { parse: [] };
  /** Only when the view has files: a message without them keeps the JSON body it always had. */
  files?: { attachment: Buffer; name: string; description?: string }[];
}

/** Files within Discord's limits: at most 10, none over the upload limit, plain names. Callers check sizes first. */
function fitFiles(files: readonly ViewFile[]): OutgoingMessage["files"] {
  return files
    .filter((file) => file.data.length <= LIMITS.attachmentBytes)
    .slice(0, LIMITS.attachments)
    .map((file) => ({
      attachment: file.data,
      name: file.name.replace(/[^\w.-]/g, "_").slice(0, 100) || "file",
      ...(file.description
        ? { description: truncate(stripControls(file.description), LIMITS.attachmentDescription) }
        : {}),
    }));
}

/** Characters Discord counts towards the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((field) => ({
      ...field,
      name: truncate(field.name, LIMITS.fieldName) || "\u200b",
      value: truncate(field.value, LIMITS.fieldValue) || "\u200b",
    }));
  }
  return out;
}

/**
 * Enforces every length limit (content, each embed part, 10 embeds, 6,000 in total) and turns mentions off.
 * Renderers already aim inside the limits; this is the guard that makes an oversized message impossible.
 */
export function fitMessage(view: View): OutgoingMessage {
  const embeds: APIEmbed[] = [];
  let total = 0;
  for (const embed of withoutControls(view.embeds ?? [])
    .slice(0, LIMITS.embeds)
    .map(fitEmbed)) {
    const room = LIMITS.embedTotal - total;
    let length = embedLength(embed);
    if (length > room) {
      // Cut the description of the embed that overflows, and stop there.
      const over = length - room;
      const description = embed.description ?? "";
      if (description.length <= over) break;
      embed.description = truncate(description, description.length - over);
      length = embedLength(embed);
      embeds.push(embed);
      total += length;
      break;
    }
    embeds.push(embed);
    total += length;
  }
  return {
    content: truncate(stripControls(view.content ?? ""), LIMITS.content),
    embeds,
    components: (view.components ?? [])
      .slice(0, LIMITS.actionRows)
      .map((row) => withoutControls(row.toJSON())),
    allowedMentions: { parse: [] },
    ...(view.files?.length ? { files: fitFiles(view.files) } : {}),
  };
}

/** A form (its title and labels come from the lessons) as it goes out. */
export function fitModal(modal: ModalBuilder): APIModalInteractionResponseCallbackData {
  return withoutControls(modal.toJSON());
}

/** Autocomplete choices as they go out: at most 25, names within 100 characters. */
export function fitChoices(
  choices: readonly ApplicationCommandOptionChoiceData[],
): ApplicationCommandOptionChoiceData[] {
  return choices.slice(0, LIMITS.autocompleteChoices).map((choice) => ({
    ...choice,
    name: truncate(stripControls(choice.name), LIMITS.choiceName),
  }));
}
