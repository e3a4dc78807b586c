/**
 * Wires the engine to a discord.js client: one interaction handler, one handler for messages that mention the bot,
 * and a shutdown that finishes both and the writes.
 */
import { Client, Events, GatewayIntentBits, type Interaction, type Message, Options } from "discord.js";
import type { Tutor } from "../engine/index.js";
import { commands } from "./commands/index.js";
import { routes } from "./components/index.js";
import type { BotContext } from "./context.js";
import { createInteractionHandler, type InteractionHandler } from "./handler.js";
import type { Logger } from "./log.js";
import { createMentionHandler, type MessageHandler } from "./mentions.js";
import { QUESTION_WINDOW_MS, QUESTIONS_PER_MINUTE } from "./questions.js";
import { RateLimiter } from "./rate-limit.js";
import { listenForReload, reloadHere } from "./reload.js";
import { createReminders, type Reminders } from "./reminders.js";

export interface BotOptions {
  tutor: Tutor;
  log: Logger;
  /** The REST API base, e.g. https://discord.com/api (the default) or a self-hosted or test server. */
  apiBase?: string;
  /** The clock of the question rate limit (tests move it). */
  now?: () => Date;
}

export interface Bot {
  client: Client;
  handler: InteractionHandler;
  mentions: MessageHandler;
  /** Daily review reminders by direct message; their clock starts when the bot is connected. */
  reminders: Reminders;
  login(token: string): Promise<void>;
  /** Stops taking interactions and mentions, waits for the running ones and the engine's writes, then disconnects. */
  shutdown(): Promise<void>;
}

export function createClient(apiBase?: string): Client {
  return new Client({
    // Interactions need no intent. Guilds keeps servers, channels and threads cached: names for titles, and the
    // channel a mention comes from. GuildMessages delivers messages; Discord includes their text only when they
    // mention the bot, so the privileged Message Content intent is not needed.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // The bot never looks at a message twice: keep none in memory (GuildMessages delivers every one).
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    // Nothing the bot sends may ping anyone; every reply also sets this explicitly.
    allowedMentions: { parse: [] },
    rest: apiBase ? { api: apiBase } : {},
  });
}

export function createBot(options: BotOptions): Bot {
  const ctx: BotContext = {
    tutor: options.tutor,
    log: options.log,
    questionLimit: new RateLimiter({
      max: QUESTIONS_PER_MINUTE,
      windowMs: QUESTION_WINDOW_MS,
      ...(options.now ? { now: options.now } : {}),
    }),
  };
  const handler = createInteractionHandler(ctx, {
    commands: new Map(commands.map((command) => [command.data.name, command])),
    routes: new Map(routes.map((route) => [route.route, route])),
  });
  const mentions = createMentionHandler(ctx);
  const client = createClient(options.apiBase);
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void handler.handle(interaction);
  });
  client.on(Events.MessageCreate, (message: Message) => {
    void mentions.handle(message);
  });
  client.on(Events.Error, (error) => options.log.error("discord client error", { error }));
  client.on(Events.Warn, (message) => options.log.warn(message));
  const reminders = createReminders(ctx, client);
  // Under the sharding manager, only shard 0 (there is one in every deployment) runs the reminders' clock:
  // direct messages do not depend on the shard, and the claim under the learner's lock keeps a second process
  // (a shard restarting beside its old self) from sending one twice.
  const runsReminders = !client.shard || client.shard.ids.includes(0);
  listenForReload(client, () => reloadHere(options.tutor, options.log, client.shard?.ids[0] ?? 0));
  client.once(Events.ClientReady, (ready) => {
    options.log.info("connected to Discord", {
      as: ready.user.tag,
      dataDir: options.tutor.dataDir,
      ...(client.shard ? { shards: client.shard.ids, of: client.shard.count, reminders: runsReminders } : {}),
    });
    if (runsReminders) reminders.start();
  });

  let stopping: Promise<void> | undefined;
  return {
    client,
    handler,
    mentions,
    reminders,
    async login(token) {
      await client.login(token);
    },
    shutdown() {
      stopping ??= (async () => {
        await Promise.all([handler.close(), mentions.close(), reminders.stop()]);
        await client.destroy();
        await options.tutor.close();
      })();
      return stopping;
    },
  };
}
