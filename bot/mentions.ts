/**
 * A message that mentions the bot is a question: answered in a reply where it was asked (a channel or a thread).
 * Discord sends a bot the text of messages that mention it without the privileged Message Content intent; the
 * text of every other message arrives empty and is never looked at. Only a mention typed in the text counts: not
 * a reply that pings the bot, not @everyone, not the bot's role. Bots (the bot itself too) are ignored.
 * Like the interaction handler, this is an error boundary of its own and finishes its work before shutdown.
 */

import { randomBytes } from "node:crypto";
import { DiscordAPIError, type Message, RESTJSONErrorCodes } from "discord.js";
import type { BotContext } from "./context.js";
import { Inflight } from "./inflight.js";
import { admitQuestion, answerQuestion, questionText } from "./questions.js";
import { describeFailure } from "./render/errors.js";
import { fitMessage, type View } from "./render/view.js";

export interface MessageHandler {
  /** Handles one message; never rejects. */
  handle(message: Message): Promise<void>;
  /** Resolves when every message taken so far is answered. */
  idle(): Promise<void>;
  /** Stops taking messages and waits for the running answers. */
  close(): Promise<void>;
}

/** Discord will not take a message from the bot here: answering the failure would fail the same way. */
const CANNOT_POST: readonly number[] = [
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.CannotReplyWithoutPermissionToReadMessageHistory,
];

/** A question for the bot: a member's message in a server whose text mentions the bot. */
export function isQuestion(message: Message): message is Message<true> {
  const me = message.client.user;
  if (!me || message.author.id === me.id || message.author.bot || message.webhookId || message.system)
    return false;
  // Direct messages are not delivered (no DirectMessages intent); /ask works there.
  if (!message.inGuild()) return false;
  return message.mentions.users.has(me.id) && new RegExp(`<@!?${me.id}>`).test(message.content);
}

export function createMentionHandler(ctx: BotContext): MessageHandler {
  const inflight = new Inflight();

  async function handle(message: Message): Promise<void> {
    if (inflight.closing || !isQuestion(message)) return;
    // A replayed dispatch must not be answered twice.
    if (!inflight.firstTime(message.id)) return;
    try {
      const admitted = admitQuestion(ctx, message.author.id, questionText(message.content), "mention");
      if (!admitted.ok) {
        if (!admitted.quiet) await reply(message, { content: admitted.reason });
        return;
      }
      // A model can take seconds: show that the bot is writing. Nothing is lost if Discord refuses it.
      if (ctx.tutor.usesModel) void message.channel.sendTyping().catch(() => undefined);
      await reply(message, await answerQuestion(ctx, admitted.question));
    } catch (error) {
      await boundary(message, error);
    }
  }

  async function boundary(message: Message<true>, error: unknown): Promise<void> {
    const errorId = randomBytes(4).toString("hex");
    const where = { errorId, messageId: message.id, user: message.author.id, guild: message.guildId };
    if (error instanceof DiscordAPIError && CANNOT_POST.includes(Number(error.code))) {
      ctx.log.warn(
        "could not answer a mention: give the bot View Channel, Send Messages (in Threads), Embed Links and Read Message History there (docs/discord.md)",
        { ...where, channel: message.channelId, code: error.code, error: error.message },
      );
      return;
    }
    ctx.log.error("question failed", { ...where, error });
    try {
      await reply(message, { content: describeFailure(error, errorId) });
    } catch (secondary) {
      ctx.log.error("could not tell the member about a failure", { errorId, error: secondary });
    }
  }

  return {
    handle: (message) => inflight.track(handle(message)),
    idle: () => inflight.idle(),
    close: () => inflight.close(),
  };
}

/** A reply that pings nobody: neither what it quotes nor the member who asked (they are looking at it). */
function reply(message: Message<true>, view: View): Promise<unknown> {
  return message.reply({ ...fitMessage(view), allowedMentions: { parse: [], repliedUser: false } });
}
