// Stores shared by separate processes: concurrent writers and writers killed mid-write, for the JSON store and the
// PostgreSQL one (the real server, a scratch database per test); a stalled lock holder and a read-only folder for
// the JSON store.
// In the "process" project (vitest.config.ts). The writer is bundled once, so each process starts in tens of ms.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { PgProgressStore } from "../../engine/progress/pg-store.js";
import { JsonProgressStore, type ProgressStore } from "../../engine/progress/store.js";
import { historyOf, tempDir } from "../helpers/engine.js";
import { scratchDatabase } from "../helpers/postgres.js";
import { answerRecord, recordAnswer } from "./store-contract.js";

const WRITER = new URL("../helpers/store-writer.ts", import.meta.url).pathname;
let bundle = "";

beforeAll(async () => {
  const buildDir = mkdtempSync(join(tmpdir(), "tutor-writer-"));
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
  bundle = join(buildDir, "store-writer.mjs");
  // Readable by another user, for the read-only folder test.
  chmodSync(buildDir, 0o755);
  await build({
    entryPoints: [WRITER],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    // pg's optional native binding is never used.
    external: ["pg-native"],
    logLevel: "warning",
  });
});

interface Writer {
  child: ChildProcess;
  acks: string[];
  out: () => string;
  exited: Promise<number | null>;
  /** Resolves when the output holds `text`. */
  saw: (text: string) => Promise<void>;
}

function writer(args: string[], options: { uid?: number; gid?: number } = {}): Writer {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ["ignore", "pipe", "pipe"], ...options });
  let out = "";
  const acks: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
    for (const m of out.matchAll(/^ack (\S+)$/gm))
      if (!acks.includes(m[1] as string)) acks.push(m[1] as string);
    for (const w of waiting.filter((w) => out.includes(w.text))) w.resolve();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    acks,
    out: () => out,
    exited,
    saw: (text) =>
      new Promise((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiting.push({ text, resolve });
        void exited.then(() =>
          out.includes(text) ? resolve() : reject(new Error(`exited without "${text}":\n${out}`)),
        );
      }),
  };
}

/** A lock left by a killed writer is taken over once stale; age it instead of waiting those seconds out. */
function ageLocks(dir: string): void {
  const learners = join(dir, "learners");
  for (const name of readdirSync(learners)) {
    if (!name.endsWith(".lock")) continue;
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(learners, name), old, old);
  }
}

/** A store the cross-process tests run against: where its data is, how to open it, what a crash may leave. */
interface StoreKind {
  name: string;
  location(): Promise<string>;
  open(location: string): Promise<ProgressStore>;
  /** After a writer was killed. */
  afterKill(location: string): void;
  /** Checks nothing half-written is left by the killed writers. */
  leftovers(location: string, count: number): Promise<void>;
}

const KINDS: StoreKind[] = [
  {
    name: "JSON",
    location: async () => tempDir(),
    open: async (dir) => new JsonProgressStore(dir, { onNotice: () => undefined }),
    afterKill: ageLocks,
    leftovers: async (dir, count) => {
      const store = new JsonProgressStore(dir, { onNotice: () => undefined });
      expect(readFileSync(store.pathsOf("victim").log, "utf8").trim().split("\n")).toHaveLength(count);
      const left = [...readdirSync(join(dir, "learners")), ...readdirSync(join(dir, "servers"))];
      expect(left.filter((n) => n.endsWith(".tmp") || n.endsWith(".lock"))).toEqual([]);
    },
  },
  {
    name: "PostgreSQL",
    location: async () => {
      const database = await scratchDatabase();
      onTestFinished(() => database.drop());
      return database.url;
    },
    open: (url) => PgProgressStore.open(url, { dataDir: tempDir(), onNotice: () => undefined }),
    // A killed writer's connection is closed by the server, and its open transaction rolled back.
    afterKill: () => undefined,
    leftovers: async (url, count) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          "SELECT count(*)::int AS n, max(seq) AS last FROM tutor_answers WHERE learner_id = 'victim'",
        );
        expect(rows).toEqual([{ n: count, last: count }]);
      } finally {
        await client.end();
      }
    },
  },
];

describe.each(KINDS)("the $name store across processes", (kind) => {
  it("loses and duplicates nothing when 4 processes record 1,000 answers each, half for one shared learner and half for their own", async () => {
    const location = await kind.location();
    const tags = ["a", "b", "c", "d"];
    const writers = tags.map((tag) => writer([location, `learner-${tag}`, tag, "1000", "10000", "shared"]));
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0, 0, 0]);
    const store = await kind.open(location);
    const shared = (await historyOf(store, "shared")).map((r) => r.questionId);
    expect(shared).toHaveLength(2000);
    expect(new Set(shared).size).toBe(2000);
    for (const tag of tags) {
      const own = (await historyOf(store, `learner-${tag}`)).map((r) => r.questionId);
      expect(own).toHaveLength(500);
      // Each process's answers in the order it gave them: the odd ones to the shared learner, the even to its own.
      expect(own).toEqual(Array.from({ length: 500 }, (_, i) => `${tag}-${2 * i}`));
      expect(shared.filter((id) => id.startsWith(`${tag}-`))).toEqual(
        Array.from({ length: 500 }, (_, i) => `${tag}-${2 * i + 1}`),
      );
    }
    expect((await store.read("shared")).totals.answers).toBe(2000);
    const incremental = await store.leaderboard({ guildId: "g1", limit: 10 });
    expect(incremental.map((r) => [r.learnerId, r.answers])).toEqual([
      ["shared", 2000],
      ...tags.map((tag) => [`learner-${tag}`, 500]),
    ]);
    const questions = await store.questionFigures("g1");
    await store.rebuild();
    expect(await store.leaderboard({ guildId: "g1", limit: 10 })).toEqual(incremental);
    expect(await store.questionFigures("g1")).toEqual(expect.arrayContaining(questions));
    expect(questions.reduce((n, q) => n + q.total, 0)).toBe(4000);
    await store.close();
  }, 120_000);

  it("loses no acknowledged answer over 100 SIGKILLs mid-write, and leaves nothing behind", async () => {
    const location = await kind.location();
    const acked: string[] = [];
    for (let kill = 0; kill < 100; kill++) {
      const w = writer([location, "victim", `k${kill}`, "forever", "2000"]);
      // Killed at a varying point: after 1 to 3 saved answers and a few milliseconds more.
      await w.saw(`ack k${kill}-${kill % 3}\n`);
      await new Promise((resolve) => setTimeout(resolve, kill % 7));
      w.child.kill("SIGKILL");
      await w.exited;
      acked.push(...w.acks);
      kind.afterKill(location);
    }
    const store = await kind.open(location);
    await recordAnswer(store, "victim", answerRecord({ questionId: "after" }));
    const ids = (await historyOf(store, "victim")).map((r) => r.questionId);
    for (const id of acked) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = await store.read("victim");
    expect(doc.totals.answers).toBe(ids.length);
    expect(doc.log.count).toBe(ids.length);
    expect((await store.leaderboard({ limit: 1 }))[0]?.answers).toBe(ids.length);
    await store.close();
    // Nothing half-written is left (no temp files or locks, no answer beyond the document's count).
    await kind.leftovers(location, doc.log.count);
  }, 90_000);
});

describe("the JSON store across processes", () => {
  it("refuses the write of a lock holder that stalled past the stale time, and keeps what others saved meanwhile", async () => {
    const dir = tempDir();
    const stalled = writer([dir, "ana", "stalled", "1", "2000", "stall"]);
    await stalled.saw("holding\n");
    stalled.child.kill("SIGSTOP");
    // Another process takes the stale lock over (after 2 s) and saves 5 answers.
    const other = new JsonProgressStore(dir, { lockStaleMs: 2_000, onNotice: () => undefined });
    for (let i = 0; i < 5; i++) await recordAnswer(other, "ana", answerRecord({ questionId: `other-${i}` }));
    stalled.child.kill("SIGCONT");
    expect(await stalled.exited).toBe(3);
    expect(stalled.out()).toContain("error STORE_LOCK_LOST");
    const fresh = new JsonProgressStore(dir, { onNotice: () => undefined });
    expect((await historyOf(fresh, "ana")).map((r) => r.questionId)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `other-${i}`),
    );
    expect((await fresh.read("ana")).totals.answers).toBe(5);
    expect(existsSync(join(dir, "learners"))).toBe(true);
  }, 30_000);

  it("reports a data folder it may not write to at once, by its cause", async () => {
    const dir = tempDir();
    await recordAnswer(new JsonProgressStore(dir, { onNotice: () => undefined }), "ana", answerRecord());
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "learners"), 0o555);
    chmodSync(join(dir, "servers"), 0o555);
    // Root writes anywhere: the writer then runs as nobody, for whom the folder is read-only as for anyone else.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const started = Date.now();
    const w = writer([dir, "ana", "ro", "1"], asNobody);
    expect(await w.exited).toBe(3);
    expect(w.out()).toMatch(/^error STORE_READ_ONLY$/m);
    // Told at once, not after the lock's retries.
    expect(Date.now() - started).toBeLessThan(5_000);
    chmodSync(join(dir, "learners"), 0o755);
    chmodSync(join(dir, "servers"), 0o755);
  });
});
