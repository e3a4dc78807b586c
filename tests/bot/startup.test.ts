import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, readConfig, redact } from "../../bot/config.js";
import { deployCommands } from "../../bot/deploy-commands.js";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord.js";
import { type FakeGateway, startFakeGateway } from "./fake-gateway.js";
import { TOKEN } from "./harness.js";
import { APP_ID, CHANNEL_ID, GUILD_ID, guildCreate, messageCreate, slash } from "./payloads.js";
import { type Run, runBundle } from "./run-bundle.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void>)();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function fakeDiscord(): Promise<FakeDiscord> {
  const discord = await startFakeDiscord();
  cleanups.push(() => discord.close());
  return discord;
}

/** Runs `npm run <script>`'s bundle, in a clean environment and an empty working directory. */
function run(script: "bot" | "bot:deploy", env: Record<string, string>, cwd: string): Run {
  const started = runBundle(script, env, cwd);
  cleanups.push(async () => started.kill());
  return started;
}

describe("configuration", () => {
  it("reads the settings and strips a 'Bot ' prefix from the token", () => {
    expect(
      readConfig({
        DISCORD_TOKEN: " Bot abc.def.ghi ",
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD_ID,
        TUTOR_DATA_DIR: "/data",
        DISCORD_API_BASE: "http://localhost:3001/api/",
      }),
    ).toEqual({
      token: "abc.def.ghi",
      clientId: APP_ID,
      guildId: GUILD_ID,
      dataDir: "/data",
      apiBase: "http://localhost:3001/api",
    });
  });

  it("says what to set and where to get it", () => {
    expect(() => readConfig({})).toThrow(ConfigError);
    expect(() => readConfig({})).toThrow(
      /^DISCORD_TOKEN is not set\. Get it from https:\/\/discord\.com\/developers\/applications/,
    );
    expect(() => readConfig({ DISCORD_TOKEN: "x" }, { requireClientId: true })).toThrow(
      /^DISCORD_CLIENT_ID is not set\. It is the Application ID/,
    );
    expect(() => readConfig({ DISCORD_TOKEN: "x", DISCORD_CLIENT_ID: "my-bot" })).toThrow(/17 to 20 digits/);
    expect(() => readConfig({ DISCORD_TOKEN: "x", DISCORD_GUILD_ID: "server" })).toThrow(/Copy Server ID/);
    expect(() => readConfig({ DISCORD_TOKEN: "x", DISCORD_API_BASE: "localhost" })).toThrow(/http\(s\) URL/);
  });

  it("redacts the token", () => {
    expect(redact(`failed with ${TOKEN} twice: ${TOKEN}`, TOKEN)).toBe("failed with [token] twice: [token]");
  });
});

describe("npm run bot", () => {
  it("without a token, says what to set and where, with no stack trace", async () => {
    const cwd = await tempDir("bot-start-");
    const bot = run("bot", {}, cwd);
    expect(await bot.exit).toBe(1);
    expect(bot.output().trim()).toBe(
      "DISCORD_TOKEN is not set. Get it from https://discord.com/developers/applications -> your application -> Bot -> Reset Token, then set DISCORD_TOKEN=... in the environment or in a .env file in the folder you start the bot from (copy .env.example).",
    );
  });

  it("with a rejected token (from .env), says so plainly and never prints the token", async () => {
    const cwd = await tempDir("bot-start-");
    const discord = await fakeDiscord();
    discord.respond(/^GET \/gateway\/bot$/, { status: 401, body: { message: "401: Unauthorized", code: 0 } });
    await writeFile(join(cwd, ".env"), `DISCORD_TOKEN=${TOKEN}\nDISCORD_API_BASE=${discord.url}\n`);
    const bot = run("bot", {}, cwd);
    expect(await bot.exit).toBe(1);
    const output = bot.output();
    expect(output).toContain("Discord rejected DISCORD_TOKEN (it is wrong, or was reset).");
    expect(output).toContain("https://discord.com/developers/applications");
    expect(output).not.toContain(TOKEN);
    expect(output).not.toMatch(/\n\s+at /);
    // The token did reach the (fake) API: it came from .env.
    const gateway = await discord.waitFor(/^GET \/gateway\/bot$/);
    expect(gateway.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it("connects through the gateway, serves a dispatched interaction, and exits 0 on SIGTERM", async () => {
    const cwd = await tempDir("bot-start-");
    const discord = await fakeDiscord();
    const gateway: FakeGateway = await startFakeGateway();
    cleanups.push(() => gateway.close());
    discord.respond(/^GET \/gateway\/bot$/, {
      status: 200,
      body: {
        url: gateway.url,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      },
    });
    const bot = run("bot", { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.url }, cwd);

    const identify = await gateway.next(2);
    // Guilds (1) and GuildMessages (512); no privileged intent (Message Content would be 32768).
    expect(identify.d).toMatchObject({ token: TOKEN, intents: 1 | 512 });
    gateway.dispatch("READY", {
      v: 10,
      user: { id: APP_ID, username: "tutor", discriminator: "0", global_name: null, avatar: null, bot: true },
      guilds: [],
      session_id: "session-1",
      resume_gateway_url: gateway.url,
      application: { id: APP_ID, flags: 0 },
      shard: [0, 1],
    });
    const interaction = slash("lessons");
    gateway.dispatch("INTERACTION_CREATE", interaction);
    const edit = await discord.waitFor(/^PATCH \/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(edit.path).toBe(`/webhooks/${APP_ID}/${interaction.token}/messages/@original`);
    expect((edit.body as { embeds: { title: string }[] }).embeds[0]?.title).toBe("Lessons");
    const callback = discord.requests.find((r) => r.path.endsWith(`/${interaction.token}/callback`));
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });

    // A question by mention, through the gateway's own GUILD_CREATE and MESSAGE_CREATE handling.
    gateway.dispatch("GUILD_CREATE", guildCreate());
    const question = messageCreate(`<@${APP_ID}> what happens when a pipe buffer is full?`);
    gateway.dispatch("MESSAGE_CREATE", question);
    const answer = await discord.waitFor(/^POST \/channels\/\d+\/messages$/);
    expect(answer.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(answer.body).toMatchObject({
      message_reference: { message_id: question.id },
      allowed_mentions: { parse: [], replied_user: false },
      embeds: [{ title: "From the lessons" }],
    });

    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(await gateway.closed).toBe(1000);
    const output = bot.output();
    expect(output).toContain("connected to Discord");
    expect(output).toContain("SIGTERM: finishing the running interactions and writes");
    expect(output).not.toContain(TOKEN);
  });
});

describe("npm run bot:deploy", () => {
  it("registers every command in one server when DISCORD_GUILD_ID is set", async () => {
    const cwd = await tempDir("bot-deploy-");
    const discord = await fakeDiscord();
    const deploy = run(
      "bot:deploy",
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_GUILD_ID: GUILD_ID,
        DISCORD_API_BASE: discord.url,
      },
      cwd,
    );
    expect(await deploy.exit).toBe(0);
    expect(deploy.output()).toBe(`Registered 12 slash commands for server ${GUILD_ID}.\n`);
    const put = await discord.waitFor(/^PUT /);
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect((put.body as { name: string }[]).map((c) => c.name)).toEqual([
      "lessons",
      "learn",
      "ask",
      "quiz",
      "review",
      "journal",
      "progress",
      "leaderboard",
      "tutor",
      "settings",
      "remind",
      "me",
    ]);
  });

  it("registers globally without DISCORD_GUILD_ID, with Manage Server as the default for /tutor", async () => {
    const discord = await fakeDiscord();
    const result = await deployCommands({ token: TOKEN, clientId: APP_ID, apiBase: discord.url });
    expect(result).toEqual({
      count: 12,
      scope: "every server (global commands can take up to an hour to appear)",
    });
    const put = await discord.waitFor(/^PUT /);
    expect(put.path).toBe(`/applications/${APP_ID}/commands`);
    const body = put.body as {
      name: string;
      default_member_permissions: string | null;
      contexts: number[];
      options?: { name: string; autocomplete?: boolean; type: number }[];
    }[];
    const byName = Object.fromEntries(body.map((c) => [c.name, c]));
    expect(byName.tutor?.default_member_permissions).toBe("32");
    expect(byName.tutor?.contexts).toEqual([0]);
    expect(byName.leaderboard?.contexts).toEqual([0]);
    expect(byName.quiz?.contexts).toEqual([0, 1]);
    expect(byName.ask?.contexts).toEqual([0, 1]);
    expect(byName.ask?.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true, max_length: 500 }),
    ]);
    for (const name of ["learn", "quiz", "journal"]) {
      expect(byName[name]?.options?.find((o) => o.name === "lesson")).toMatchObject({
        type: 3,
        autocomplete: true,
      });
    }
    expect(byName.tutor?.options?.map((o) => o.name)).toEqual(["reload", "stats"]);
  });

  it("without a client id or with a rejected token, says what to do", async () => {
    const cwd = await tempDir("bot-deploy-");
    const missing = run("bot:deploy", { DISCORD_TOKEN: TOKEN }, cwd);
    expect(await missing.exit).toBe(1);
    expect(missing.output()).toMatch(/^DISCORD_CLIENT_ID is not set\. It is the Application ID/);
    const discord = await fakeDiscord();
    discord.respond(/^PUT /, { status: 401, body: { message: "401: Unauthorized", code: 0 } });
    const rejected = run(
      "bot:deploy",
      { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_BASE: discord.url },
      cwd,
    );
    expect(await rejected.exit).toBe(1);
    expect(rejected.output()).toMatch(/^Discord rejected DISCORD_TOKEN/);
    expect(rejected.output()).not.toContain(TOKEN);
  });
});
