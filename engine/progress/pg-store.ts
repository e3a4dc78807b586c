/**
 * The PostgreSQL progress store: the same contract as the JSON store (store.ts), for deployments that run on more
 * than one process or machine. Tables and statements are in pg-schema.ts and pg-sql.ts.
 *
 * A write is one transaction: the learner's row locked (SELECT ... FOR UPDATE; a new learner's row made first),
 * `fn` run once on the fresh document, then one statement that appends the answers, counts them into the server
 * figures and replaces the document. An acknowledged answer is committed; a process killed before COMMIT leaves
 * nothing behind. The driver (pg) is loaded only when a database URL is used: the JSON path never loads it.
 * The reminder index is kept on the learner's row from the document (reminderIndex): every machine shares it.
 */
import type { Pool, PoolClient, QueryConfig } from "pg";
import { StoreError } from "../errors.js";
import type { ReminderIndex } from "../reminders/index-file.js";
import { defaultDataDir } from "./data-dir.js";
import type { LeaderboardEntry, LeaderboardQuery, QuestionFigure } from "./figures.js";
import {
  type AnswerRecord,
  DOC_VERSION,
  type DocWriter,
  type ExportedLearner,
  emptyDoc,
  type LearnerDoc,
} from "./model.js";
import { MIGRATIONS, migrate, SCHEMA_NAME } from "./pg-schema.js";
import {
  DEFAULT_POOL_SIZE,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  describeDatabase,
  isUnreachable,
  type PgOptions,
  unavailable,
} from "./pg-settings.js";
import {
  APPEND,
  appendParams,
  CREATE_LEARNER,
  DELETE_ANSWERS,
  HISTORY_PAGE,
  LEADERBOARD_ALL_TIME,
  LEADERBOARD_SINCE,
  LEADERBOARD_SINCE_GUILD,
  LOCK_LEARNER,
  QUESTION_FIGURES,
  READ_DOC,
  REBUILD,
  REBUILD_COUNTS,
  REMINDER_INDEX,
  reminderColumns,
  SET_DOC,
  TRIM_FIGURES,
} from "./pg-sql.js";
import type { ProgressStore, RebuildReport, StoreOptions } from "./store.js";
import { StoreWork } from "./work-queue.js";

/** Answers read per page of history(), and written per statement by restore(). */
const PAGE = 1_000;
/** Deadlocks and serialisation failures are retried this many times, the whole write again. */
const RETRIES = 5;

interface Row {
  [column: string]: unknown;
}

export class PgProgressStore implements ProgressStore {
  /** The local folder: the content cache and disputes/ stay on this machine. */
  readonly dir: string;
  /** host:port/database, for messages and logs. */
  readonly where: string;
  private readonly now: () => Date;
  private readonly work = new StoreWork();

  private constructor(
    private readonly url: string,
    private readonly pool: Pool,
    options: StoreOptions & PgOptions,
  ) {
    this.dir = options.dataDir ?? defaultDataDir();
    this.where = describeDatabase(url);
    this.now = options.now ?? (() => new Date());
  }

  /** Connects, creates or migrates the schema, and returns the store; STORE_UNAVAILABLE when it cannot connect. */
  static async open(url: string, options: StoreOptions & PgOptions = {}): Promise<PgProgressStore> {
    const where = describeDatabase(url);
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new StoreError(
        "STORE_CONFIG",
        `The schema name ${JSON.stringify(options.schema)} should be lower-case letters, digits and _.`,
        where,
      );
    }
    const { default: pg } = await import("pg");
    const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
    const settings = [
      // A process stopped mid-transaction (a stall, SIGSTOP) lets go of the learner's row instead of holding it.
      `-c idle_in_transaction_session_timeout=${Math.max(10_000, 2 * statementTimeout)}`,
      ...(options.schema ? [`-c search_path=${options.schema}`] : []),
    ];
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      statement_timeout: statementTimeout,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      application_name: "six-stages-tutor",
      options: settings.join(" "),
    });
    const notice = options.onNotice ?? ((message: string) => console.warn(`tutor store: ${message}`));
    // An idle connection that breaks (the server restarted) is dropped from the pool; the next call connects anew.
    pool.on("error", (error) => notice(`a connection to ${where} broke (${error.message}); it is replaced.`));
    const store = new PgProgressStore(url, pool, options);
    try {
      await store.withClient(async (client) => {
        // Migrations build indexes over what is there: not bound by the statement timeout.
        await client.query("SET statement_timeout = 0");
        try {
          await migrate(client, options.schema, where);
        } finally {
          await client.query(`SET statement_timeout = ${statementTimeout}`);
        }
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  read(learnerId: string): Promise<LearnerDoc> {
    return this.work.track(
      this.withClient(async (client) => {
        const { rows } = await client.query<Row>(named(READ_DOC, [learnerId]));
        return this.docOf(learnerId, rows[0]?.doc);
      }),
    );
  }

  update<T>(learnerId: string, fn: (doc: LearnerDoc, writer: DocWriter) => T): Promise<T> {
    // One queue per learner in this process (no connection waits on a row another of ours holds); the row lock
    // covers other processes.
    return this.work.serially(learnerId, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.transaction((client, outcome) => this.write(client, outcome, learnerId, fn));
        } catch (error) {
          if (attempt >= RETRIES || !isRetryable(error)) throw error;
        }
      }
    });
  }

  async *history(learnerId: string): AsyncGenerator<AnswerRecord> {
    // Keyset pages: a learner's whole history is never in memory at once.
    let after = 0;
    for (;;) {
      const rows = await this.work.track(
        this.withClient(
          async (client) => (await client.query<Row>(named(HISTORY_PAGE, [learnerId, after, PAGE]))).rows,
        ),
      );
      for (const row of rows) yield row.record as AnswerRecord;
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1]?.seq);
    }
  }

  learners(): Promise<string[]> {
    return this.work.track(
      this.withClient(async (client) => {
        const { rows } = await client.query<Row>(
          "SELECT learner_id FROM tutor_learners WHERE doc IS NOT NULL ORDER BY learner_id",
        );
        return rows.map((r) => r.learner_id as string);
      }),
    );
  }

  leaderboard(query: LeaderboardQuery): Promise<LeaderboardEntry[]> {
    if (query.limit <= 0) return Promise.resolve([]);
    return this.work.track(
      this.withClient(async (client) => {
        const { rows } = query.since
          ? query.guildId
            ? await client.query<Row>(
                named(LEADERBOARD_SINCE_GUILD, [query.since, query.limit, query.guildId]),
              )
            : await client.query<Row>(named(LEADERBOARD_SINCE, [query.since, query.limit]))
          : await client.query<Row>(named(LEADERBOARD_ALL_TIME, [query.guildId ?? "", query.limit]));
        return rows.map((r) => ({
          learnerId: r.learner_id as string,
          xp: Number(r.xp),
          answers: Number(r.answers),
          correct: Number(r.correct),
          stagesPassed: Number(r.stages_passed),
        }));
      }),
    );
  }

  questionFigures(guildId?: string): Promise<QuestionFigure[]> {
    return this.work.track(
      this.withClient(async (client) => {
        const { rows } = await client.query<Row>(named(QUESTION_FIGURES, [guildId ?? ""]));
        return rows.map((r) => ({
          questionId: r.question_id as string,
          total: Number(r.total),
          wrong: Number(r.wrong),
          options: Object.fromEntries(
            Object.entries((r.options ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Number(v)]),
          ) as Record<number, number>,
        }));
      }),
    );
  }

  rebuild(): Promise<RebuildReport> {
    return this.work.track(
      this.transaction(async (client) => {
        for (const sql of REBUILD) await client.query(sql);
        const { rows } = await client.query<Row>(REBUILD_COUNTS);
        return { learners: Number(rows[0]?.learners), answers: Number(rows[0]?.answers), skipped: [] };
      }),
    );
  }

  /** The document and every answer, read in one snapshot; undefined when nothing is kept. */
  export(learnerId: string): Promise<ExportedLearner | undefined> {
    return this.work.track(
      this.withClient(async (client) => {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
          const { rows } = await client.query<Row>(named(READ_DOC, [learnerId]));
          if (!rows[0]?.doc) return undefined;
          const history: AnswerRecord[] = [];
          for (let after = 0; ; ) {
            const page = (await client.query<Row>(named(HISTORY_PAGE, [learnerId, after, PAGE]))).rows;
            for (const row of page) history.push(row.record as AnswerRecord);
            if (page.length < PAGE) break;
            after = Number(page[page.length - 1]?.seq);
          }
          return { ...this.docOf(learnerId, rows[0].doc), history };
        } finally {
          await client.query("COMMIT");
        }
      }),
    );
  }

  /**
   * Replaces the learner's document and answers with `learner`'s, exactly as given, and their part in every
   * figure, in one transaction: the figures are exact at once. Answers are numbered by their place in the history.
   */
  restore(learner: ExportedLearner): Promise<void> {
    const { history, ...doc } = learner;
    return this.work.serially(doc.learnerId, () =>
      this.transaction(async (client) => {
        await client.query("SET LOCAL statement_timeout = 0");
        await this.lockLearner(client, doc.learnerId);
        await client.query(DELETE_ANSWERS, [doc.learnerId]);
        for (let i = 0; i < history.length; i += PAGE) {
          const page = history.slice(i, i + PAGE).map((record, j) => ({ seq: i + j + 1, record }));
          await client.query(APPEND, appendParams(doc.learnerId, null, 0, page));
        }
        for (const sql of TRIM_FIGURES) await client.query(sql);
        const rev = Number.isInteger(doc.rev) ? doc.rev : 0;
        await client.query(SET_DOC, [doc.learnerId, JSON.stringify(doc), rev, ...reminderColumns(doc)]);
      }),
    );
  }

  /** Removes the learner's row, answers and their part in every figure, in one transaction. */
  delete(learnerId: string): Promise<boolean> {
    return this.work.serially(learnerId, () =>
      this.transaction(async (client) => {
        const { rows } = await client.query<Row>(LOCK_LEARNER, [learnerId]);
        if (rows.length === 0) return false;
        // A long history takes as long as it takes to take out of the figures: not bound by the statement timeout.
        await client.query("SET LOCAL statement_timeout = 0");
        await client.query(DELETE_ANSWERS, [learnerId]);
        for (const sql of TRIM_FIGURES) await client.query(sql);
        await client.query("DELETE FROM tutor_learners WHERE learner_id = $1", [learnerId]);
        return rows[0]?.doc != null;
      }),
    );
  }

  /**
   * The learners with reminders on: shared by every machine on the database, and always in step with the documents
   * (their columns are set from the document by every write and restore; a deleted learner's row is gone).
   */
  reminderIndex(): Promise<ReminderIndex> {
    return this.work.track(
      this.withClient(async (client) => {
        const { rows } = await client.query<Row>(REMINDER_INDEX);
        const index: ReminderIndex = {};
        for (const r of rows) {
          index[r.learner_id as string] = {
            hour: Number(r.reminder_hour),
            ...(r.reminder_zone ? { timeZone: r.reminder_zone as string } : {}),
          };
        }
        return index;
      }),
    );
  }

  /** Waits for every read and write started so far, then closes the connections. */
  async close(): Promise<void> {
    await this.work.drained();
    await this.pool.end().catch(() => undefined);
  }

  /** The schema versions this store knows (for tests and `tutor data` reports). */
  static get schemaVersions(): number[] {
    return MIGRATIONS.map((m) => m.version);
  }

  private async write<T>(
    client: PoolClient,
    outcome: { commit: boolean },
    learnerId: string,
    fn: (doc: LearnerDoc, writer: DocWriter) => T,
  ): Promise<T> {
    const before = await this.lockLearner(client, learnerId);
    const working = structuredClone(before);
    const records: AnswerRecord[] = [];
    const result = fn(working, { append: (record) => records.push(record) });
    if (records.length === 0 && JSON.stringify(working) === JSON.stringify(before)) {
      // Nothing to save: rolled back, so a new learner's row made only to be locked is not left behind.
      outcome.commit = false;
      return result;
    }
    const numbered = records.map((record, i) => {
      record.seq = before.log.count + i + 1;
      return { seq: record.seq, record };
    });
    working.version = DOC_VERSION;
    working.rev = before.rev + 1;
    working.log = { count: before.log.count + records.length, bytes: before.log.bytes };
    await client.query(named(APPEND, appendParams(learnerId, working, working.rev, numbered)));
    return result;
  }

  /** Locks the learner's row (making it for a new learner) and returns their document. */
  private async lockLearner(client: PoolClient, learnerId: string): Promise<LearnerDoc> {
    for (;;) {
      const locked = await client.query<Row>(named(LOCK_LEARNER, [learnerId]));
      if (locked.rows.length > 0) return this.docOf(learnerId, locked.rows[0]?.doc);
      // The row is new to this transaction and locked by it; none means another made it first: lock theirs.
      const made = await client.query<Row>(named(CREATE_LEARNER, [learnerId]));
      if (made.rows.length > 0) return this.docOf(learnerId, undefined);
    }
  }

  private docOf(learnerId: string, doc: unknown): LearnerDoc {
    if (doc === null || doc === undefined) return emptyDoc(learnerId, this.now());
    if (typeof doc !== "object" || Array.isArray(doc)) {
      throw new StoreError(
        "STORE_CORRUPT",
        `The progress of ${JSON.stringify(learnerId)} in ${this.where} is not a document (tutor_learners.doc); nothing was changed.`,
        this.where,
      );
    }
    return doc as LearnerDoc;
  }

  /** Runs `work` in a transaction, committed unless `work` throws or sets `outcome.commit` to false. */
  private async transaction<T>(
    work: (client: PoolClient, outcome: { commit: boolean }) => Promise<T>,
  ): Promise<T> {
    return this.withClient(async (client) => {
      await client.query("BEGIN");
      const outcome = { commit: true };
      let result: T;
      try {
        result = await work(client, outcome);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      await client.query(outcome.commit ? "COMMIT" : "ROLLBACK");
      return result;
    });
  }

  /** Runs `work` on a pooled connection; a connection that fails or breaks becomes STORE_UNAVAILABLE. */
  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw unavailable(this.url, error);
    }
    let broken: Error | undefined;
    // A checked-out connection that the server ends (a restart, a dropped database) reports it here too; the
    // statement in flight fails with the same error, which is what the caller sees.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on("error", onError);
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      if (isUnreachable(error)) {
        broken = error as Error;
        throw unavailable(this.url, error);
      }
      throw error;
    } finally {
      client.off("error", onError);
      // A broken connection is closed rather than handed to the next caller.
      client.release(broken);
    }
  }
}

/**
 * A statement prepared once per connection (by its text) and then only bound and run: the planning of the write's
 * statement is not paid per answer.
 */
function named(text: string, values: unknown[]): QueryConfig {
  const name = PREPARED.get(text) ?? `tutor_${PREPARED.size + 1}`;
  PREPARED.set(text, name);
  return { name, text, values };
}
const PREPARED = new Map<string, string>();

/** A deadlock or serialisation failure: nothing was written, and the same write may simply be tried again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === "40P01" || code === "40001";
}
