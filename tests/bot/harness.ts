/**
 * A real bot (discord.js Client + real engine over a temp data dir) whose REST base points at a local fake Discord.
 * `send` feeds a raw INTERACTION_CREATE payload through the client and returns the HTTP requests it caused;
 * `sendMessage` does the same with MESSAGE_CREATE, after `ready` has given the client what READY and GUILD_CREATE
 * would. The engine's language model is off unless a test gives one (pointing at a local server).
 */

import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Client, ClientUser } from "discord.js";
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteraction,
  APIStringSelectComponent,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
} from "discord-api-types/v10";
import { ComponentType } from "discord-api-types/v10";
import { expect } from "vitest";
import { type Bot, createBot } from "../../bot/app.js";
import { createLogger } from "../../bot/log.js";
import { type LlmConfig, Tutor } from "../../engine/index.js";
import { AS_WRITTEN } from "../helpers/engine.js";
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from "./fake-discord.js";
import { BOT_USER, guildCreate } from "./payloads.js";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures/bot");
export const TOKEN = "test-token-MTAwMDAwMDAwMDAwMDAwMDAx.fake.secret";

export interface Harness {
  discord: FakeDiscord;
  tutor: Tutor;
  bot: Bot;
  dataDir: string;
  contentDir: string;
  logs: string[];
  /** Dispatches the payload as the gateway would, waits until the bot is done with it, returns its requests. */
  send(payload: APIInteraction): Promise<RecordedRequest[]>;
  /** Dispatches the payload without waiting. */
  dispatch(payload: APIInteraction): void;
  /** What READY and GUILD_CREATE give the client: its own user, and the server with its channel and thread. */
  ready(): void;
  /** Dispatches MESSAGE_CREATE (after `ready`), waits until the bot is done with it, returns its requests. */
  sendMessage(payload: GatewayMessageCreateDispatchData): Promise<RecordedRequest[]>;
  /** Stops this bot (as on SIGTERM) without removing the data dir. */
  stop(): Promise<void>;
  /** Stops the bot and removes everything. */
  dispose(): Promise<void>;
}

interface InternalClient {
  actions: {
    InteractionCreate: { handle(data: unknown): void };
    MessageCreate: { handle(data: unknown): void };
  };
  user: ClientUser | null;
  users: { cache: Map<string, unknown> };
  guilds: { _add(data: GatewayGuildCreateDispatchData & { shardId: number }): unknown };
}

/** ClientUser's constructor is not public; the READY handler calls it with the client and the user. */
const NewClientUser = ClientUser as unknown as new (client: Client, data: APIUser) => ClientUser;

export interface HarnessOptions {
  dataDir?: string;
  contentDir?: string;
  discord?: FakeDiscord;
  now?: () => Date;
  /** A language model for the engine's answers; none by default (a test must never reach the network). */
  llm?: LlmConfig;
  /** Progress in this PostgreSQL database instead of the folder. */
  databaseUrl?: string;
}

export async function startHarness(options: HarnessOptions = {}) {
  const discord = options.discord ?? (await startFakeDiscord());
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "bot-test-data-")));
  const contentDir = options.contentDir ?? FIXTURES;
  const tutor = await Tutor.open({
    contentDir,
    dataDir,
    llm: options.llm ?? false,
    random: AS_WRITTEN,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const logs: string[] = [];
  const bot = createBot({
    tutor,
    log: createLogger({ secrets: [TOKEN], write: (line) => logs.push(line) }),
    apiBase: discord.url,
    ...(options.now ? { now: options.now } : {}),
  });
  bot.client.rest.setToken(TOKEN);
  let stopped = false;
  const harness: Harness = {
    discord,
    tutor,
    bot,
    dataDir,
    contentDir,
    logs,
    async send(payload) {
      const from = discord.requests.length;
      harness.dispatch(payload);
      await bot.handler.idle();
      return discord.requests.slice(from);
    },
    dispatch(payload) {
      // Exactly what the gateway's INTERACTION_CREATE packet handler does with the dispatch's `d`.
      (bot.client as unknown as InternalClient).actions.InteractionCreate.handle(payload);
    },
    ready() {
      // What the gateway's READY and GUILD_CREATE packet handlers do with their `d`.
      const client = bot.client as unknown as InternalClient;
      if (client.user) return;
      client.user = new NewClientUser(bot.client, BOT_USER);
      client.users.cache.set(BOT_USER.id, client.user);
      client.guilds._add({ ...guildCreate(), shardId: 0 });
    },
    async sendMessage(payload) {
      harness.ready();
      const from = discord.requests.length;
      // Exactly what the gateway's MESSAGE_CREATE packet handler does with the dispatch's `d`.
      (bot.client as unknown as InternalClient).actions.MessageCreate.handle(payload);
      await bot.mentions.idle();
      return discord.requests.slice(from);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.shutdown();
    },
    async dispose() {
      await harness.stop();
      if (!options.discord) await discord.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A copy of the fixture content that a test may break. */
export async function copyFixtures(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bot-test-content-"));
  await cp(FIXTURES, dir, { recursive: true });
  return dir;
}

// ---- reading what went out ------------------------------------------------------------------------

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions?: { parse?: string[] };
  flags?: number;
}

export interface CallbackBody {
  type: number;
  data?: MessageBody & Record<string, unknown>;
}

export const EPHEMERAL = 64;

export function callbackOf(requests: RecordedRequest[]): CallbackBody {
  const callbacks = requests.filter(
    (r) => r.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path),
  );
  expect(callbacks, "exactly one interaction callback").toHaveLength(1);
  return (callbacks[0] as RecordedRequest).body as CallbackBody;
}

export function editOf(requests: RecordedRequest[]): MessageBody {
  const edits = requests.filter((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
  expect(edits, "exactly one edit of the original response").toHaveLength(1);
  return (edits[0] as RecordedRequest).body as MessageBody;
}

export function followUpsOf(requests: RecordedRequest[]): MessageBody[] {
  return requests
    .filter((r) => r.method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(r.path))
    .map((r) => r.body as MessageBody);
}

/** The final message of a deferred command or component: the callback was a deferral, then one edit. */
export function deferredResult(
  requests: RecordedRequest[],
  expected: { type: 5 | 6; ephemeral?: boolean },
): MessageBody {
  const callback = callbackOf(requests);
  if (expected.type === 5) {
    expect(callback).toEqual({ type: 5, data: { flags: expected.ephemeral ? EPHEMERAL : 0 } });
  } else expect(callback).toEqual({ type: 6 });
  const body = editOf(requests);
  expectSafeMessage(body);
  return body;
}

export function allText(body: MessageBody): string {
  return [
    body.content ?? "",
    ...(body.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      e.footer?.text ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join("\n");
}

export function components(body: MessageBody) {
  return (body.components ?? []).flatMap((row) => row.components);
}

export function buttonsOf(body: MessageBody): APIButtonComponentWithCustomId[] {
  return components(body).filter(
    (c) => c.type === ComponentType.Button && "custom_id" in c,
  ) as APIButtonComponentWithCustomId[];
}

export function buttonLabelled(body: MessageBody, label: string | RegExp): APIButtonComponentWithCustomId {
  const found = buttonsOf(body).find((b) =>
    typeof label === "string" ? b.label === label : label.test(b.label ?? ""),
  );
  expect(
    found,
    `a button labelled ${label} among ${buttonsOf(body)
      .map((b) => b.label)
      .join(", ")}`,
  ).toBeDefined();
  return found as APIButtonComponentWithCustomId;
}

export function selectOf(body: MessageBody): APIStringSelectComponent {
  const found = components(body).find((c) => c.type === ComponentType.StringSelect);
  expect(found, "a string select menu").toBeDefined();
  return found as APIStringSelectComponent;
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Every Discord limit on a message, and mentions turned off: what discord.js itself does not check. */
export function expectSafeMessage(body: MessageBody): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect((body.content ?? "").length).toBeLessThanOrEqual(2000);
  const embeds = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
      expect(field.value.length).toBeGreaterThan(0);
    }
  }
  expect((body.components ?? []).length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of body.components ?? []) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      if ("custom_id" in c) {
        expect(c.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(c.custom_id), `custom id ${c.custom_id} is unique`).toBe(false);
        ids.add(c.custom_id);
      }
      if (c.type === ComponentType.Button && "label" in c)
        expect(c.label?.length ?? 0).toBeLessThanOrEqual(80);
      if (c.type === ComponentType.StringSelect) {
        expect(c.options.length).toBeGreaterThan(0);
        expect(c.options.length).toBeLessThanOrEqual(25);
        for (const o of c.options) expect(o.label.length).toBeLessThanOrEqual(100);
      }
    }
  }
}
