// `npm run bot -- --shards auto`: the sharding manager as a real process, its shards as real processes (the
// bundle, as npm runs it), against a fake Discord (REST and gateway) on loopback that keeps Discord's rules on
// shards. Every interaction goes to the shard Discord would send it to, and every reply is read off the fake REST.
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIInteraction } from "discord-api-types/v10";
import { afterEach, describe, expect, it, onTestFailed } from "vitest";
import { Tutor } from "../../engine/index.js";
import { historyOf } from "../helpers/engine.js";
import { scratchDatabase } from "../helpers/postgres.js";
import { expectOk } from "../helpers/result.js";
import { waitUntil } from "../helpers/wait.js";
import { passStages } from "./answers.js";
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from "./fake-discord.js";
import { type FakeGateway, shardOf, startFakeGateway } from "./fake-gateway.js";
import { allText, buttonLabelled, copyFixtures, type MessageBody, TOKEN } from "./harness.js";
import {
  ALICE,
  APP_ID,
  BOB,
  BOT_USER,
  button,
  GUILD_ID,
  guildCreate,
  MANAGE_GUILD,
  slash,
  str,
  sub,
} from "./payloads.js";
import { type Run, runBundle } from "./run-bundle.js";

const DAY = 86_400_000;
/** Two servers, one on each shard of two: Discord sends a server's events to shard (id >> 22) % count. */
const G0 = GUILD_ID;
const G1 = String(BigInt(GUILD_ID) + (1n << 22n));
const CAROL = "300000000000000003";
/** A shard process starts in seconds, or in tens of seconds on a machine busy with other tests. */
const SLOW_MS = 60_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void>)();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function gatewayBot(gateway: FakeGateway, shards: number, maxConcurrency: number) {
  return {
    status: 200,
    body: {
      url: gateway.url,
      shards,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: maxConcurrency },
    },
  };
}

/** Starts the bot's bundle; when the test fails, its output is printed (what the manager and shards said). */
function start(env: Record<string, string>, cwd: string, args: string[]): Run {
  const run = runBundle("bot", env, cwd, args);
  cleanups.push(async () => {
    run.kill();
    for (const pids of shardPids(run.output()).values())
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  });
  onTestFailed(() => console.error(`output of bot ${args.join(" ")}:\n${run.output()}`));
  return run;
}

/** The pids of the shard processes the manager logged as started. */
function shardPids(output: string): Map<number, number[]> {
  const pids = new Map<number, number[]>();
  for (const [, json] of output.matchAll(/ shard started (\{.*\})/g)) {
    const { shard, pid } = JSON.parse(json as string) as { shard: number; pid: number };
    pids.set(shard, [...(pids.get(shard) ?? []), pid]);
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The button of the right answer to either stage-1 question of pipe-buffers (a real process shuffles). */
function rightButton(body: MessageBody): string {
  const text = allText(body);
  if (text.includes("waits until the buffer is full")) return buttonLabelled(body, "False").custom_id;
  const letter = /\*\*([A-Z])\.\*\* In the pipe's buffer in the kernel/.exec(text)?.[1];
  expect(letter, `the right option in ${text}`).toBeDefined();
  return buttonLabelled(body, new RegExp(`^${letter}\\b`)).custom_id;
}

const dms = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));

describe("npm run bot -- --shards", () => {
  it.each(["a data folder", "a PostgreSQL database"])(
    "runs two shards on one store, %s: each serves its servers, they agree, reload reaches both, SIGTERM stops all",
    async (kind) => {
      expect([shardOf(G0, 2), shardOf(G1, 2)]).toEqual([0, 1]);
      const cwd = await tempDir("bot-shards-");
      const content = await copyFixtures();
      cleanups.push(() => rm(content, { recursive: true, force: true }));
      const dataDir = join(cwd, "data");
      const database = kind === "a PostgreSQL database" ? await scratchDatabase() : undefined;
      if (database) cleanups.push(() => database.drop());
      const where = database ? { databaseUrl: database.url } : {};

      // Carol answered weeks ago (her reviews are due) and wants a reminder from 00:00 UTC.
      const weeksAgo = new Date(Date.now() - 40 * DAY);
      const before = await Tutor.open({
        contentDir: content,
        dataDir,
        ...where,
        llm: false,
        now: () => weeksAgo,
      });
      await passStages(before, `discord:${CAROL}`, "pipe-buffers", [1]);
      expectOk(await before.setTimeZone(`discord:${CAROL}`, "UTC"));
      expectOk(await before.setReminders(`discord:${CAROL}`, true, 0));
      await before.close();

      const discord: FakeDiscord = await startFakeDiscord();
      cleanups.push(() => discord.close());
      const gateway = await startFakeGateway({
        ready: { user: BOT_USER, guilds: [guildCreate(G0, "Zero"), guildCreate(G1, "One")] },
        maxConcurrency: 2,
        requiredShards: 2,
      });
      cleanups.push(() => gateway.close());
      discord.respond(/^GET \/gateway\/bot$/, gatewayBot(gateway, 2, 2));

      const bot = start(
        {
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_BASE: discord.url,
          TUTOR_CONTENT_DIR: content,
          TUTOR_DATA_DIR: dataDir,
          ...(database ? { TUTOR_DATABASE_URL: database.url } : {}),
        },
        cwd,
        ["--shards", "auto"],
      );

      /** Dispatches an interaction where Discord would, and returns the bot's final (edited) message. */
      const interact = async (payload: APIInteraction): Promise<MessageBody> => {
        gateway.dispatch("INTERACTION_CREATE", payload);
        const edit = await discord.waitFor(
          new RegExp(`^PATCH /webhooks/${APP_ID}/${payload.token}/messages/@original$`),
        );
        return edit.body as MessageBody;
      };

      // `auto` asked the (fake) REST API, and each shard identified with its own [id, count], in its own bucket.
      const first = [await gateway.session(0), await gateway.session(1)];
      await bot.waitForOutput(/every shard is ready/, SLOW_MS);
      expect(gateway.identifies.map((i) => [i.shard, i.outcome])).toEqual([
        [[0, 2], "ready"],
        [[1, 2], "ready"],
      ]);
      expect(first[0]?.identify.d).toMatchObject({ token: TOKEN, intents: 1 | 512, shard: [0, 2] });

      // Only shard 0 runs the reminders' clock: one direct message to Carol.
      await bot.waitForOutput(/\[shard 0\] reminders checked \{"tried":1,"sent":1\}/, SLOW_MS);
      expect(dms(discord.requests)).toHaveLength(1);
      expect(discord.requests.find((r) => r.path === "/users/@me/channels")?.body).toEqual({
        recipient_id: CAROL,
      });

      // Alice answers in a server on shard 0, Bob too.
      const quiz = await interact(slash("quiz", [str("lesson", "pipe-buffers")], { guildId: G0 }));
      expect(quiz.embeds?.[0]?.title).toBe("Question 1 of 2");
      const right = await interact(button(rightButton(quiz), { guildId: G0 }));
      expect(right.embeds?.[0]?.title).toBe("✅ Right");
      const bobQuiz = await interact(
        slash("quiz", [str("lesson", "pipe-buffers")], { userId: BOB, guildId: G0 }),
      );
      await interact(button(rightButton(bobQuiz), { userId: BOB, guildId: G0 }));

      // From a server on shard 1, Alice carries on where she is: shard 1 reads what shard 0 wrote.
      const next = await interact(slash("quiz", [], { guildId: G1 }));
      expect(next.embeds?.[0]?.title).toBe("Question 2 of 2");

      // Bob deletes his data from shard 1; the leaderboard and stats of the server on shard 0 no longer count him.
      const board = await interact(slash("leaderboard", [str("period", "all")], { guildId: G0 }));
      expect(board.embeds?.[0]?.description).toContain(`<@${ALICE}>`);
      expect(board.embeds?.[0]?.description).toContain(`<@${BOB}>`);
      const asked = await interact(slash("me", [sub("delete")], { userId: BOB, guildId: G1 }));
      await interact(
        button(buttonLabelled(asked, "Delete everything").custom_id, { userId: BOB, guildId: G1 }),
      );
      const after = await interact(slash("leaderboard", [str("period", "all")], { guildId: G0 }));
      expect(after.embeds?.[0]?.description).toContain(`<@${ALICE}>`);
      expect(after.embeds?.[0]?.description).not.toContain(`<@${BOB}>`);
      const stats = await interact(
        slash("tutor", [sub("stats")], { guildId: G0, permissions: MANAGE_GUILD }),
      );
      expect(stats.embeds?.[0]?.description).toMatch(/^1 answer given in this server\./);

      // A reload asked on shard 1 runs on both shards, and each reports what it loaded.
      const quizFile = join(content, "quizzes", "pipe-sizes.md");
      const added = (await readFile(quizFile, "utf8")).replace(
        "## Stage 2: Articulate",
        "### sizes-added (true-false)\n\nTrue or false: this question was added while the bot ran.\n\n- [x] True\n- [ ] False\n  > It was added.\n\n> **Explanation:** It was added.\n\n## Stage 2: Articulate",
      );
      await writeFile(quizFile, added);
      const reload = await interact(
        slash("tutor", [sub("reload")], { guildId: G1, permissions: MANAGE_GUILD }),
      );
      expect(reload.content).toBe("🔄 Reloaded on all 2 shards: 2 lessons, 16 questions.");
      expect(bot.output()).toMatch(/\[shard 0\] content reloaded \{"lessons":2,"questions":16\}/);
      expect(bot.output()).toMatch(/\[shard 1\] content reloaded \{"lessons":2,"questions":16\}/);
      // Broken content is refused on every shard, and the lessons in use stay.
      await appendFile(quizFile, "\n### sizes-broken (sideways)\n\nWhat?\n");
      const refused = await interact(
        slash("tutor", [sub("reload")], { guildId: G0, permissions: MANAGE_GUILD }),
      );
      expect(refused.content).toMatch(
        /^⚠️ The content has \d+ problems?, so the lessons in use stay as they were/,
      );
      expect(
        bot
          .output()
          .match(/\[shard \d\] content reload refused/g)
          ?.sort(),
      ).toEqual(["[shard 0] content reload refused", "[shard 1] content reload refused"]);
      await writeFile(quizFile, added);

      // Shard 0 crashes: the manager says so and starts it again; it sees everything acknowledged before, and its
      // reminders' clock finds Carol's reminder already claimed.
      const [crashed] = shardPids(bot.output()).get(0) ?? [];
      process.kill(crashed as number, "SIGKILL");
      const again = await gateway.session(0, first[0]);
      await bot.waitForOutput(/shard exited; restarting it \{"shard":0/, SLOW_MS);
      await bot.waitForOutput(/\[shard 0\] reminders checked \{"tried":1,"sent":0\}/, SLOW_MS);
      expect(dms(discord.requests)).toHaveLength(1);
      const board2 = await interact(slash("leaderboard", [str("period", "all")], { guildId: G0 }));
      expect(board2.embeds?.[0]?.description).toContain(`<@${ALICE}>`);

      // SIGTERM while shard 1 is in the middle of Alice's answer: it finishes it, then every process exits 0.
      const held = discord.hold(/^POST \/interactions\/\d+\/[^/]+\/callback$/);
      const press = button(rightButton(next), { guildId: G1 });
      gateway.dispatch("INTERACTION_CREATE", press);
      await held.arrived;
      bot.child.kill("SIGTERM");
      await bot.waitForOutput(
        /\[shard 1\] stop asked by the manager: finishing the running interactions/,
        SLOW_MS,
      );
      await bot.waitForOutput(
        /\[shard 0\] stop asked by the manager: finishing the running interactions/,
        SLOW_MS,
      );
      held.release();
      expect(await bot.exit).toBe(0);
      const answered = await discord.waitFor(
        new RegExp(`^PATCH /webhooks/${APP_ID}/${press.token}/messages/@original$`),
      );
      expect((answered.body as MessageBody).embeds?.[0]?.title).toBe("✅ Right");
      expect(await first[1]?.closed).toBe(1000);
      expect(await again.closed).toBe(1000);
      for (const pids of shardPids(bot.output()).values())
        for (const pid of pids) expect(isRunning(pid)).toBe(false);
      expect(bot.output()).not.toContain(TOKEN);

      // Nothing acknowledged was lost: the store has both of Alice's answers, each from its server, and no Bob.
      const store = await Tutor.open({ contentDir: content, dataDir, ...where, llm: false });
      try {
        const alice = await historyOf(store, `discord:${ALICE}`);
        expect(alice.map((r) => [r.guildId, r.correct])).toEqual([
          [G0, true],
          [G1, true],
        ]);
        expect(alice.map((r) => r.questionId).sort()).toEqual([
          "pipe-read-waits-for-full",
          "pipe-where-bytes-wait",
        ]);
        expect(await historyOf(store, `discord:${BOB}`)).toEqual([]);
        const board3 = await store.leaderboard({ guildId: G1, period: "all", limit: 10 });
        expect(board3.map((row) => row.learnerId)).toEqual([`discord:${ALICE}`]);
      } finally {
        await store.close();
      }
    },
    240_000,
  );

  it("stops every shard and exits 1 when a shard cannot start, and gives up on one that keeps failing after a crash", async () => {
    const cwd = await tempDir("bot-shards-");
    const content = await copyFixtures();
    cleanups.push(() => rm(content, { recursive: true, force: true }));
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const gateway = await startFakeGateway({ ready: { user: BOT_USER, guilds: [] }, maxConcurrency: 2 });
    cleanups.push(() => gateway.close());
    // Discord would be content with one shard; `--shards 2` asks for two.
    discord.respond(/^GET \/gateway\/bot$/, gatewayBot(gateway, 1, 2));
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.url, TUTOR_CONTENT_DIR: content };
    const quizFile = join(content, "quizzes", "pipe-sizes.md");
    const good = await readFile(quizFile, "utf8");

    await appendFile(quizFile, "\n### sizes-broken (sideways)\n\nWhat?\n");
    const broken = start(env, cwd, ["--shards", "2"]);
    expect(await broken.exit).toBe(1);
    expect(broken.output()).toMatch(/\[shard 0\] The lessons have problems; fix them \(npm run check\)/);
    expect(broken.output()).toContain("Shard 0's process exited before its Client became ready.");
    expect(broken.output()).not.toContain("[shard 1]");
    for (const pids of shardPids(broken.output()).values())
      for (const pid of pids) expect(isRunning(pid)).toBe(false);

    await writeFile(quizFile, good);
    const bot = start(env, cwd, ["--shards", "2"]);
    const first = [await gateway.session(0), await gateway.session(1)];
    expect(first.map((session) => session.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    await bot.waitForOutput(/every shard is ready/, SLOW_MS);
    await appendFile(quizFile, "\n### sizes-broken (sideways)\n\nWhat?\n");
    process.kill(shardPids(bot.output()).get(1)?.[0] as number, "SIGKILL");
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toMatch(
      /shard keeps failing to start; stopping every shard \{"shard":1,.*"attempts":3\}/,
    );
    expect(await first[0]?.closed).toBe(1000);
    for (const pids of shardPids(bot.output()).values())
      for (const pid of pids) expect(isRunning(pid)).toBe(false);
  }, 240_000);

  it("exits at once on a second signal, and shards whose manager was killed stop by themselves", async () => {
    const cwd = await tempDir("bot-shards-");
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const gateway = await startFakeGateway({
      ready: { user: BOT_USER, guilds: [guildCreate(G0, "Zero")] },
      maxConcurrency: 2,
    });
    cleanups.push(() => gateway.close());
    discord.respond(/^GET \/gateway\/bot$/, gatewayBot(gateway, 2, 2));
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.url };

    // A second SIGTERM while shard 0 waits on Discord: nothing more is waited for.
    const impatient = start(env, cwd, ["--shards", "auto"]);
    // Starting takes as long as the machine is slow: wait for the shards' sessions, then for the manager's word.
    await gateway.session(0);
    await gateway.session(1);
    await impatient.waitForOutput(/every shard is ready/, SLOW_MS);
    const held = discord.hold(/^POST \/interactions\/\d+\/[^/]+\/callback$/);
    gateway.dispatch("INTERACTION_CREATE", slash("lessons", [], { guildId: G0 }));
    await held.arrived;
    impatient.child.kill("SIGTERM");
    await impatient.waitForOutput(/\[shard 0\] stop asked by the manager/, SLOW_MS);
    impatient.child.kill("SIGTERM");
    expect(await impatient.exit).toBe(1);
    expect(impatient.output()).toContain("second SIGTERM: exiting without waiting");
    held.release();
    const pids = [...shardPids(impatient.output()).values()].flat();
    expect(pids).toHaveLength(2);
    await waitUntil(
      () => !pids.some(isRunning),
      "every shard gone",
      () => "",
      SLOW_MS,
    );

    // The manager killed outright (no signal handler runs): each shard sees it gone and stops cleanly.
    const killed = start(env, cwd, ["--shards", "auto"]);
    await gateway.session(0);
    await gateway.session(1);
    await killed.waitForOutput(/every shard is ready/, SLOW_MS);
    killed.child.kill("SIGKILL");
    // The shards write to the manager's output: it closes when the last of them exits.
    await killed.exit;
    expect(
      killed
        .output()
        .match(/\[shard \d\] the manager is gone: finishing/g)
        ?.sort(),
    ).toEqual(["[shard 0] the manager is gone: finishing", "[shard 1] the manager is gone: finishing"]);
    const orphans = [...shardPids(killed.output()).values()].flat();
    await waitUntil(
      () => !orphans.some(isRunning),
      "every shard gone",
      () => "",
      SLOW_MS,
    );
  }, 240_000);

  it("refuses a shard count that is not one, and a rejected token, before starting any shard", async () => {
    const cwd = await tempDir("bot-shards-");
    const bot = start({ DISCORD_TOKEN: TOKEN }, cwd, ["--shards", "0"]);
    expect(await bot.exit).toBe(1);
    expect(bot.output()).not.toContain("shard started");
    expect(bot.output()).toContain(
      '--shards should be "auto" or a whole number of shards, 1 or more, not "0".',
    );
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    discord.respond(/^GET \/gateway\/bot$/, { status: 401, body: { message: "401: Unauthorized", code: 0 } });
    const rejected = start({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.url }, cwd, [
      "--shards",
      "auto",
    ]);
    expect(await rejected.exit).toBe(1);
    expect(rejected.output()).toContain("Discord rejected DISCORD_TOKEN (it is wrong, or was reset).");
    expect(rejected.output()).not.toContain("shard started");
    expect(rejected.output()).not.toContain(TOKEN);
  });
});
