// The progress store at scale, with baselines measured in the same run (docs/benchmarks.md has the table).
// 1. Record one answer with 100, 10k and 100k answers in the learner's history: p50/p99 and the worst event-loop
//    stall, beside rewriting the whole history file as the first release did (JSON.stringify + fs.writeFile of
//    the same history) and the floor of any durable log (append one line + fsync).
// 2. Leaderboard and stats with 1k, 10k and 100k learners (about 100 answers each: ~10M at 100k), each size in a
//    fresh process: p50/p99 and memory, beside reading and parsing every learner's files (the first release's
//    way, without even its locks) at 1k and 10k.
// Data is generated once by bench/store-data.ts into BENCH_STORE_DIR (default: <tmp>/tutor-bench-store) and
// reused. Sizes: BENCH_STORE_HISTORY=100,10000,100000 BENCH_STORE_LEARNERS=1000,10000,100000.
import { execFileSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { AnswerRecord } from "../engine/progress/model.js";
import { JsonProgressStore } from "../engine/progress/store.js";
import { generateHistory, recordBenchAnswer } from "./store-data.js";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.BENCH_STORE_DIR ?? join(tmpdir(), "tutor-bench-store");
const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(",").filter(Boolean).map(Number);
const HISTORY = sizes("BENCH_STORE_HISTORY", "100,10000,100000");
const LEARNERS = sizes("BENCH_STORE_LEARNERS", "1000,10000,100000");
const BASELINE_UP_TO = Number(process.env.BENCH_STORE_BASELINE_UP_TO ?? 10_000);
const ANSWERS = Number(process.env.BENCH_RUNS ?? 300);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** Latency percentiles and the worst event-loop delay while `fn` runs `runs` times. A synchronous `fn` never
 * lets the loop turn, so its worst stall is its longest call. */
async function timed(runs: number, fn: (i: number) => Promise<void> | void) {
  const times: number[] = [];
  const stall = monitorEventLoopDelay({ resolution: 1 });
  stall.enable();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  stall.disable();
  return { p50: pct(times, 50), p99: pct(times, 99), stall: Math.max(stall.max / 1e6, ...times) };
}

async function recordOneAnswer(): Promise<void> {
  console.log(
    "\nrecord one answer (store.update: tallies, one log line synced, the small document replaced)",
  );
  console.log(
    "history   | p50      | p99      | worst stall | baseline: rewrite whole file p50/p99, stall | floor: append+fsync p50",
  );
  for (const size of HISTORY) {
    const source = join(ROOT, `history-${size}`);
    const learnerId = await generateHistory(source, size);
    const dir = mkdtempSync(join(tmpdir(), "tutor-bench-answer-"));
    try {
      cpSync(source, dir, { recursive: true });
      const store = new JsonProgressStore(dir, { onNotice: () => undefined });
      const answer = (i: number) => recordBenchAnswer(store, learnerId, i, "900000000000000000");
      await timed(20, answer);
      const ours = await timed(ANSWERS, (i) => answer(20 + i));
      // What the machine itself adds: the same number of turns of an idle event loop (other processes, GC).
      const idle = await timed(ANSWERS, () => new Promise((resolve) => setTimeout(resolve, 1)));
      // The first release's cost: the whole history re-serialised (pretty-printed) and written per answer.
      const history: AnswerRecord[] = [];
      for await (const r of store.history(learnerId)) history.push(r);
      const whole = join(dir, "whole.json");
      const rewrite = await timed(Math.min(ANSWERS, size >= 100_000 ? 20 : 100), async () => {
        writeFileSync(whole, `${JSON.stringify({ learnerId, history }, null, 2)}\n`);
      });
      const fd = openSync(join(dir, "floor.jsonl"), "a");
      const line = `${JSON.stringify(history[0])}\n`;
      const floor = await timed(ANSWERS, () => {
        writeSync(fd, line);
        fsyncSync(fd);
      });
      closeSync(fd);
      await store.close();
      console.log(
        `${String(size).padEnd(9)} | ${ms(ours.p50).padEnd(8)} | ${ms(ours.p99).padEnd(8)} | ${ms(ours.stall).padEnd(11)} | ${ms(rewrite.p50)} / ${ms(rewrite.p99)}, ${ms(rewrite.stall)} | ${ms(floor.p50)} | ${ms(idle.stall)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function serverFigures(): void {
  console.log(
    "\nleaderboard and stats (a fresh process per size; the figures snapshot loaded on the first query)",
  );
  console.log(
    "learners | answers | first query | one server p50/p99 | all servers p50/p99 | stats p50/p99 | RSS (of it, figures) | heap+buffers | baseline: read every file",
  );
  for (const size of LEARNERS) {
    const dir = join(ROOT, `learners-${size}`);
    // Generated in a process of its own, so its memory is not this one's.
    execFileSync(
      process.execPath,
      ["--import", "tsx", join(here, "store-data.ts"), dir, "learners", String(size)],
      {
        stdio: "inherit",
      },
    );
    const args = ["--expose-gc", "--import", "tsx", join(here, "store-figures-worker.ts"), dir];
    if (size <= BASELINE_UP_TO) args.push("baseline");
    const r = JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" })) as {
      open: number;
      leaderboard: { p50: number; p99: number };
      leaderboardAllServers: { p50: number; p99: number };
      stats: { p50: number; p99: number };
      rssMB: number;
      figuresRssMB: number;
      heldMB: number;
      answers: number;
      baselineReadAll?: number;
      baselineRssMB?: number;
    };
    const baseline =
      r.baselineReadAll === undefined
        ? "not run (set BENCH_STORE_BASELINE_UP_TO)"
        : `${ms(r.baselineReadAll)}, ${r.baselineRssMB?.toFixed(0)} MB RSS`;
    console.log(
      `${String(size).padEnd(8)} | ${String(r.answers).padEnd(7)} | ${ms(r.open).padEnd(11)} | ${ms(r.leaderboard.p50)} / ${ms(r.leaderboard.p99)} | ${ms(r.leaderboardAllServers.p50)} / ${ms(r.leaderboardAllServers.p99)} | ${ms(r.stats.p50)} / ${ms(r.stats.p99)} | ${r.rssMB.toFixed(0)} MB (${r.figuresRssMB.toFixed(0)} MB) | ${r.heldMB.toFixed(0)} MB | ${baseline}`,
    );
  }
}

export default async function storeBench(): Promise<void> {
  console.log(`data: ${ROOT} (generated once by bench/store-data.ts, then reused)`);
  await recordOneAnswer();
  serverFigures();
}
