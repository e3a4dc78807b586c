/**
 * The PostgreSQL store's schema, created and migrated by the tutor itself. Each migration runs once, in its own
 * transaction, and is recorded in tutor_schema_migrations. A session advisory lock is held while migrating, so
 * several processes (shards, machines) starting at once on an empty database migrate it once and the others wait.
 * A database migrated by a newer tutor (a version this one does not know) is refused rather than written to.
 *
 * Tables (docs/architecture.md has the picture):
 *   tutor_learners            one row per learner: the document (json, kept as written), its revision, and
 *                             its reminder hour and zone when reminders are on (the reminder index)
 *   tutor_answers             the answer log: (learner_id, seq) with the record as written, and the columns the
 *                             figures need (guild, question, time, right, xp, stage passed, options chosen)
 *   tutor_scores              per scope ('' = every server, else a guild id) and learner: xp, answers, right, passed
 *   tutor_question_figures    per scope and question: answers and wrong answers
 *   tutor_option_figures      per scope, question and option: times chosen
 * The three figure tables are kept exact in the transaction that records (or deletes, or restores) answers, and
 * rebuild() recomputes them from tutor_answers.
 */
import type { PoolClient } from "pg";
import { StoreError } from "../errors.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "learners, answers and server figures",
    sql: `
      CREATE TABLE tutor_learners (
        learner_id text PRIMARY KEY,
        -- json, not jsonb: kept exactly as written (key order, unknown fields, \\u0000 in text that jsonb refuses).
        doc json,
        rev bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE tutor_answers (
        learner_id text NOT NULL,
        seq integer NOT NULL,
        guild_id text,
        question_id text NOT NULL,
        -- NULL when the record's time cannot be read: then it counts for no "since" leaderboard.
        at timestamptz,
        correct boolean NOT NULL,
        xp integer NOT NULL,
        passed_stage boolean NOT NULL,
        selected text[] NOT NULL,
        record json NOT NULL,
        PRIMARY KEY (learner_id, seq)
      );
      -- The "since" leaderboards (the rolling week), over every server and per server.
      CREATE INDEX tutor_answers_at ON tutor_answers (at) INCLUDE (learner_id, xp, correct, passed_stage)
        WHERE at IS NOT NULL;
      CREATE INDEX tutor_answers_guild_at ON tutor_answers (guild_id, at) INCLUDE (learner_id, xp, correct, passed_stage)
        WHERE guild_id IS NOT NULL AND at IS NOT NULL;
      CREATE TABLE tutor_scores (
        scope text NOT NULL,
        learner_id text NOT NULL,
        xp bigint NOT NULL,
        answers bigint NOT NULL,
        correct bigint NOT NULL,
        stages_passed bigint NOT NULL,
        PRIMARY KEY (scope, learner_id)
      );
      -- The all-time leaderboard in its own order: the top rows are read from the index, never sorted.
      CREATE INDEX tutor_scores_rank ON tutor_scores (scope, xp DESC, correct DESC, learner_id COLLATE "C");
      CREATE INDEX tutor_scores_learner ON tutor_scores (learner_id);
      CREATE TABLE tutor_question_figures (
        scope text NOT NULL,
        question_id text NOT NULL,
        total bigint NOT NULL,
        wrong bigint NOT NULL,
        PRIMARY KEY (scope, question_id)
      );
      CREATE TABLE tutor_option_figures (
        scope text NOT NULL,
        question_id text NOT NULL,
        option text NOT NULL,
        chosen bigint NOT NULL,
        PRIMARY KEY (scope, question_id, option)
      );
    `,
  },
  {
    version: 2,
    name: "reminder index",
    sql: `
      -- Who asked for reminders (ProgressStore.reminderIndex), kept from the document by every write: the hourly
      -- pass reads these columns through a partial index, never the documents (whose text SQL need not parse).
      ALTER TABLE tutor_learners ADD COLUMN reminder_hour smallint, ADD COLUMN reminder_zone text;
      CREATE INDEX tutor_learners_reminders ON tutor_learners (learner_id) INCLUDE (reminder_hour, reminder_zone)
        WHERE reminder_hour IS NOT NULL;
    `,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** A schema name that needs no quoting (for search_path and CREATE SCHEMA). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Brings the schema (`schema`, or the connection's default) up to SCHEMA_VERSION under an advisory lock; returns
 * the versions applied by this call (none when another process did it first).
 */
export async function migrate(
  client: PoolClient,
  schema: string | undefined,
  where: string,
): Promise<number[]> {
  const key = `six-stages-tutor:migrate:${schema ?? ""}`;
  await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS tutor_schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      "SELECT max(version) AS version FROM tutor_schema_migrations",
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new StoreError(
        "STORE_SCHEMA",
        `The progress database ${where} was set up by a newer tutor (schema version ${current}; this tutor knows up to ${SCHEMA_VERSION}). Upgrade this tutor; it does not write to a schema it does not know.`,
        where,
      );
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO tutor_schema_migrations (version, name) VALUES ($1, $2)", [
          migration.version,
          migration.name,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => undefined);
  }
}
