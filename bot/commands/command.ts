/** The shape of one slash command module: its definition, how it is acknowledged, and what it does. */
import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotContext } from "../context.js";
import type { View } from "../render/view.js";

export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** A permission the member must hold: checked when run as well as set at registration (admins can change the latter). */
  requires?: { flag: bigint; name: string };
  /** Works only in a server (per-server data). */
  guildOnly?: boolean;
  /**
   * A last check before the deferral (after the permission and server checks), e.g. a rate limit: the refusal it
   * returns goes to the member alone, even for a command that answers publicly. Undefined lets the command run.
   */
  admit?(ctx: BotContext, interaction: ChatInputCommandInteraction): string | undefined;
  /** Whether the answer is visible only to the caller. The handler defers with it before `execute`. */
  ephemeral: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
  execute(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<View>;
  autocomplete?(
    ctx: BotContext,
    interaction: AutocompleteInteraction,
  ): Promise<ApplicationCommandOptionChoiceData<string | number>[]>;
}
