/**
 * What every command, component and message handler gets: the engine facade, a logger, and the per-member limit
 * on questions (shared by `/ask` and mentions, so that one budget covers both). Nothing else is shared.
 */
import type { Tutor } from "../engine/index.js";
import type { Logger } from "./log.js";
import type { RateLimiter } from "./rate-limit.js";

export interface BotContext {
  tutor: Tutor;
  log: Logger;
  questionLimit: RateLimiter;
}

/** The learner id the engine keys a Discord member's progress by. */
export function learnerIdOf(userId: string): string {
  return `discord:${userId}`;
}

/** The Discord user behind a learner id, when it is one of ours. */
export function userIdOf(learnerId: string): string | undefined {
  return learnerId.startsWith("discord:") ? learnerId.slice("discord:".length) : undefined;
}
