/** What every command and component handler gets: the engine facade and a logger. Nothing else is shared. */
import type { Tutor } from "../engine/index.js";
import type { Logger } from "./log.js";

export interface BotContext {
  tutor: Tutor;
  log: Logger;
}

/** The learner id the engine keys a Discord member's progress by. */
export function learnerIdOf(userId: string): string {
  return `discord:${userId}`;
}

/** The Discord user behind a learner id, when it is one of ours. */
export function userIdOf(learnerId: string): string | undefined {
  return learnerId.startsWith("discord:") ? learnerId.slice("discord:".length) : undefined;
}
