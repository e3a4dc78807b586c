// Moving progress between stores and comparing two, for every pair of store kinds: each factory below is one kind,
// and every test runs for each (from, to) pair. A new store kind is one more line in STORES.
import { describe, expect, it } from "vitest";
import {
  CountsDiffer,
  type MigrateProgress,
  migrateStores,
  verifyStores,
} from "../../engine/progress/migrate.js";
import type { ExportedLearner } from "../../engine/progress/model.js";
import { JsonProgressStore, type ProgressStore } from "../../engine/progress/store.js";
import { readIndexOf } from "../../engine/reminders/index-file.js";
import { tempDir } from "../helpers/engine.js";
import { scratchPostgres } from "../helpers/postgres.js";
import { answerRecord, comparable, figuresOf, fillLearners, recordAnswer } from "./store-contract.js";

interface Kind {
  name: string;
  fresh(): Promise<ProgressStore> | ProgressStore;
}

const pg = scratchPostgres();

const STORES: Kind[] = [
  { name: "a JSON folder", fresh: () => new JsonProgressStore(tempDir(), { onNotice: () => undefined }) },
  { name: "a PostgreSQL database", fresh: () => pg.fresh({ dataDir: tempDir() }) },
];

const PAIRS = STORES.flatMap((from) => STORES.map((to) => ({ from, to })));

/** What fillLearners puts in a store: ana, bo and cy with 3, 4 and 5 answers, 1, 2 and 2 stages passed. */
const FILLED = { learners: 3, answers: 12, stagePasses: 5, journalEntries: 3, cards: 3 };

async function exportsOf(store: ProgressStore) {
  const out: Record<string, unknown> = {};
  for (const id of (await store.learners()).sort()) out[id] = comparable(await store.export(id));
  return out;
}

describe.each(PAIRS)("from $from.name to $to.name", ({ from, to }) => {
  it("keeps who wants reminders, at their hour and in their zone, where the target's reminder check reads them", async () => {
    const source = await from.fresh();
    await fillLearners(source);
    await source.update("ana", (doc) => {
      doc.reminders = { on: true, hour: 7 };
      doc.settings = { timeZone: "Asia/Tokyo" };
    });
    await source.update("bo", (doc) => {
      doc.reminders = { on: true, hour: 20 };
      delete doc.settings;
    });
    await source.update("cy", (doc) => {
      doc.reminders = { on: false, hour: 9 };
    });
    const target = await to.fresh();
    await migrateStores(source, target);
    expect(await readIndexOf(target)).toEqual({ ana: { hour: 7, timeZone: "Asia/Tokyo" }, bo: { hour: 20 } });
    // Turned off in the source and copied again: the target stops reminding.
    await source.update("ana", (doc) => {
      doc.reminders = { on: false, hour: 7 };
    });
    await migrateStores(source, target);
    expect(await readIndexOf(target)).toEqual({ bo: { hour: 20 } });
    await source.close();
    await target.close();
  });

  it("copies every learner whole, rebuilds the figures, and counts each kind in both", async () => {
    const source = await from.fresh();
    await fillLearners(source);
    const target = await to.fresh();
    const seen: MigrateProgress[] = [];
    const report = await migrateStores(source, target, { onProgress: (p) => seen.push({ ...p }) });
    expect(report.source).toEqual(FILLED);
    expect(report.target).toEqual(FILLED);
    expect(report.rebuilt).toMatchObject({ learners: 3, answers: 12, skipped: [] });
    expect(await exportsOf(target)).toEqual(await exportsOf(source));
    expect(await figuresOf(target)).toEqual(await figuresOf(source));
    expect(await verifyStores(source, target)).toEqual({ learners: 3, total: 0, differences: [] });
    // Each phase reports its learners one by one, up to all of them.
    expect(seen.filter((p) => p.phase === "copy").map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(seen.filter((p) => p.phase === "count").at(-1)).toEqual({ phase: "count", done: 3, total: 3 });
    expect(seen.some((p) => p.phase === "rebuild")).toBe(true);
    await source.close();
    await target.close();
  });

  it("gives the same target when run twice", async () => {
    const source = await from.fresh();
    await fillLearners(source);
    const target = await to.fresh();
    await migrateStores(source, target);
    const once = { exports: await exportsOf(target), figures: await figuresOf(target) };
    const again = await migrateStores(source, target);
    expect(again.target).toEqual(FILLED);
    expect({ exports: await exportsOf(target), figures: await figuresOf(target) }).toEqual(once);
    await source.close();
    await target.close();
  });

  it("copies many learners with none lost or mixed up", async () => {
    const source = await from.fresh();
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j <= i % 4; j++) {
        await recordAnswer(
          source,
          `learner-${i}`,
          answerRecord({ questionId: `q${j}`, guildId: `g${i % 3}` }),
        );
      }
    }
    const target = await to.fresh();
    const report = await migrateStores(source, target);
    expect(report.target).toMatchObject({ learners: 60, answers: 150 });
    expect(await verifyStores(source, target)).toMatchObject({ learners: 60, total: 0 });
    await source.close();
    await target.close();
  });

  it("fails, naming each kind whose count differs, when the target holds more than the source", async () => {
    const source = await from.fresh();
    await fillLearners(source);
    const target = await to.fresh();
    await recordAnswer(target, "only-in-target", answerRecord());
    const failed = await migrateStores(source, target).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CountsDiffer);
    expect((failed as CountsDiffer).kinds).toEqual(["learners", "answers"]);
    expect((failed as Error).message).toContain(
      "learners 3 in the source, 4 in the target; answers 12 in the source, 13 in the target",
    );
    // Every learner of the source was still copied.
    expect((await exportsOf(target)).ana).toEqual((await exportsOf(source)).ana);
    await source.close();
    await target.close();
  });

  it("verify lists a changed learner, a learner kept on one side only, and figures that differ", async () => {
    const source = await from.fresh();
    await fillLearners(source);
    const target = await to.fresh();
    await migrateStores(source, target);
    const bo = (await target.export("bo")) as ExportedLearner;
    await target.restore({
      ...bo,
      totals: { ...bo.totals, xp: bo.totals.xp + 100 },
      history: bo.history.map((r, i) => (i === 1 ? { ...r, correct: !r.correct } : r)),
    });
    await recordAnswer(source, "dee", answerRecord());
    await target.rebuild();
    const report = await verifyStores(source, target);
    expect(report.learners).toBe(4);
    expect(report.differences).toEqual([
      { learnerId: "bo", what: "document differs in totals" },
      { learnerId: "bo", what: "history differs from answer 2 of 4" },
      { learnerId: "dee", what: "kept only in the first store" },
      {
        what: expect.stringMatching(
          /^the all-time leaderboard differs from rank \d+: .* in the first store, .* in the second$/,
        ),
      },
      { what: expect.stringMatching(/^the figures of 1 question\(s\) differ .*: q[0-2]$/) },
    ]);
    expect(report.total).toBe(5);
    // The other way round, the learner on one side only is on the other side.
    expect((await verifyStores(target, source)).differences).toContainEqual({
      learnerId: "dee",
      what: "kept only in the second store",
    });
    // A short list, the whole count.
    const short = await verifyStores(source, target, { limit: 1 });
    expect(short.differences.filter((d) => d.learnerId)).toEqual([report.differences[0]]);
    expect(short.total).toBe(5);
    await source.close();
    await target.close();
  });
});
