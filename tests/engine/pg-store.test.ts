// The PostgreSQL store against the real server on 127.0.0.1:5432 (tests/helpers/postgres.ts): the contract every
// store passes, then what only a database has (its schema and migrations, its connection errors, restore).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StoreError } from "../../engine/errors.js";
import { Tutor } from "../../engine/index.js";
import type { ExportedLearner } from "../../engine/progress/model.js";
import { databaseSettings, isDatabaseUrl, openStore } from "../../engine/progress/open-store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../engine/progress/pg-schema.js";
import { PgProgressStore } from "../../engine/progress/pg-store.js";
import { JsonProgressStore } from "../../engine/progress/store.js";
import { clock, FIXTURE_CONTENT, historyOf, tempDir } from "../helpers/engine.js";
import { scratchPostgres } from "../helpers/postgres.js";
import { expectOk } from "../helpers/result.js";
import { answerRecord, recordAnswer, storeContract } from "./store-contract.js";

const pg = scratchPostgres();

storeContract("PostgreSQL", {
  fresh: () => pg.fresh({ dataDir: tempDir() }),
  again: (store) => pg.again(store, { dataDir: store.dir }),
});

describe("the PostgreSQL store's schema", () => {
  it("migrates an empty database once when two stores open it at the same moment", async () => {
    const schema = "s_race";
    const [a, b] = await Promise.all([pg.open(schema), pg.open(schema)]);
    const rows = await pg.sql(
      "SELECT version, name FROM tutor_schema_migrations ORDER BY version",
      [],
      schema,
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    // Both work on the one schema.
    await recordAnswer(a, "ana", answerRecord());
    expect((await b.read("ana")).totals.answers).toBe(1);
  });

  it("refuses a database migrated by a newer tutor, and changes nothing in it", async () => {
    const schema = "s_newer";
    await pg.open(schema);
    await pg.sql(
      "INSERT INTO tutor_schema_migrations (version, name) VALUES ($1, 'from the future')",
      [SCHEMA_VERSION + 1],
      schema,
    );
    const error = await pg.open(schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: "STORE_SCHEMA" });
    expect((error as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect((error as Error).message).toContain("Upgrade this tutor");
    const rows = await pg.sql("SELECT count(*)::int AS n FROM tutor_schema_migrations", [], schema);
    expect(rows).toEqual([{ n: MIGRATIONS.length + 1 }]);
  });

  it("keeps documents and answers exactly as written: key order, unknown fields, characters jsonb refuses", async () => {
    const store = await pg.fresh();
    const odd = "nul \u0000 and a lone surrogate \ud800 and 日本語";
    await store.update("ana", (doc, writer) => {
      doc.zeta = { b: 1, a: [odd] };
      writer.append(answerRecord({ text: odd, future: { z: 1, a: 2 } }));
    });
    const [record] = await historyOf(await pg.again(store), "ana");
    expect(record?.text).toBe(odd);
    expect(Object.keys(record?.future as object)).toEqual(["z", "a"]);
    expect((await store.read("ana")).zeta).toEqual({ b: 1, a: [odd] });
  });
});

describe("the PostgreSQL store's writes", () => {
  it("leaves no row behind for an update that changes nothing", async () => {
    const store = await pg.fresh();
    expect(await store.update("just-looking", (doc) => doc.totals.answers)).toBe(0);
    expect(await pg.sql("SELECT learner_id FROM tutor_learners", [], pg.schemaOf(store))).toEqual([]);
    expect(await store.learners()).toEqual([]);
    expect(await store.delete("just-looking")).toBe(false);
    expect(await store.export("just-looking")).toBeUndefined();
  });
});

describe("the PostgreSQL store's connection", () => {
  it("names the host, port and database of an unreachable server, never the password", async () => {
    const url = "postgres://tutor:s3cret-Pa55@127.0.0.1:1/tutor_prod";
    const error = await openStore(url, { connectTimeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: "STORE_UNAVAILABLE", path: "127.0.0.1:1/tutor_prod" });
    expect((error as Error).message).toMatch(
      /Could not reach the progress database 127\.0\.0\.1:1\/tutor_prod \(ECONNREFUSED\)/,
    );
    expect(
      `${(error as Error).message} ${String((error as Error).cause)} ${JSON.stringify(error)}`,
    ).not.toContain("s3cret");
  });

  it("names a database that does not exist the same way", async () => {
    const url = pg.url().replace(/\/[^/]+$/, "/no_such_database_here");
    const error = await openStore(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "STORE_UNAVAILABLE", path: "127.0.0.1:5432/no_such_database_here" });
    expect((error as Error).message).toContain("3D000");
  });

  it("tells a database URL from a folder, and checks the settings by name", async () => {
    expect(isDatabaseUrl("postgres://h/db")).toBe(true);
    expect(isDatabaseUrl("postgresql://h/db")).toBe(true);
    expect(isDatabaseUrl("/var/lib/tutor")).toBe(false);
    expect(await openStore(tempDir())).toBeInstanceOf(JsonProgressStore);
    expect(databaseSettings({})).toEqual({ poolSize: 10, statementTimeoutMs: 5000 });
    expect(
      databaseSettings({ TUTOR_DATABASE_URL: " postgres://h/db ", TUTOR_DATABASE_POOL_SIZE: "4" }),
    ).toEqual({
      url: "postgres://h/db",
      poolSize: 4,
      statementTimeoutMs: 5000,
    });
    expect(() => databaseSettings({ TUTOR_DATABASE_POOL_SIZE: "lots" })).toThrow(
      'TUTOR_DATABASE_POOL_SIZE should be a whole number from 1 to 1000, not "lots".',
    );
    expect(() => databaseSettings({ TUTOR_DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(
      /TUTOR_DATABASE_STATEMENT_TIMEOUT_MS should be a whole number/,
    );
    expect(() => databaseSettings({ TUTOR_DATABASE_URL: "mysql://h/db" })).toThrow(
      /should be a PostgreSQL URL/,
    );
  });

  it("is what Tutor.open uses when given a database URL, with the local folder for the content cache", async () => {
    const dataDir = tempDir();
    const tutor = await Tutor.open({
      contentDir: FIXTURE_CONTENT,
      databaseUrl: pg.url(),
      dataDir,
      llm: false,
    });
    expect(tutor.store).toBeInstanceOf(PgProgressStore);
    expect(tutor.dataDir).toBe(dataDir);
    expect(tutor.progressLocation).toMatch(/^127\.0\.0\.1:5432\/tutor_test_[0-9a-f]+$/);
    await tutor.close();
    // A folder given as the database is refused, not taken as a folder.
    await expect(
      Tutor.open({ contentDir: FIXTURE_CONTENT, databaseUrl: dataDir, llm: false }),
    ).rejects.toMatchObject({
      code: "STORE_CONFIG",
    });
  });
});

describe("reminders with the PostgreSQL store", () => {
  it("are found by every machine on the database, in the learner's zone, and follow their document", async () => {
    const c = clock("2026-03-02T17:30:00Z");
    const machine = () =>
      Tutor.open({
        contentDir: FIXTURE_CONTENT,
        databaseUrl: pg.url(),
        dataDir: tempDir(),
        llm: false,
        now: c.now,
        timeZone: "UTC",
      });
    const [a, b] = [await machine(), await machine()];
    expectOk(await a.setTimeZone("rem-ana", "Europe/Paris"));
    expectOk(await a.setReminders("rem-ana", true, 19));
    expectOk(await a.setReminders("rem-bo", true, 18));
    // 18:30 in Paris and in UTC 17:30: Bo's hour (no zone: the engine's) has not come, Ana's has not either.
    expect(await b.remindersToTry()).toEqual([]);
    c.set("2026-03-02T18:10:00Z");
    expect((await b.remindersToTry()).sort()).toEqual(["rem-ana", "rem-bo"]);
    // Kept in the database only: neither machine's folder has an index.
    expect(existsSync(join(a.dataDir, "reminders.json"))).toBe(false);
    expect(existsSync(join(b.dataDir, "reminders.json"))).toBe(false);
    expectOk(await b.setReminders("rem-ana", false));
    expect(await a.deleteData("rem-bo")).toBe(true);
    expect(await a.remindersToTry()).toEqual([]);
    await a.close();
    await b.close();
  });
});

describe("the PostgreSQL store's export, restore and delete", () => {
  const learner = (id: string): ExportedLearner => ({
    version: 2,
    learnerId: id,
    createdAt: "2026-01-01T00:00:00.000Z",
    rev: 7,
    log: { count: 2, bytes: 321 },
    totals: { answers: 2, correct: 1, xp: 10 },
    days: { "2026-03-02": 2 },
    questions: { q1: { answers: 2, correct: 1, last: false } },
    cards: {},
    journal: [],
    passed: {},
    read: {},
    fromTheFuture: [1, 2],
    history: [
      answerRecord({ seq: 1, xp: 10, guildId: "g1", selected: [1], extra: "kept" }),
      answerRecord({ seq: 2, xp: 0, guildId: "g1", correct: false, selected: [3] }),
    ],
  });

  it("restores an export exactly, idempotently, with the figures exact at once", async () => {
    const store = await pg.fresh();
    await recordAnswer(store, "bo", answerRecord({ guildId: "g1", selected: [1] }));
    await recordAnswer(store, "ana", answerRecord({ questionId: "gone", guildId: "g1" }));
    await store.restore(learner("ana"));
    await store.restore(learner("ana"));
    expect(await store.export("ana")).toEqual(learner("ana"));
    const figures = {
      board: await store.leaderboard({ guildId: "g1", limit: 10 }),
      questions: await store.questionFigures("g1"),
    };
    expect(figures.board).toEqual([
      { learnerId: "ana", xp: 10, answers: 2, correct: 1, stagesPassed: 0 },
      { learnerId: "bo", xp: 10, answers: 1, correct: 1, stagesPassed: 0 },
    ]);
    expect(figures.questions).toEqual([{ questionId: "q1", total: 3, wrong: 1, options: { 1: 2, 3: 1 } }]);
    await store.rebuild();
    expect({
      board: await store.leaderboard({ guildId: "g1", limit: 10 }),
      questions: await store.questionFigures("g1"),
    }).toEqual(figures);
    // The next answer follows the restored ones.
    await recordAnswer(store, "ana", answerRecord());
    expect((await historyOf(store, "ana")).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it("deletes a learner and their part in every figure in one go, as a recount would have it", async () => {
    const store = await pg.fresh();
    await recordAnswer(store, "ana", answerRecord({ guildId: "g1", selected: [2], correct: false }));
    await recordAnswer(store, "ana", answerRecord({ questionId: "only-ana", guildId: "g1", selected: [0] }));
    await recordAnswer(store, "bo", answerRecord({ guildId: "g1", selected: [1] }));
    expect(await store.delete("ana")).toBe(true);
    expect(await store.delete("ana")).toBe(false);
    const after = {
      board: await store.leaderboard({ limit: 10 }),
      questions: await store.questionFigures(),
      g1: await store.questionFigures("g1"),
    };
    expect(after.questions).toEqual([{ questionId: "q1", total: 1, wrong: 0, options: { 1: 1 } }]);
    await store.rebuild();
    expect({
      board: await store.leaderboard({ limit: 10 }),
      questions: await store.questionFigures(),
      g1: await store.questionFigures("g1"),
    }).toEqual(after);
    expect(await store.export("ana")).toBeUndefined();
    expect(await store.learners()).toEqual(["bo"]);
    expect((await store.read("ana")).totals.answers).toBe(0);
  });

  it("streams a long history in order without holding it all", async () => {
    const store = await pg.fresh();
    const history = Array.from({ length: 2_500 }, (_, i) =>
      answerRecord({ questionId: `q${i}`, seq: i + 1 }),
    );
    await store.restore({ ...learner("ana"), history, log: { count: 2_500, bytes: 0 } });
    let n = 0;
    for await (const record of store.history("ana")) {
      expect(record.questionId).toBe(`q${n}`);
      n++;
    }
    expect(n).toBe(2_500);
  });
});
