/**
 * `/tutor reload` on every shard. Each shard is its own process with its own copy of the lessons, so a reload
 * asked in one shard is run in every shard through discord.js's broadcastEval (via the manager), and each shard
 * answers with what it loaded. Without shards it is one reload, in this process.
 */
import type { EventEmitter } from "node:events";
import type { Client } from "discord.js";
import { ContentError, formatIssue, type Tutor } from "../engine/index.js";
import type { Logger } from "./log.js";

export type ReloadOutcome =
  | { shard: number; ok: true; lessons: number; questions: number }
  /** The content has problems: this shard keeps the lessons it had. */
  | { shard: number; ok: false; issues: string[] }
  /** The shard did not answer (it is restarting, or failed). */
  | { shard: number; ok: false; unreachable: string };

/** The client event a shard's reload listens on (emitted by the broadcast script below). */
const RELOAD_EVENT = "tutorReload";
/** How long a shard may take to re-read the content before it counts as not answering. */
const ANSWER_TIMEOUT_MS = 60_000;

/** Reloads the content in this process. Problems in the content are an outcome; other failures throw. */
export async function reloadHere(tutor: Tutor, log: Logger, shard: number): Promise<ReloadOutcome> {
  try {
    const { lessons, questions } = await tutor.reload();
    log.info("content reloaded", { lessons, questions });
    return { shard, ok: true, lessons, questions };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const issues = error.issues.map(formatIssue);
    log.warn("content reload refused", { issues });
    return { shard, ok: false, issues };
  }
}

type Reply = (outcome: ReloadOutcome) => void;

/** Lets the other shards' broadcasts reach this shard's reload. */
export function listenForReload(client: Client, reload: () => Promise<ReloadOutcome>): void {
  (client as unknown as EventEmitter).on(RELOAD_EVENT, (resolve: Reply, reject: (error: unknown) => void) => {
    reload().then(resolve, reject);
  });
}

/**
 * Runs in each shard's process (discord.js sends its source text): it may use nothing but its argument.
 * A shard without the listener (an older version still running) answers with an error, not silence.
 */
const reloadScript = (client: Client) =>
  new Promise<ReloadOutcome>((resolve, reject) => {
    if (!(client as unknown as EventEmitter).emit("tutorReload", resolve, reject))
      reject(new Error("this shard's version cannot reload the content"));
  });

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Reloads on every shard (or here, without shards); one outcome per shard, in shard order. */
export async function reloadEverywhere(
  client: Client,
  here: () => Promise<ReloadOutcome>,
): Promise<ReloadOutcome[]> {
  const shards = client.shard;
  if (!shards) return [await here()];
  const ids = Array.from({ length: shards.count }, (_, id) => id);
  const settled = await Promise.allSettled(
    ids.map((id) => withTimeout(shards.broadcastEval(reloadScript, { shard: id }), ANSWER_TIMEOUT_MS)),
  );
  return settled.map((result, id) =>
    result.status === "fulfilled"
      ? (result.value as ReloadOutcome)
      : { shard: id, ok: false, unreachable: (result.reason as Error)?.message ?? String(result.reason) },
  );
}
