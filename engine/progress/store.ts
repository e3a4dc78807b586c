/** Where learner documents live. The default keeps one lowdb JSON file per learner, under a file lock. */
import { access, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import lockfile from "proper-lockfile";
import { StoreError } from "../errors.js";
import { DurableJSONFile } from "./durable-file.js";
import { FILE_SUFFIX, learnerFileName as fileName } from "./file-name.js";
import { emptyDoc, type LearnerDoc } from "./model.js";

export interface ProgressStore {
  readonly dir: string;
  /** The learner's document; a new one when the learner has none yet. */
  read(learnerId: string): Promise<LearnerDoc>;
  /** Read-modify-write under the learner's lock; `fn` mutates the fresh document and may return a value. */
  update<T>(learnerId: string, fn: (doc: LearnerDoc) => T): Promise<T>;
  /** Ids of every learner with a document. */
  learners(): Promise<string[]>;
  /**
   * Everything kept about the learner, as one JSON-ready document (the answer history included), read under the
   * learner's lock; undefined when nothing is kept. Reads only: a learner with no data gets no file for asking.
   */
  export(learnerId: string): Promise<LearnerDoc | undefined>;
  /**
   * Removes everything kept about the learner, under their lock, and their part in every server figure; true when
   * there was something to remove. A later read starts a new, empty learner.
   */
  delete(learnerId: string): Promise<boolean>;
  /** Resolves when every read and write started so far has finished (and let go of its lock). */
  close(): Promise<void>;
}

export { defaultDataDir } from "./data-dir.js";

export class JsonProgressStore implements ProgressStore {
  private readonly learnersDir: string;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.learnersDir = join(dir, "learners");
  }

  pathOf(learnerId: string): string {
    return join(this.learnersDir, fileName(learnerId));
  }

  read(learnerId: string): Promise<LearnerDoc> {
    return this.track(
      (async () => {
        await this.ensureDir();
        return this.withLock(learnerId, async (db) => db.data);
      })(),
    );
  }

  update<T>(learnerId: string, fn: (doc: LearnerDoc) => T): Promise<T> {
    // One queue per learner in this process; the file lock covers other processes.
    const previous = this.queues.get(learnerId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        await this.ensureDir();
        return this.withLock(learnerId, async (db) => {
          const result = fn(db.data);
          await db.write();
          return result;
        });
      });
    this.queues.set(learnerId, run);
    void run
      .finally(() => {
        if (this.queues.get(learnerId) === run) this.queues.delete(learnerId);
      })
      .catch(() => undefined);
    return this.track(run);
  }

  async export(learnerId: string): Promise<LearnerDoc | undefined> {
    if (!(await this.exists(learnerId))) return undefined;
    return this.read(learnerId);
  }

  delete(learnerId: string): Promise<boolean> {
    // In the learner's queue, so it runs after any write already started, and under their lock for other
    // processes. Server figures (leaderboard, most-missed) are read from the learners' files, so removing the file
    // removes the learner from them.
    const previous = this.queues.get(learnerId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        await this.ensureDir();
        // Copies of a damaged file moved aside (durable-file.ts) are the learner's data too.
        const prefix = `${fileName(learnerId)}.corrupt-`;
        const asides = (await readdir(this.learnersDir)).filter((n) => n.startsWith(prefix));
        for (const name of asides) await rm(join(this.learnersDir, name), { force: true });
        if (!(await this.exists(learnerId))) return asides.length > 0;
        return this.withLock(learnerId, async () => {
          await rm(this.pathOf(learnerId), { force: true });
          return true;
        });
      });
    this.queues.set(learnerId, run);
    void run
      .finally(() => {
        if (this.queues.get(learnerId) === run) this.queues.delete(learnerId);
      })
      .catch(() => undefined);
    return this.track(run);
  }

  private async exists(learnerId: string): Promise<boolean> {
    try {
      await access(this.pathOf(learnerId));
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps `work` in `pending` until it settles, so close() waits for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
    return work;
  }

  async learners(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.learnersDir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith(FILE_SUFFIX))
      .map((n) => decodeURIComponent(n.slice(0, -FILE_SUFFIX.length)));
  }

  async close(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async ensureDir(): Promise<void> {
    try {
      await mkdir(this.learnersDir, { recursive: true });
    } catch (error) {
      throw new StoreError(
        "STORE_IO",
        `Could not use ${this.dir} as the data folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Point --data-dir or TUTOR_DATA_DIR at a folder you can write to.`,
        this.dir,
        undefined,
        { cause: error },
      );
    }
  }

  private async withLock<T>(learnerId: string, work: (db: Low<LearnerDoc>) => Promise<T>): Promise<T> {
    const file = this.pathOf(learnerId);
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        stale: 5_000,
        retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 100 },
        onCompromised: () => undefined,
      });
    } catch (error) {
      throw new StoreError(
        "STORE_LOCKED",
        `Another program has held the lock on ${file} for too long. If no other tutor is running, remove ${file}.lock.`,
        file,
        undefined,
        { cause: error },
      );
    }
    try {
      const db = new Low<LearnerDoc>(
        new DurableJSONFile<LearnerDoc>(file, shapeProblem),
        emptyDoc(learnerId, this.now()),
      );
      await db.read();
      db.data = normalise(db.data, learnerId, this.now());
      return await work(db);
    } finally {
      await release().catch(() => undefined);
    }
  }
}

/**
 * What makes a document unusable: a known field of the wrong kind. Such a file is moved aside like one
 * that is not JSON, never "repaired" by dropping what it holds. Missing fields are fine (older versions).
 */
function shapeProblem(data: object): string | undefined {
  const doc = data as Record<string, unknown>;
  for (const field of ["history", "journal"]) {
    if (field in doc && !Array.isArray(doc[field])) return `its "${field}" is not a list`;
  }
  for (const field of ["cards", "passed", "read"]) {
    const value = doc[field];
    if (field in doc && (value === null || typeof value !== "object" || Array.isArray(value))) {
      return `its "${field}" is not an object`;
    }
  }
  return undefined;
}

/** Fills fields an older or hand-edited document lacks; keeps every field it has, known or not. */
function normalise(doc: LearnerDoc, learnerId: string, now: Date): LearnerDoc {
  const fresh = emptyDoc(learnerId, now);
  return {
    ...fresh,
    ...doc,
    history: doc.history ?? [],
    journal: doc.journal ?? [],
    cards: doc.cards ?? {},
    passed: doc.passed ?? {},
    read: doc.read ?? {},
  };
}
