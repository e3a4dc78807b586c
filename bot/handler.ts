/**
 * The central interaction handler: routes commands, autocomplete, buttons, selects and modals; acknowledges every
 * interaction exactly once and early; and is the one error boundary ("something went wrong", with an id in the log).
 */

import { randomBytes } from "node:crypto";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
} from "discord.js";
import type { SlashCommand } from "./commands/command.js";
import { parseCustomId } from "./components/custom-id.js";
import type { ComponentInput, ComponentRoute } from "./components/route.js";
import { type BotContext, learnerIdOf } from "./context.js";
import { Inflight } from "./inflight.js";
import { describeFailure, isInteractionGone } from "./render/errors.js";
import { fitChoices, fitMessage, fitModal, type View } from "./render/view.js";

export interface Registry {
  commands: ReadonlyMap<string, SlashCommand>;
  routes: ReadonlyMap<string, ComponentRoute>;
}

export interface InteractionHandler {
  /** Handles one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void>;
  /** Resolves when every interaction taken so far is finished. */
  idle(): Promise<void>;
  /** Stops taking interactions (new ones are told the tutor is restarting) and waits for the running ones. */
  close(): Promise<void>;
}

/** How far the interaction has been answered: the error boundary must not answer it a second time. */
type Ack = "none" | "deferred-ephemeral" | "deferred-public" | "deferred-update" | "answered";

const EPHEMERAL = MessageFlags.Ephemeral;
const RESTARTING = "The tutor is restarting. Try again in a minute; your progress is saved.";

export function createInteractionHandler(ctx: BotContext, registry: Registry): InteractionHandler {
  const inflight = new Inflight();

  async function handle(interaction: Interaction): Promise<void> {
    // A replayed dispatch must not be answered twice.
    if (!inflight.firstTime(interaction.id)) return;

    const state = { ack: "none" as Ack };
    try {
      if (inflight.closing) return await refuseWhileClosing(interaction);
      if (interaction.isChatInputCommand()) await runCommand(interaction, state);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction);
      else if (interaction.isMessageComponent() || interaction.isModalSubmit())
        await runComponent(interaction, state);
    } catch (error) {
      await boundary(interaction, state.ack, error);
    }
  }

  async function refuseWhileClosing(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) {
      await interaction.reply({ ...fitMessage({ content: RESTARTING }), flags: EPHEMERAL });
    }
  }

  async function runCommand(interaction: ChatInputCommandInteraction, state: { ack: Ack }): Promise<void> {
    const command = registry.commands.get(interaction.commandName);
    const refusal = command
      ? (commandRefusal(command, interaction) ?? command.admit?.(ctx, interaction))
      : unknownCommand(interaction.commandName);
    if (refusal) {
      await interaction.reply({ ...fitMessage({ content: refusal }), flags: EPHEMERAL });
      state.ack = "answered";
      return;
    }
    const cmd = command as SlashCommand;
    const ephemeral = typeof cmd.ephemeral === "function" ? cmd.ephemeral(interaction) : cmd.ephemeral;
    await interaction.deferReply(ephemeral ? { flags: EPHEMERAL } : {});
    state.ack = ephemeral ? "deferred-ephemeral" : "deferred-public";
    const view = await cmd.execute(ctx, interaction);
    await interaction.editReply(fitMessage(view));
    state.ack = "answered";
    // Reminders the tutor had to switch off (closed direct messages) are told on the member's next command.
    const notice = await ctx.tutor.reminderNotice(learnerIdOf(interaction.user.id));
    if (notice) await interaction.followUp({ ...fitMessage({ content: notice }), flags: EPHEMERAL });
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = registry.commands.get(interaction.commandName);
    const choices = command?.autocomplete ? await command.autocomplete(ctx, interaction) : [];
    await interaction.respond(fitChoices(choices));
  }

  async function runComponent(
    interaction: MessageComponentInteraction | ModalSubmitInteraction,
    state: { ack: Ack },
  ): Promise<void> {
    const { route: key, args } = parseCustomId(interaction.customId);
    const route = registry.routes.get(key);
    if (!route) {
      await interaction.reply({
        ...fitMessage({
          content:
            "This button belongs to an older version of the tutor. Run `/quiz` or `/learn` again to carry on.",
        }),
        flags: EPHEMERAL,
      });
      state.ack = "answered";
      return;
    }
    const input = readInput(interaction, args);
    if (route.ack === "modal") {
      const out = route.run(ctx, input);
      if (out instanceof ModalBuilder) {
        if (interaction.isModalSubmit()) throw new Error(`route ${key} opens a modal from a modal`);
        await interaction.showModal(fitModal(out));
      } else if (interaction.isMessageComponent()) await interaction.update(fitMessage(out));
      else await interaction.reply({ ...fitMessage(out), flags: EPHEMERAL });
      state.ack = "answered";
      return;
    }
    const updates =
      route.ack === "update" && (interaction.isMessageComponent() || interaction.isFromMessage());
    if (updates) {
      await interaction.deferUpdate();
      state.ack = "deferred-update";
    } else {
      await interaction.deferReply({ flags: EPHEMERAL });
      state.ack = "deferred-ephemeral";
    }
    const view: View = await route.run(ctx, input);
    await interaction.editReply(fitMessage(view));
    state.ack = "answered";
  }

  async function boundary(interaction: Interaction, ack: Ack, error: unknown): Promise<void> {
    const errorId = randomBytes(4).toString("hex");
    ctx.log.error("interaction failed", { errorId, ...describeInteraction(interaction), ack, error });
    if (isInteractionGone(error)) return;
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      const message = fitMessage({ content: describeFailure(error, errorId) });
      switch (ack) {
        case "none":
          await interaction.reply({ ...message, flags: EPHEMERAL });
          break;
        case "deferred-ephemeral":
          await interaction.editReply(message);
          break;
        case "deferred-public":
          // The deferred answer is public: remove it and say it to the member alone.
          await interaction.deleteReply();
          await interaction.followUp({ ...message, flags: EPHEMERAL });
          break;
        default:
          await interaction.followUp({ ...message, flags: EPHEMERAL });
      }
    } catch (secondary) {
      ctx.log.error("could not tell the member about a failure", { errorId, error: secondary });
    }
  }

  return {
    handle: (interaction) => inflight.track(handle(interaction)),
    idle: () => inflight.idle(),
    close: () => inflight.close(),
  };
}

function commandRefusal(command: SlashCommand, interaction: ChatInputCommandInteraction): string | undefined {
  if (command.guildOnly && !interaction.inGuild()) {
    return `\`/${command.data.name}\` works in a server, where it shows that server's members.`;
  }
  if (command.requires && !interaction.memberPermissions?.has(command.requires.flag)) {
    return `Only members with the ${command.requires.name} permission can use \`/${command.data.name}\`.`;
  }
  return undefined;
}

function unknownCommand(name: string): string {
  return `\`/${name}\` is not a command of this version of the tutor. A server admin can run \`npm run bot:deploy\` to refresh the list.`;
}

function readInput(
  interaction: MessageComponentInteraction | ModalSubmitInteraction,
  args: string[],
): ComponentInput {
  const fields: Record<string, string> = {};
  if (interaction.isModalSubmit()) {
    for (const field of interaction.fields.fields.values()) {
      if ("value" in field && typeof field.value === "string") fields[field.customId] = field.value;
    }
  }
  return {
    userId: interaction.user.id,
    learnerId: learnerIdOf(interaction.user.id),
    guildId: interaction.guildId ?? undefined,
    args,
    values: interaction.isStringSelectMenu() ? [...interaction.values] : [],
    fields,
  };
}

function describeInteraction(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    user: interaction.user.id,
    guild: interaction.guildId ?? undefined,
    what: interaction.isCommand()
      ? `/${interaction.commandName}`
      : interaction.isAutocomplete()
        ? `autocomplete /${interaction.commandName}`
        : interaction.customId,
  };
}
