// The real PostgreSQL server on 127.0.0.1:5432 (trust auth) for the store tests: started when it is not running,
// a scratch database per test file (random name, made through the `test` database) dropped when the file is done,
// and a fresh schema per store the contract asks for.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { userInfo } from "node:os";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { PgOptions } from "../../engine/progress/pg-settings.js";
import { PgProgressStore } from "../../engine/progress/pg-store.js";
import type { StoreOptions } from "../../engine/progress/store.js";

// As the machine's user (psql's default too): the server trusts loopback connections.
const SERVER = `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432`;

function ready(): boolean {
  try {
    execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-t", "5"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Makes sure the server answers, starting the cluster (as .ci/run does) when it does not. */
export function ensurePostgres(): void {
  if (ready()) return;
  const version = readdirSync("/etc/postgresql")[0];
  if (!version) throw new Error("PostgreSQL is not installed (no /etc/postgresql/<version>).");
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], {
    stdio: "inherit",
  });
  for (let i = 0; i < 30 && !ready(); i++) execFileSync("sleep", ["1"]);
  if (!ready()) throw new Error("PostgreSQL did not start on 127.0.0.1:5432.");
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/test` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL and a function that drops it (whoever is still connected). */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  ensurePostgres();
  const name = `tutor_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: `${SERVER}/${name}`,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A scratch database for the test file: made before its tests, dropped after them, with every store opened through
 * `open` closed first. `fresh` gives a store on a new schema of its own; `again` a second handle on a store's schema.
 */
export function scratchPostgres() {
  let database: { url: string; drop: () => Promise<void> } | undefined;
  const stores: PgProgressStore[] = [];
  const schemas = new WeakMap<object, string>();
  beforeAll(async () => {
    database = await scratchDatabase();
  });
  afterAll(async () => {
    await Promise.allSettled(stores.map((s) => s.close()));
    await database?.drop();
  });
  const url = () => {
    if (!database) throw new Error("scratchPostgres: the database is made in beforeAll");
    return database.url;
  };
  const open = async (schema: string, options: StoreOptions & PgOptions = {}) => {
    const store = await PgProgressStore.open(url(), { schema, onNotice: () => undefined, ...options });
    schemas.set(store, schema);
    stores.push(store);
    return store;
  };
  return {
    url,
    open,
    fresh: (options: StoreOptions & PgOptions = {}) => open(`s_${randomBytes(6).toString("hex")}`, options),
    schemaOf: (store: object) => schemas.get(store) as string,
    again: (store: object, options: StoreOptions & PgOptions = {}) =>
      open(schemas.get(store) as string, options),
    /** Runs SQL on the scratch database (in `schema` when given), outside any store. */
    sql: async (text: string, params: unknown[] = [], schema?: string) => {
      const client = new pg.Client({
        connectionString: url(),
        ...(schema ? { options: `-c search_path=${schema}` } : {}),
      });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
