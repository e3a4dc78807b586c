/**
 * Opens the engine for the bot. With a progress database (TUTOR_DATABASE_URL) that does not answer yet (the bot
 * and PostgreSQL started together, a failover), start-up tries again a few times with growing waits, logging each,
 * before it gives up with the store's own clear error. Every other failure is reported at once.
 */
import { StoreError, Tutor, type TutorOptions } from "../engine/index.js";
import type { Logger } from "./log.js";

/** Waits between tries: 1 + 2 + 4 + 8 s, then the error. */
export const START_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

export async function openTutorWithRetry(
  options: TutorOptions,
  log: Logger,
  delays: number[] = START_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Tutor> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Tutor.open(options);
    } catch (error) {
      const wait = delays[attempt];
      if (!(error instanceof StoreError) || error.code !== "STORE_UNAVAILABLE" || wait === undefined)
        throw error;
      log.warn("progress database unreachable; trying again", {
        database: error.path,
        attempt: attempt + 1,
        of: delays.length + 1,
        retryInMs: wait,
        cause: error.message,
      });
      await sleep(wait);
    }
  }
}
