// The ProgressStore contract: what every store (the JSON files, a database) must do, run against a factory.
// tests/engine/store.test.ts runs it for the JSON store; another store runs it with its own factory.
import { describe, expect, it } from "vitest";
import type { AnswerRecord, ExportedLearner, LearnerDoc } from "../../engine/progress/model.js";
import type { ProgressStore } from "../../engine/progress/store.js";
import { countAnswer } from "../../engine/progress/tallies.js";
import { historyOf } from "../helpers/engine.js";

export interface StoreFactory {
  /** A new, empty store. */
  fresh(): Promise<ProgressStore> | ProgressStore;
  /** A second handle on the same data (another process would hold one): sees the first one's writes. */
  again(store: ProgressStore): Promise<ProgressStore> | ProgressStore;
}

export function answerRecord(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    questionId: "q1",
    lessonId: "l",
    stage: 1,
    at: "2026-03-02T10:00:00.000Z",
    correct: true,
    score: 1,
    hintUsed: false,
    mode: "quiz",
    ...overrides,
  };
}

/** Records an answer the way the engine does: counted into the tallies and appended, in one update. */
export function recordAnswer(store: ProgressStore, learnerId: string, record: AnswerRecord): Promise<void> {
  return store.update(learnerId, (doc, writer) => {
    countAnswer(doc, record, record.at.slice(0, 10));
    writer.append(record);
  });
}

/**
 * A few learners with everything a document can hold: answers in two servers and none, options chosen, XP, a stage
 * passed, a journal entry, a review card, settings, and fields and record fields this version does not know.
 */
export async function fillLearners(store: ProgressStore, ids = ["ana", "bo", "cy"]): Promise<void> {
  for (const [n, id] of ids.entries()) {
    for (let i = 0; i < 3 + n; i++) {
      await recordAnswer(
        store,
        id,
        answerRecord({
          questionId: `q${i % 3}`,
          correct: (i + n) % 3 !== 0,
          selected: [(i + n) % 4],
          guildId: [undefined, "g1", "g2"][(i + n) % 3],
          at: new Date(Date.UTC(2026, 2, 1 + i, 10 + n)).toISOString(),
          ...(i === 2 ? { passedStage: true, futureRecordField: { n } } : {}),
        }),
      );
    }
    await store.update(id, (doc) => {
      doc.passed.l = { 1: "2026-03-03T10:00:00.000Z", ...(n > 0 ? { 2: "2026-03-04T10:00:00.000Z" } : {}) };
      doc.journal.push({
        lessonId: "l",
        stage: 2,
        questionId: "q-explain",
        kind: "explanation",
        text: `what ${id} wrote`,
        at: "2026-03-03T10:00:00.000Z",
        covered: ["a"],
        missed: ["b"],
      });
      doc.cards.q1 = {
        due: "2026-03-09T10:00:00.000Z",
        stability: 2.5,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 3,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review: "2026-03-06T10:00:00.000Z",
      };
      doc.settings = { timeZone: "Europe/Paris" };
      doc.futureField = { keep: id };
    });
  }
}

/** Everything the store's figures say, in an order that does not depend on the store. */
export async function figuresOf(store: ProgressStore) {
  const byId = (rows: { questionId: string }[]) =>
    [...rows].sort((a, b) => a.questionId.localeCompare(b.questionId));
  return {
    all: await store.leaderboard({ limit: 100 }),
    g1: await store.leaderboard({ guildId: "g1", limit: 100 }),
    since: await store.leaderboard({ since: new Date("2026-03-02T00:00:00Z"), limit: 100 }),
    questions: byId(await store.questionFigures()),
    g1questions: byId(await store.questionFigures("g1")),
  };
}

/** An export as compared between stores: where the log ends in bytes is each store's own bookkeeping. */
export function comparable(learner: ExportedLearner | undefined) {
  if (!learner) return learner;
  return { ...learner, log: { count: learner.log.count } };
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`the ProgressStore contract: ${name}`, () => {
    it("gives a new learner an empty document, and keeps what an update sets, known fields or not", async () => {
      const store = await factory.fresh();
      const doc = await store.read("new-person");
      expect(doc).toMatchObject({
        learnerId: "new-person",
        totals: { answers: 0, correct: 0, xp: 0 },
        cards: {},
      });
      expect(await historyOf(store, "new-person")).toEqual([]);
      await store.update("new-person", (d) => {
        d.futureField = { keep: "me" };
        d.read.l = { 1: "2026-03-02T10:00:00.000Z" };
      });
      const other = await factory.again(store);
      expect(await other.read("new-person")).toMatchObject({
        futureField: { keep: "me" },
        read: { l: { 1: expect.any(String) } },
      });
      await store.close();
      await other.close();
    });

    it("appends answers to the log with their place, counts them in the document, and streams them back in order", async () => {
      const store = await factory.fresh();
      for (let i = 0; i < 5; i++) {
        await recordAnswer(store, "ana", answerRecord({ questionId: `q${i % 2}`, correct: i !== 1 }));
      }
      const history = await historyOf(store, "ana");
      expect(history.map((r) => [r.seq, r.questionId, r.correct])).toEqual([
        [1, "q0", true],
        [2, "q1", false],
        [3, "q0", true],
        [4, "q1", true],
        [5, "q0", true],
      ]);
      // 10 for each question's first right answer, 5 for later ones.
      expect(history.map((r) => r.xp)).toEqual([10, 0, 5, 10, 5]);
      const doc = await (await factory.again(store)).read("ana");
      expect(doc.totals).toEqual({ answers: 5, correct: 4, xp: 30 });
      expect(doc.questions).toEqual({
        q0: { answers: 3, correct: 3, last: true },
        q1: { answers: 2, correct: 1, last: true },
      });
      expect(doc.days).toEqual({ "2026-03-02": 5 });
      expect(doc.log.count).toBe(5);
      expect(doc).not.toHaveProperty("history");
      await store.close();
    });

    it("writes nothing when the update throws", async () => {
      const store = await factory.fresh();
      await recordAnswer(store, "ana", answerRecord());
      await expect(
        store.update("ana", (doc, writer) => {
          doc.totals.answers = 99;
          writer.append(answerRecord({ questionId: "never" }));
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect((await store.read("ana")).totals.answers).toBe(1);
      expect((await historyOf(store, "ana")).map((r) => r.questionId)).toEqual(["q1"]);
      expect(await store.leaderboard({ limit: 10 })).toEqual([
        { learnerId: "ana", xp: 10, answers: 1, correct: 1, stagesPassed: 0 },
      ]);
      await store.close();
    });

    it("loses no update when many writes race inside one process", async () => {
      const store = await factory.fresh();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          recordAnswer(store, "racer", answerRecord({ questionId: `q${i}` })),
        ),
      );
      const history = await historyOf(store, "racer");
      expect(history).toHaveLength(40);
      expect(new Set(history.map((r) => r.questionId)).size).toBe(40);
      expect((await store.read("racer")).totals.xp).toBe(400);
      await store.close();
    });

    it("ranks learners per server and over all servers, all time and since a time", async () => {
      const store = await factory.fresh();
      const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}T10:00:00.000Z`;
      await recordAnswer(store, "ana", answerRecord({ guildId: "g1", at: day(1) }));
      await recordAnswer(
        store,
        "ana",
        answerRecord({ guildId: "g1", questionId: "q2", at: day(9), passedStage: true }),
      );
      await recordAnswer(store, "bo", answerRecord({ guildId: "g1", at: day(9) }));
      await recordAnswer(
        store,
        "bo",
        answerRecord({ guildId: "g1", questionId: "q2", at: day(9), correct: false }),
      );
      await recordAnswer(store, "cy", answerRecord({ guildId: "g2", at: day(9) }));
      await recordAnswer(store, "cy", answerRecord({ guildId: "g2", questionId: "q3", at: day(9) }));
      await recordAnswer(store, "di", answerRecord({ at: day(9) }));
      const reader = await factory.again(store);
      expect(await reader.leaderboard({ guildId: "g1", limit: 10 })).toEqual([
        { learnerId: "ana", xp: 20, answers: 2, correct: 2, stagesPassed: 1 },
        { learnerId: "bo", xp: 10, answers: 2, correct: 1, stagesPassed: 0 },
      ]);
      expect(await reader.leaderboard({ guildId: "g1", since: new Date(day(5)), limit: 10 })).toEqual([
        { learnerId: "ana", xp: 10, answers: 1, correct: 1, stagesPassed: 1 },
        { learnerId: "bo", xp: 10, answers: 2, correct: 1, stagesPassed: 0 },
      ]);
      expect((await reader.leaderboard({ limit: 10 })).map((r) => [r.learnerId, r.xp, r.answers])).toEqual([
        ["ana", 20, 2],
        ["cy", 20, 2],
        ["bo", 10, 2],
        ["di", 10, 1],
      ]);
      expect((await reader.leaderboard({ limit: 2 })).map((r) => r.learnerId)).toEqual(["ana", "cy"]);
      expect(await reader.leaderboard({ guildId: "nowhere", limit: 10 })).toEqual([]);
      expect(await reader.leaderboard({ since: new Date(day(20)), limit: 10 })).toEqual([]);
      await store.close();
      await reader.close();
    });

    it("counts answers, wrong answers and chosen options per question, per server and over all", async () => {
      const store = await factory.fresh();
      await recordAnswer(store, "ana", answerRecord({ guildId: "g1", correct: false, selected: [2] }));
      await recordAnswer(store, "bo", answerRecord({ guildId: "g1", correct: false, selected: [2] }));
      await recordAnswer(store, "cy", answerRecord({ guildId: "g2", correct: true, selected: [0] }));
      const reader = await factory.again(store);
      expect(await reader.questionFigures("g1")).toEqual([
        { questionId: "q1", total: 2, wrong: 2, options: { 2: 2 } },
      ]);
      expect(await reader.questionFigures()).toEqual([
        { questionId: "q1", total: 3, wrong: 2, options: { 0: 1, 2: 2 } },
      ]);
      await store.close();
      await reader.close();
    });

    it("rebuilds the same figures from the learners' logs", async () => {
      const store = await factory.fresh();
      for (let i = 0; i < 30; i++) {
        await recordAnswer(
          store,
          `l${i % 7}`,
          answerRecord({
            questionId: `q${i % 4}`,
            correct: i % 3 !== 0,
            guildId: i % 2 ? "g1" : undefined,
            selected: [i % 3],
            at: new Date(Date.UTC(2026, 2, 1 + (i % 12), 10)).toISOString(),
            ...(i % 5 === 0 ? { passedStage: true } : {}),
          }),
        );
      }
      const queries = async (s: ProgressStore) => ({
        all: await s.leaderboard({ limit: 100 }),
        g1: await s.leaderboard({ guildId: "g1", limit: 100 }),
        week: await s.leaderboard({ since: new Date("2026-03-06T00:00:00Z"), limit: 100 }),
        questions: await s.questionFigures(),
        g1questions: await s.questionFigures("g1"),
      });
      const before = await queries(store);
      expect(before.all.reduce((n, r) => n + r.answers, 0)).toBe(30);
      const rebuilt = await factory.again(store);
      const report = await rebuilt.rebuild();
      expect(report).toMatchObject({ learners: 7, answers: 30, skipped: [] });
      const after = await queries(rebuilt);
      const byId = <T extends { questionId: string }>(rows: T[]) =>
        [...rows].sort((a, b) => a.questionId.localeCompare(b.questionId));
      expect({ ...after, questions: byId(after.questions), g1questions: byId(after.g1questions) }).toEqual({
        ...before,
        questions: byId(before.questions),
        g1questions: byId(before.g1questions),
      });
      // And the store that did not rebuild goes on counting new answers on top of the rebuilt figures.
      await recordAnswer(store, "l0", answerRecord({ questionId: "q9" }));
      expect((await rebuilt.leaderboard({ limit: 100 })).reduce((n, r) => n + r.answers, 0)).toBe(31);
      await store.close();
      await rebuilt.close();
    });

    it("lists every learner by id, odd ids included", async () => {
      const store = await factory.fresh();
      const ids = ["local", "discord:1234", "50%", "../x", "日本語".repeat(20)];
      for (const id of ids)
        await store.update(id, (doc: LearnerDoc) => {
          doc.seen = true;
        });
      expect((await store.learners()).sort()).toEqual([...ids].sort());
      await store.close();
    });

    it("closes only when the reads and writes in flight have finished", async () => {
      const store = await factory.fresh();
      let settled = 0;
      const work = [store.read("a"), recordAnswer(store, "b", answerRecord())].map((p) =>
        (p as Promise<unknown>).finally(() => settled++),
      );
      await store.close();
      expect(settled).toBe(2);
      await expect(Promise.all(work)).resolves.toHaveLength(2);
    });

    describe("restore", () => {
      it("takes an export into a fresh store and gives the same export back, history and unknown fields kept", async () => {
        const source = await factory.fresh();
        await fillLearners(source);
        const target = await factory.fresh();
        for (const id of ["ana", "bo", "cy"]) {
          const exported = (await source.export(id)) as ExportedLearner;
          expect(exported.history.length).toBeGreaterThan(2);
          await target.restore(exported);
        }
        const reader = await factory.again(target);
        for (const id of ["ana", "bo", "cy"]) {
          const restored = await reader.export(id);
          expect(comparable(restored)).toEqual(comparable(await source.export(id)));
          expect(restored?.futureField).toEqual({ keep: id });
          expect(restored?.history[2]).toMatchObject({ futureRecordField: expect.any(Object), seq: 3 });
        }
        expect((await reader.learners()).sort()).toEqual(["ana", "bo", "cy"]);
        await source.close();
        await target.close();
        await reader.close();
      });

      it("gives the source's leaderboards and question figures once rebuilt", async () => {
        const source = await factory.fresh();
        await fillLearners(source);
        const target = await factory.fresh();
        for (const id of await source.learners())
          await target.restore((await source.export(id)) as ExportedLearner);
        await target.rebuild();
        const expected = await figuresOf(source);
        expect(expected.all).toHaveLength(3);
        expect(expected.g1questions.length).toBeGreaterThan(0);
        expect(await figuresOf(target)).toEqual(expected);
        expect(await figuresOf(await factory.again(target))).toEqual(expected);
        await source.close();
        await target.close();
      });

      it("restoring twice gives what restoring once gives", async () => {
        const source = await factory.fresh();
        await fillLearners(source, ["ana"]);
        const exported = (await source.export("ana")) as ExportedLearner;
        const target = await factory.fresh();
        await target.restore(exported);
        await target.restore(exported);
        await target.rebuild();
        expect(comparable(await target.export("ana"))).toEqual(comparable(exported));
        expect(await figuresOf(target)).toEqual(await figuresOf(source));
        await source.close();
        await target.close();
      });

      it("replaces a different learner of the same id whole, and numbers the next answer after the restored ones", async () => {
        const source = await factory.fresh();
        await fillLearners(source, ["ana"]);
        const exported = (await source.export("ana")) as ExportedLearner;
        const target = await factory.fresh();
        for (let i = 0; i < 7; i++) {
          await recordAnswer(target, "ana", answerRecord({ questionId: `other${i}`, guildId: "g1" }));
        }
        await target.update("ana", (doc) => {
          doc.cards.other = { ...(exported.cards.q1 as NonNullable<(typeof exported.cards)["q1"]>) };
          doc.onlyInTarget = true;
        });
        await target.restore(exported);
        await target.rebuild();
        const restored = await target.export("ana");
        expect(comparable(restored)).toEqual(comparable(exported));
        expect(restored).not.toHaveProperty("onlyInTarget");
        expect(restored?.history.map((r) => r.questionId)).toEqual(exported.history.map((r) => r.questionId));
        expect(await figuresOf(target)).toEqual(await figuresOf(source));

        await recordAnswer(target, "ana", answerRecord({ questionId: "after" }));
        const history = await historyOf(target, "ana");
        expect(history.map((r) => r.seq)).toEqual(
          exported.history.map((_, i) => i + 1).concat(exported.history.length + 1),
        );
        expect((await target.read("ana")).totals.answers).toBe(exported.totals.answers + 1);
        expect((await target.leaderboard({ limit: 10 }))[0]).toMatchObject({
          learnerId: "ana",
          answers: exported.history.length + 1,
        });
        await source.close();
        await target.close();
      });
    });
  });
}
