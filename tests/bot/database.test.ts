// The bot with progress in PostgreSQL (the real server, a scratch database): the settings checked at start, a
// start-up that waits for an unreachable database a few times before its clear error, and a member told plainly
// that nothing was saved when the database goes away while the bot runs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, readConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { openTutorWithRetry } from "../../bot/open-tutor.js";
import { explainStartupError } from "../../bot/startup-errors.js";
import { StoreError } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";
import { scratchDatabase } from "../helpers/postgres.js";
import { deferredResult, FIXTURES, startHarness, TOKEN } from "./harness.js";
import { slash } from "./payloads.js";

const DOWN = "postgres://tutor:n0t-for-your-eyes@127.0.0.1:1/tutor";
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void>)();
  vi.restoreAllMocks();
});

describe("the bot's progress database", () => {
  it("checks the database settings with the rest of its configuration", () => {
    const env = { DISCORD_TOKEN: TOKEN, TUTOR_DATABASE_URL: "postgres://bot:pw@db.example:6432/tutor" };
    expect(readConfig(env).database).toBe("db.example:6432/tutor");
    expect(readConfig({ DISCORD_TOKEN: TOKEN }).database).toBeUndefined();
    expect(() => readConfig({ ...env, TUTOR_DATABASE_POOL_SIZE: "-3" })).toThrow(ConfigError);
    expect(() => readConfig({ ...env, TUTOR_DATABASE_POOL_SIZE: "-3" })).toThrow(
      'TUTOR_DATABASE_POOL_SIZE should be a whole number from 1 to 1000, not "-3".',
    );
  });

  it("tries an unreachable database again with growing waits, logged, then gives the clear error", async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    const error = await openTutorWithRetry(
      { contentDir: FIXTURES, databaseUrl: DOWN, dataDir: tempDir(), llm: false },
      createLogger({ write: (line) => lines.push(line) }),
      [10, 20, 40],
      async (ms) => {
        waits.push(ms);
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(waits).toEqual([10, 20, 40]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /warn progress database unreachable; trying again .*"database":"127.0.0.1:1\/tutor","attempt":1,"of":4/,
    );
    const told = explainStartupError(error);
    expect(told).toMatch(/^Could not reach the progress database 127\.0\.0\.1:1\/tutor \(ECONNREFUSED\)/);
    expect(told).toContain("TUTOR_DATABASE_URL");
    expect(`${lines.join("\n")}\n${told}`).not.toContain("n0t-for-your-eyes");
  });

  it("does not wait out a failure that trying again cannot mend", async () => {
    const database = await scratchDatabase();
    cleanups.push(() => database.drop());
    const waits: number[] = [];
    const error = await openTutorWithRetry(
      { contentDir: "/no/such/content", databaseUrl: database.url, dataDir: tempDir(), llm: false },
      createLogger({ write: () => undefined }),
      [10],
      async (ms) => {
        waits.push(ms);
      },
    ).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StoreError);
    expect(waits).toEqual([]);
  });

  it("tells the member nothing was saved when the database goes away while it runs", async () => {
    const database = await scratchDatabase();
    cleanups.push(() => database.drop());
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const h = await startHarness({ databaseUrl: database.url });
    cleanups.push(() => h.dispose());
    const before = deferredResult(await h.send(slash("lessons")), { type: 5, ephemeral: true });
    expect(before.content ?? JSON.stringify(before.embeds)).not.toMatch(/unavailable/);
    await database.drop();
    const after = deferredResult(await h.send(slash("quiz")), { type: 5, ephemeral: true });
    expect(after.content).toMatch(
      /^The progress store is unavailable right now, so nothing was saved\. Please try again in a moment\. \(error id `[0-9a-f]{8}`\)$/,
    );
    expect(h.logs.join("\n")).toContain("127.0.0.1:5432/tutor_test_");
    warn.mockRestore();
  });
});
