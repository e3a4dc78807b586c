/**
 * `npm run bot`: loads the configuration and the lessons, connects to Discord, and stops cleanly on a signal.
 * `npm run bot -- --shards auto|<n>`: runs the sharding manager instead (bot/shards.ts), which starts this same file
 * once per shard; a shard is told apart by the environment discord.js gives it (SHARDS, SHARD_COUNT).
 */
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { createBot } from "./app.js";
import { type BotConfig, loadEnvFile, readConfig, redact } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { openTutorWithRetry } from "./open-tutor.js";
import { parseShards, STOP_MESSAGE, startManager } from "./shards.js";
import { explainStartupError } from "./startup-errors.js";

/**
 * This process's shard id when the manager started it: discord.js gives a shard SHARDING_MANAGER, SHARDS (its id)
 * and SHARD_COUNT, and an IPC channel. Read at start, before a manager in this process would set them.
 */
const SHARD =
  process.env.SHARDING_MANAGER !== undefined && process.send ? (process.env.SHARDS ?? "?") : undefined;

/** Calls `stop` on SIGINT and SIGTERM; a second signal exits at once. */
function onSignals(log: Logger, stop: (signal: NodeJS.Signals) => void): void {
  let signals = 0;
  const handle = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn(`second ${signal}: exiting without waiting`);
      process.exit(1);
    }
    stop(signal);
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}

/** One bot: the whole bot in this process, or one shard of several when the manager started it. */
async function runBot(config: BotConfig, log: Logger, isShard: boolean): Promise<void> {
  const tutor = await openTutorWithRetry(config.dataDir ? { dataDir: config.dataDir } : {}, log);
  const bot = createBot({ tutor, log, ...(config.apiBase ? { apiBase: config.apiBase } : {}) });
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: finishing the running interactions and writes`);
    bot.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  onSignals(log, stop);
  if (isShard) {
    // Started by the manager: it asks us to stop by message (a signal sent to the whole process group, as Ctrl-C
    // and systemd do, must not count twice), and its end (the IPC channel closing) stops us too.
    process.on("message", (message: unknown) => {
      if ((message as { tutor?: string } | null)?.tutor === STOP_MESSAGE.tutor)
        stop("stop asked by the manager");
    });
    process.on("disconnect", () => stop("the manager is gone"));
  }
  log.info("starting", {
    dataDir: tutor.dataDir,
    ...(config.database ? { database: config.database } : {}),
    lessons: tutor.lessons().length,
    languageModel: tutor.usesModel ? process.env.TUTOR_LLM_MODEL : "none",
  });
  try {
    await bot.login(config.token);
  } catch (error) {
    await bot.shutdown().catch(() => undefined);
    throw error;
  }
}

/** The sharding manager: starts the shards, and stops them all on a signal. */
async function runManager(config: BotConfig, log: Logger, shards: "auto" | number): Promise<void> {
  const manager = await startManager({
    entry: fileURLToPath(import.meta.url),
    shards,
    token: config.token,
    log,
    execArgv: process.execArgv,
    ...(config.apiBase ? { apiBase: config.apiBase } : {}),
  });
  onSignals(log, (signal) => {
    log.info(`${signal}: stopping every shard (each finishes its running interactions and writes)`);
    void manager.stop();
  });
  process.on("exit", () => manager.kill());
  await manager.started;
  process.exit(await manager.finished);
}

function readArguments(argv: string[]): { shards?: "auto" | number } {
  const program = new Command()
    .name("bot")
    .description("The six-stages tutor's Discord bot (docs/discord.md)")
    .option(
      "--shards <count>",
      'run as several shards: "auto" (Discord\'s recommendation) or a number',
      (v) => {
        try {
          return parseShards(v);
        } catch (error) {
          throw new InvalidArgumentError((error as Error).message);
        }
      },
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.parse(argv);
  return program.opts<{ shards?: "auto" | number }>();
}

async function main(): Promise<void> {
  const args = readArguments(process.argv);
  loadEnvFile();
  const config = readConfig(process.env);
  const isShard = SHARD !== undefined;
  const log = createLogger({
    secrets: [config.token, process.env.TUTOR_LLM_API_KEY?.trim() ?? ""],
    ...(isShard ? { tag: `shard ${SHARD}` } : {}),
  });
  try {
    if (args.shards !== undefined && !isShard) await runManager(config, log, args.shards);
    else await runBot(config, log, isShard);
  } catch (error) {
    throw Object.assign(new Error(redact(explainStartupError(error, config.apiBase), config.token)), {
      explained: true,
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const explained = (error as { explained?: boolean }).explained === true;
  const message = explained ? (error as Error).message : explainStartupError(error);
  // A shard's words go through the manager's output: say which shard they are from.
  const from = SHARD !== undefined ? `[shard ${SHARD}] ` : "";
  process.stderr.write(`${from}${redact(message, process.env.DISCORD_TOKEN?.trim())}\n`);
  process.exit(1);
});
