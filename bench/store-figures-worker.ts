// One fresh process per data folder for store.bench.ts: opens the tutor on the folder, then times the leaderboard
// and stats as the bot asks for them, and the memory they hold. With "baseline", also times reading and parsing
// every learner's files without locks and ranking them (what the first release did per /leaderboard).
// Prints one JSON object.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Tutor } from "../engine/index.js";
import { guildOf as guild, NOW } from "./store-data.js";

const [dir, baseline] = process.argv.slice(2) as [string, string?];
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

const tutor = await Tutor.open({ dataDir: dir, now: () => NOW, llm: false });
const rssBefore = process.memoryUsage().rss;
const open = await time(() => tutor.leaderboard({ guildId: guild(0), period: "week" }));
const leaderboard: number[] = [];
const leaderboardAll: number[] = [];
const stats: number[] = [];
for (let i = 0; i < RUNS; i++) {
  leaderboard.push(
    await time(() => tutor.leaderboard({ guildId: guild(i), period: i % 2 ? "week" : "all" })),
  );
  leaderboardAll.push(await time(() => tutor.leaderboard({ period: i % 2 ? "week" : "all" })));
  stats.push(await time(() => tutor.stats({ guildId: guild(i) })));
}
// What the figures hold, not garbage the queries left behind (the bench runs this worker with --expose-gc).
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const result: Record<string, unknown> = {
  answers: (await tutor.stats()).answers,
  open,
  leaderboard: { p50: pct(leaderboard, 50), p99: pct(leaderboard, 99) },
  leaderboardAllServers: { p50: pct(leaderboardAll, 50), p99: pct(leaderboardAll, 99) },
  stats: { p50: pct(stats, 50), p99: pct(stats, 99) },
  rssMB: memory.rss / 2 ** 20,
  figuresRssMB: (memory.rss - rssBefore) / 2 ** 20,
  heapMB: memory.heapUsed / 2 ** 20,
  /** JS heap and typed arrays in use after a GC: what the process holds, without pages the allocator keeps. */
  heldMB: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
};
await tutor.close();

if (baseline) {
  // Every learner's document and log read and parsed, then ranked for one server this week.
  const t = performance.now();
  const since = NOW.getTime() - 7 * 86_400_000;
  const xp = new Map<string, number>();
  const learners = join(dir, "learners");
  for (const name of readdirSync(learners)) {
    if (!name.endsWith(".doc.json")) continue;
    const doc = JSON.parse(readFileSync(join(learners, name), "utf8")) as { learnerId: string };
    const log = readFileSync(join(learners, name.replace(/\.doc\.json$/, ".answers.jsonl")), "utf8");
    for (const line of log.split("\n")) {
      if (!line) continue;
      const r = JSON.parse(line) as { guildId?: string; at: string; xp?: number };
      if (r.guildId === guild(0) && Date.parse(r.at) >= since)
        xp.set(doc.learnerId, (xp.get(doc.learnerId) ?? 0) + (r.xp ?? 0));
    }
  }
  [...xp.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  result.baselineReadAll = performance.now() - t;
  result.baselineRssMB = process.memoryUsage().rss / 2 ** 20;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
