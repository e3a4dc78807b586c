/** Wires the engine to a discord.js client: one interaction handler, and a shutdown that finishes writes. */
import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { Tutor } from "../engine/index.js";
import { commands } from "./commands/index.js";
import { routes } from "./components/index.js";
import type { BotContext } from "./context.js";
import { createInteractionHandler, type InteractionHandler } from "./handler.js";
import type { Logger } from "./log.js";

export interface BotOptions {
  tutor: Tutor;
  log: Logger;
  /** The REST API base, e.g. https://discord.com/api (the default) or a self-hosted or test server. */
  apiBase?: string;
}

export interface Bot {
  client: Client;
  handler: InteractionHandler;
  login(token: string): Promise<void>;
  /** Stops taking interactions, waits for the running ones and the engine's writes, then disconnects. */
  shutdown(): Promise<void>;
}

export function createClient(apiBase?: string): Client {
  return new Client({
    // Interactions need no intent; Guilds keeps server names and channels cached for the replies.
    intents: [GatewayIntentBits.Guilds],
    // Nothing the bot sends may ping anyone; every reply also sets this explicitly.
    allowedMentions: { parse: [] },
    rest: apiBase ? { api: apiBase } : {},
  });
}

export function createBot(options: BotOptions): Bot {
  const ctx: BotContext = { tutor: options.tutor, log: options.log };
  const handler = createInteractionHandler(ctx, {
    commands: new Map(commands.map((command) => [command.data.name, command])),
    routes: new Map(routes.map((route) => [route.route, route])),
  });
  const client = createClient(options.apiBase);
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void handler.handle(interaction);
  });
  client.on(Events.Error, (error) => options.log.error("discord client error", { error }));
  client.on(Events.Warn, (message) => options.log.warn(message));
  client.once(Events.ClientReady, (ready) => {
    options.log.info("connected to Discord", { as: ready.user.tag, dataDir: options.tutor.dataDir });
  });

  let stopping: Promise<void> | undefined;
  return {
    client,
    handler,
    async login(token) {
      await client.login(token);
    },
    shutdown() {
      stopping ??= (async () => {
        await handler.close();
        await client.destroy();
        await options.tutor.close();
      })();
      return stopping;
    },
  };
}
