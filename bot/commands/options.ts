/** Options several commands share: the lesson (autocompleted by id and title) and the stage. */
import {
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from "discord.js";
import { type Lesson, type Result, STAGES, type Tutor } from "../../engine/index.js";
import { LIMITS, truncate } from "../render/limits.js";

export const LESSON = "lesson";
export const STAGE = "stage";

export function lessonOption(required: boolean, description: string) {
  return (option: SlashCommandStringOption) =>
    option
      .setName(LESSON)
      .setDescription(description)
      .setRequired(required)
      .setAutocomplete(true)
      .setMaxLength(100);
}

export function stageOption(description: string) {
  return (option: SlashCommandIntegerOption) =>
    option
      .setName(STAGE)
      .setDescription(description)
      .setRequired(false)
      .addChoices(...STAGES.map((s) => ({ name: `${s.stage}. ${s.title}`, value: s.stage })));
}

/** Personal commands work in servers and in a direct message with the bot. */
export function personal(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
}

/** Lessons whose id or title contains what was typed; those starting with it first. */
export function lessonChoices(tutor: Tutor, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.trim().toLowerCase();
  const score = (lesson: Lesson): number => {
    const id = lesson.id.toLowerCase();
    const title = lesson.title.toLowerCase();
    if (!query) return 1;
    if (id.startsWith(query) || title.startsWith(query)) return 3;
    if (id.includes(query) || title.includes(query)) return 2;
    return 0;
  };
  return tutor
    .lessons()
    .map((lesson, order) => ({ lesson, order, score: score(lesson) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, LIMITS.autocompleteChoices)
    .map(({ lesson }) => ({
      name: truncate(`${lesson.title} (${lesson.id})`, LIMITS.choiceName),
      value: lesson.id,
    }));
}

export async function autocompleteLesson(
  tutor: Tutor,
  interaction: AutocompleteInteraction,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const focused = interaction.options.getFocused(true);
  return focused.name === LESSON ? lessonChoices(tutor, String(focused.value)) : [];
}

/** The lesson the member named: by id (autocomplete fills it in) or by a title fragment typed by hand. */
export function lessonFrom(
  tutor: Tutor,
  interaction: ChatInputCommandInteraction,
): Result<Lesson> | undefined {
  const text = interaction.options.getString(LESSON);
  return text ? tutor.findLesson(text) : undefined;
}
