/** `npm run bot`: loads the configuration and the lessons, connects to Discord, and stops cleanly on a signal. */
import { createBot } from "./app.js";
import { loadEnvFile, readConfig, redact } from "./config.js";
import { createLogger } from "./log.js";
import { openTutorWithRetry } from "./open-tutor.js";
import { explainStartupError } from "./startup-errors.js";

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig(process.env);
  const log = createLogger({ secrets: [config.token, process.env.TUTOR_LLM_API_KEY?.trim() ?? ""] });
  try {
    const tutor = await openTutorWithRetry(config.dataDir ? { dataDir: config.dataDir } : {}, log);
    const bot = createBot({ tutor, log, ...(config.apiBase ? { apiBase: config.apiBase } : {}) });
    let signals = 0;
    const stop = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) {
        log.warn(`second ${signal}: exiting without waiting`);
        process.exit(1);
      }
      log.info(`${signal}: finishing the running interactions and writes`);
      bot.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error("shutdown failed", { error });
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
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
  } catch (error) {
    throw Object.assign(new Error(redact(explainStartupError(error, config.apiBase), config.token)), {
      explained: true,
    });
  }
}

main().catch((error: unknown) => {
  const explained = (error as { explained?: boolean }).explained === true;
  const message = explained ? (error as Error).message : explainStartupError(error);
  process.stderr.write(`${redact(message, process.env.DISCORD_TOKEN?.trim())}\n`);
  process.exit(1);
});
