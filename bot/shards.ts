/**
 * `npm run bot -- --shards auto|<n>`: the sharding manager. It asks Discord how many shards the bot should run
 * (GET /gateway/bot, through the configured API base) and lets discord.js's ShardingManager start this same entry
 * point once per shard, as a child process. Each shard is a whole bot (its own engine, on the same store); the
 * manager only starts them, restarts one that dies, and stops them all on a signal.
 */
import type { ChildProcess } from "node:child_process";
import { REST, type RESTGetAPIGatewayBotResult, Routes, ShardingManager } from "discord.js";
import type { Logger } from "./log.js";

/** What the manager sends a shard to stop it: the same as a signal, without counting as one. */
export const STOP_MESSAGE = { tutor: "stop" } as const;

/** Discord lets one identify through per rate-limit bucket every 5 s; discord.js waits this long between shards. */
const IDENTIFY_SPACING_MS = 5_500;
/** A shard that dies before it is ready this many times in a row is not restarted again: the manager stops. */
const MAX_FAILED_STARTS = 3;
/** How long a shard may take to load the lessons and connect before the start counts as failed. */
const READY_TIMEOUT_MS = 60_000;

/** `--shards`: "auto" (Discord's recommendation) or a number of shards. */
export function parseShards(value: string): "auto" | number {
  if (value === "auto") return "auto";
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`--shards should be "auto" or a whole number of shards, 1 or more, not "${value}".`);
  }
  return n;
}

export interface ManagerOptions {
  /** The bot's entry point, started once per shard. */
  entry: string;
  shards: "auto" | number;
  token: string;
  apiBase?: string;
  log: Logger;
  /** Node options for the shards (the manager's own, so a shard runs the way the manager was started). */
  execArgv?: string[];
}

export interface Manager {
  manager: ShardingManager;
  /** Resolves when every shard is ready; rejects when one could not start (the others are then stopped). */
  started: Promise<void>;
  /**
   * Resolves with the manager's exit code once every shard has stopped: after stop(), or when a shard kept failing
   * to start again after a crash (then 1).
   */
  finished: Promise<number>;
  /** Stops every shard the way a signal stops one bot (each finishes its running interactions and writes). */
  stop(): Promise<number>;
  /** Kills every shard at once (a second signal). */
  kill(): void;
}

/**
 * The shard count and the spacing between shard starts. Shards whose ids differ modulo max_concurrency identify in
 * different buckets and may start together; otherwise they are spaced as discord.js spaces them by default.
 */
export async function planShards(
  options: Pick<ManagerOptions, "shards" | "token" | "apiBase">,
): Promise<{ count: number; delay: number }> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const count = options.shards === "auto" ? Math.max(1, gateway.shards) : options.shards;
  const concurrency = Math.max(1, gateway.session_start_limit?.max_concurrency ?? 1);
  return { count, delay: count <= concurrency ? 0 : IDENTIFY_SPACING_MS };
}

export async function startManager(options: ManagerOptions): Promise<Manager> {
  const { log } = options;
  const { count, delay } = await planShards(options);
  const manager = new ShardingManager(options.entry, {
    totalShards: count,
    mode: "process",
    token: options.token,
    respawn: true,
    execArgv: options.execArgv ?? [],
  });
  /** The shard processes running, each with its exit code to come (null when a signal ended it). */
  const running = new Map<ChildProcess, Promise<number | null>>();
  let stopping: Promise<number> | undefined;
  /** A shard could not start: the manager stops, and exits 1 whatever the others do. */
  let gaveUp = false;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });

  const stop = (): Promise<number> => {
    stopping ??= (async () => {
      // discord.js reads `respawn` when a shard exits: from now on none is restarted.
      manager.respawn = false;
      for (const child of running.keys()) child.send(STOP_MESSAGE, () => undefined);
      // A shard discord.js restarts while they stop is told to stop as it starts (above), and waited for too.
      const codes: (number | null)[] = [];
      while (running.size > 0) codes.push(...(await Promise.all(running.values())));
      const failed = codes.filter((code) => code !== 0).length;
      if (failed > 0 && !gaveUp) log.error("shards did not stop cleanly", { failed, of: codes.length });
      const code = failed === 0 && !gaveUp ? 0 : 1;
      finish(code);
      return code;
    })();
    return stopping;
  };

  manager.on("shardCreate", (shard) => {
    /** Starts in a row that ended before the shard was ready: a shard that cannot start again is given up. */
    let failedStarts = 0;
    let ready = false;
    // mode "process": every shard is a ChildProcess, never a Worker.
    shard.on("spawn", (spawned) => {
      const child = spawned as ChildProcess;
      ready = false;
      running.set(
        child,
        new Promise((resolve) =>
          child.once("exit", (code, signal) => {
            running.delete(child);
            resolve(signal ? null : code);
          }),
        ),
      );
      // A shard started while the others were being stopped is stopped at once.
      if (stopping) child.send(STOP_MESSAGE, () => undefined);
      log.info("shard started", { shard: shard.id, of: count, pid: child.pid });
    });
    shard.on("ready", () => {
      ready = true;
      failedStarts = 0;
      log.info("shard ready", { shard: shard.id, of: count });
    });
    shard.on("death", (died) => {
      if (stopping) return;
      const child = died as ChildProcess;
      const detail = { shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode };
      if (!ready && ++failedStarts >= MAX_FAILED_STARTS) {
        log.error("shard keeps failing to start; stopping every shard", {
          ...detail,
          attempts: failedStarts,
        });
        gaveUp = true;
        void stop();
        return;
      }
      log.warn("shard exited; restarting it", detail);
    });
    // discord.js's respawn promise failed (the new process died before it was ready): the death above tells.
    shard.on("error", (error) => log.warn("shard restart failed", { shard: shard.id, error: error.message }));
  });

  log.info("starting shards", { shards: count, spacingMs: delay });
  const started = manager.spawn({ amount: count, delay, timeout: READY_TIMEOUT_MS }).then(
    () => log.info("every shard is ready", { shards: count }),
    async (error: unknown) => {
      if (stopping) return;
      // A shard that cannot start (bad content, an unusable store) would fail the same way again: stop them all.
      gaveUp = true;
      await stop();
      throw error;
    },
  );
  return {
    manager,
    started,
    finished,
    stop,
    kill() {
      manager.respawn = false;
      for (const child of running.keys()) child.kill("SIGKILL");
    },
  };
}
