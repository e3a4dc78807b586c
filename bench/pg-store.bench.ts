// The PostgreSQL progress store at scale, with the JSON store as the baseline in the same run (docs/benchmarks.md).
// 1. Record one answer (store.update as journey/answer.ts does it) for existing learners: p50/p99.
// 2. Leaderboard (one server and all servers, all time and the rolling week) and stats: p50/p99.
// 3. Throughput: 4 processes recording answers at once.
// PostgreSQL: a scratch database on 127.0.0.1:5432 per size, seeded in SQL (generate_series: BENCH_PG_ANSWERS answers
// per learner, default 20, over the year before now, 20 servers), the figures made by rebuild(), dropped at the end.
// JSON: a folder of BENCH_PG_JSON_LEARNERS learners (default 10,000; about 100 answers each) made by
// bench/store-data.ts and reused, copied before it is written to. Sizes: BENCH_PG_LEARNERS=10000,100000.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PgProgressStore } from "../engine/progress/pg-store.js";
import { JsonProgressStore, type ProgressStore } from "../engine/progress/store.js";
import { guildOf, NOW, recordBenchAnswer } from "./store-data.js";

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(",").filter(Boolean).map(Number);
const PG_LEARNERS = sizes("BENCH_PG_LEARNERS", "10000,100000");
const ANSWERS_EACH = Number(process.env.BENCH_PG_ANSWERS ?? 20);
const JSON_LEARNERS = Number(process.env.BENCH_PG_JSON_LEARNERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const ROUNDS = 200;
const THROUGHPUT_EACH = Number(process.env.BENCH_PG_THROUGHPUT ?? 500);
const SERVER = `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432`;
const WEEK_MS = 7 * 86_400_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const pp = (xs: number[]) => `${ms(pct(xs, 50))} / ${ms(pct(xs, 99))}`;
const learnerId = (i: number) => `discord:1000000000${String(i).padStart(8, "0")}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER}/test` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** learners x ANSWERS_EACH answers, written by SQL; then the figures recounted by the store. */
async function seed(url: string, learners: number): Promise<{ seconds: number; rebuild: number; now: Date }> {
  const t = performance.now();
  const store = await PgProgressStore.open(url, { onNotice: () => undefined });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const seededAt = new Date();
  const now = seededAt.toISOString();
  for (let from = 0; from < learners; from += 10_000) {
    const to = Math.min(learners, from + 10_000) - 1;
    await client.query(
      `INSERT INTO tutor_learners (learner_id, doc, rev)
       SELECT id, json_build_object('version', 2, 'learnerId', id, 'createdAt', $3::timestamptz - interval '1 year',
         'rev', 1, 'log', json_build_object('count', $4::int, 'bytes', 0),
         'totals', json_build_object('answers', $4::int, 'correct', 0, 'xp', 0), 'days', '{}'::json,
         'questions', '{}'::json, 'cards', '{}'::json, 'journal', '[]'::json, 'passed', '{}'::json, 'read', '{}'::json), 1
       FROM (SELECT 'discord:1000000000' || lpad(i::text, 8, '0') AS id FROM generate_series($1::int, $2::int) i) l`,
      [from, to, now, ANSWERS_EACH],
    );
    await client.query(
      `INSERT INTO tutor_answers (learner_id, seq, guild_id, question_id, at, correct, xp, passed_stage, selected, record)
       SELECT id, s, g, q, at, c, CASE WHEN c AND s <= 10 THEN 10 WHEN c THEN 5 ELSE 0 END, s % 17 = 0, ARRAY[o::text],
         json_build_object('questionId', q, 'lessonId', 'bench', 'stage', 1, 'at', at, 'correct', c, 'score', c::int,
           'hintUsed', false, 'mode', 'quiz', 'guildId', g, 'selected', json_build_array(o), 'seq', s)
       FROM (SELECT i, 'discord:1000000000' || lpad(i::text, 8, '0') AS id,
                    '9000000000000000' || lpad((i % 20)::text, 2, '0') AS g
             FROM generate_series($1::int, $2::int) i) l,
       LATERAL (SELECT s, 'q' || ((l.i * 7 + s * 13) % 400) AS q,
                       $3::timestamptz - random() * interval '365 days' AS at,
                       random() < 0.7 AS c, floor(random() * 4)::int AS o
                FROM generate_series(1, $4::int) s) a`,
      [from, to, now, ANSWERS_EACH],
    );
  }
  await client.query("VACUUM ANALYZE tutor_learners");
  await client.query("VACUUM ANALYZE tutor_answers");
  const r = performance.now();
  await store.rebuild();
  const rebuild = performance.now() - r;
  await store.close();
  await client.query("VACUUM ANALYZE");
  // What seeding wrote goes to disk now, not during the measurements (needs a superuser; skipped otherwise).
  await client.query("CHECKPOINT").catch(() => undefined);
  await client.end();
  return { seconds: (performance.now() - t) / 1000, rebuild, now: seededAt };
}

function answer(store: ProgressStore, learner: string, i: number): Promise<void> {
  return recordBenchAnswer(store, learner, i, guildOf(i));
}

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** Record p50/p99 and the figure queries, on `learners` existing learners of `store`. */
async function measure(store: ProgressStore, learners: number, now: Date) {
  // The queries first, over the seeded answers only; `now` is the time the data was generated up to.
  const since = new Date(now.getTime() - WEEK_MS);
  const first = await timed(1, () => store.leaderboard({ guildId: guildOf(0), limit: 10 }));
  const q = {
    guildAll: [] as number[],
    guildWeek: [] as number[],
    allAll: [] as number[],
    allWeek: [] as number[],
    stats: [] as number[],
  };
  for (let i = 0; i < ROUNDS; i++) {
    const t = (into: number[], fn: () => Promise<unknown>) =>
      timed(1, fn).then(([x]) => into.push(x as number));
    await t(q.guildAll, () => store.leaderboard({ guildId: guildOf(i), limit: 10 }));
    await t(q.guildWeek, () => store.leaderboard({ guildId: guildOf(i), since, limit: 10 }));
    await t(q.allAll, () => store.leaderboard({ limit: 10 }));
    await t(q.allWeek, () => store.leaderboard({ since, limit: 10 }));
    await t(q.stats, () => store.questionFigures(guildOf(i)));
  }
  // Learners spread over the whole range, a different one each time (no row stays hot in a cache of ours).
  const pick = (i: number) => learnerId((i * 7919) % learners);
  await timed(20, (i) => answer(store, pick(i + RUNS), i));
  const record = await timed(RUNS, (i) => answer(store, pick(i), i));
  return { record, first: first[0] as number, ...q };
}

/** 4 processes recording THROUGHPUT_EACH answers each at once: answers per second over the slowest loop. */
async function throughput(location: string, learners: number): Promise<{ perSecond: number; ms: number }> {
  const workers: { child: ChildProcess; out: string }[] = [0, 1, 2, 3].map((k) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(here, "pg-throughput-worker.ts"),
        location,
        String(k),
        String(THROUGHPUT_EACH),
        String(learners),
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const w = { child, out: "" };
    child.stdout?.on("data", (chunk: Buffer) => {
      w.out += chunk.toString("utf8");
    });
    return w;
  });
  const waitFor = (w: { out: string; child: ChildProcess }, text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (w.out.includes(text) ? resolve() : undefined);
      w.child.stdout?.on("data", check);
      w.child.on("exit", () => (w.out.includes(text) ? resolve() : reject(new Error(`worker: ${w.out}`))));
      check();
    });
  await Promise.all(workers.map((w) => waitFor(w, "ready\n")));
  for (const w of workers) w.child.stdin?.write("go\n");
  await Promise.all(workers.map((w) => waitFor(w, '"answers"')));
  const results = workers.map((w) => JSON.parse(w.out.split("\n").find((l) => l.startsWith("{")) as string));
  const slowest = Math.max(...results.map((r) => r.ms as number));
  return { perSecond: (4 * THROUGHPUT_EACH * 1000) / slowest, ms: slowest };
}

function row(name: string, m: Awaited<ReturnType<typeof measure>>, extra: string): void {
  console.log(
    `${name.padEnd(28)} | ${pp(m.record).padEnd(17)} | ${pp(m.guildAll).padEnd(17)} | ${pp(m.guildWeek).padEnd(17)} | ${pp(m.allAll).padEnd(17)} | ${pp(m.allWeek).padEnd(17)} | ${pp(m.stats).padEnd(17)} | ${extra}`,
  );
}

export default async function pgStoreBench(): Promise<void> {
  try {
    execFileSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"]);
  } catch {
    console.log("PostgreSQL is not running on 127.0.0.1:5432: the PostgreSQL store bench is skipped.");
    return;
  }
  console.log(
    `\nPostgreSQL store vs JSON store: record one answer and the figure queries (p50 / p99; ${RUNS} answers after 20, ${ROUNDS} rounds of queries), throughput of 4 processes x ${THROUGHPUT_EACH} answers`,
  );
  console.log(
    "store                        | record one answer | one server, all  | one server, week  | all servers, all  | all servers, week | stats, one server | throughput (4 processes); notes",
  );
  // The JSON baseline: the store bench's folder, copied so this run's answers do not change it.
  const source = join(
    process.env.BENCH_STORE_DIR ?? join(tmpdir(), "tutor-bench-store"),
    `learners-${JSON_LEARNERS}`,
  );
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(here, "store-data.ts"), source, "learners", String(JSON_LEARNERS)],
    {
      stdio: "inherit",
    },
  );
  const dir = mkdtempSync(join(tmpdir(), "tutor-bench-json-"));
  try {
    cpSync(source, dir, { recursive: true });
    const json = new JsonProgressStore(dir, { onNotice: () => undefined });
    const m = await measure(json, JSON_LEARNERS, NOW);
    await json.close();
    const tp = await throughput(dir, JSON_LEARNERS);
    row(
      `JSON, ${JSON_LEARNERS} learners`,
      m,
      `${tp.perSecond.toFixed(0)} answers/s; ~100 answers each; first query ${ms(m.first)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const learners of PG_LEARNERS) {
    const name = `tutor_bench_${randomBytes(4).toString("hex")}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = `${SERVER}/${name}`;
    try {
      const seeded = await seed(url, learners);
      const store = await PgProgressStore.open(url, { onNotice: () => undefined });
      const m = await measure(store, learners, seeded.now);
      await store.close();
      const tp = await throughput(url, learners);
      row(
        `PostgreSQL, ${learners} learners`,
        m,
        `${tp.perSecond.toFixed(0)} answers/s; ${ANSWERS_EACH} answers each (${learners * ANSWERS_EACH} in all) seeded in ${seeded.seconds.toFixed(0)} s, rebuild() ${ms(seeded.rebuild)}`,
      );
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
}
