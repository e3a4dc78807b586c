/**
 * Moving progress between stores (a JSON folder and a database, either way) and comparing two stores.
 *
 * migrateStores copies every learner as export -> restore, a few at a time and never all in memory, then rebuilds
 * the target's server figures once, then counts each kind of record (learners, answers, stage passes, journal
 * entries, review cards) in both stores and fails, naming the kinds, when a count differs. Restore replaces a
 * learner whole, so running it again gives the same target. verifyStores compares every learner's export, both
 * ways, and the server figures, and lists what differs.
 */
import { isDeepStrictEqual } from "node:util";
import type { LeaderboardEntry, QuestionFigure } from "./figures.js";
import type { ExportedLearner } from "./model.js";
import type { ProgressStore, RebuildReport } from "./store.js";

export const KINDS = ["learners", "answers", "stagePasses", "journalEntries", "cards"] as const;
export type Kind = (typeof KINDS)[number];
export type Counts = Record<Kind, number>;

export const KIND_WORDS: Record<Kind, string> = {
  learners: "learners",
  answers: "answers",
  stagePasses: "stage passes",
  journalEntries: "journal entries",
  cards: "review cards",
};

/** Learners read and written at once: enough to hide a database's round trips, few enough to keep memory small. */
const AT_ONCE = 4;
/** The leaderboard rows verify compares: the top of the all-time board over every server. */
export const LEADERBOARD_COMPARED = 10_000;

export interface MigrateProgress {
  phase: "copy" | "rebuild" | "count" | "compare";
  /** Learners done in this phase, of `total` (both 0 for the rebuild). */
  done: number;
  total: number;
}

export interface MigrateReport {
  source: Counts;
  target: Counts;
  rebuilt: RebuildReport;
}

/** The counts of the source and the target differ: the migration is not complete. */
export class CountsDiffer extends Error {
  constructor(
    readonly report: MigrateReport,
    readonly kinds: Kind[],
  ) {
    super(
      `The target does not hold what the source holds: ${kinds
        .map((k) => `${KIND_WORDS[k]} ${report.source[k]} in the source, ${report.target[k]} in the target`)
        .join("; ")}. Run \`tutor data verify\` on the two to see which learners differ.`,
    );
    this.name = "CountsDiffer";
  }
}

export function noCounts(): Counts {
  return { learners: 0, answers: 0, stagePasses: 0, journalEntries: 0, cards: 0 };
}

/** Adds one learner's records to `counts`. */
export function countLearner(counts: Counts, learner: ExportedLearner): void {
  counts.learners++;
  counts.answers += learner.history.length;
  for (const stages of Object.values(learner.passed ?? {}))
    counts.stagePasses += Object.keys(stages ?? {}).length;
  counts.journalEntries += learner.journal?.length ?? 0;
  counts.cards += Object.keys(learner.cards ?? {}).length;
}

/**
 * Copies every learner of `from` into `to` (replacing what `to` held about them), rebuilds `to`'s figures and
 * checks the counts; throws CountsDiffer when they differ. Learners `to` holds that `from` does not are left as
 * they are, and show in the counts.
 */
export async function migrateStores(
  from: ProgressStore,
  to: ProgressStore,
  options: { onProgress?: (progress: MigrateProgress) => void } = {},
): Promise<MigrateReport> {
  const progress = options.onProgress ?? (() => undefined);
  const source = noCounts();
  const ids = await from.learners();
  await eachLearner(from, ids, "copy", progress, async (learner) => {
    countLearner(source, learner);
    await to.restore(learner);
  });
  progress({ phase: "rebuild", done: 0, total: 0 });
  const rebuilt = await to.rebuild();
  const target = await countStore(to, progress);
  const report = { source, target, rebuilt };
  const kinds = KINDS.filter((k) => source[k] !== target[k]);
  if (kinds.length > 0) throw new CountsDiffer(report, kinds);
  return report;
}

/** Counts every kind of record in the store, learner by learner. */
export async function countStore(
  store: ProgressStore,
  progress: (progress: MigrateProgress) => void = () => undefined,
): Promise<Counts> {
  const counts = noCounts();
  await eachLearner(store, await store.learners(), "count", progress, async (learner) => {
    countLearner(counts, learner);
  });
  return counts;
}

/** Exports each learner of `ids` (a few at a time) and hands it to `work`; learners gone meanwhile are skipped. */
async function eachLearner(
  store: ProgressStore,
  ids: string[],
  phase: MigrateProgress["phase"],
  progress: (progress: MigrateProgress) => void,
  work: (learner: ExportedLearner) => Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  progress({ phase, done, total: ids.length });
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      const learner = await store.export(id);
      if (learner) await work(learner);
      progress({ phase, done: ++done, total: ids.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
}

export interface Difference {
  /** The learner that differs; none for the server figures. */
  learnerId?: string;
  what: string;
}

export interface VerifyReport {
  /** Learners compared: every learner of either store. */
  learners: number;
  /** Every difference found (learners and figures). */
  total: number;
  /** The first `limit` learners' differences, in id order, and any in the figures. */
  differences: Difference[];
}

/**
 * Compares two stores: every learner's export, both ways (a learner only one store holds is a difference), and
 * the server figures (the top LEADERBOARD_COMPARED of the all-time leaderboard over every server, and every
 * question's figures). Where the log ends in bytes (`log.bytes`) is each store's own bookkeeping and not compared.
 */
export async function verifyStores(
  a: ProgressStore,
  b: ProgressStore,
  options: { limit?: number; onProgress?: (progress: MigrateProgress) => void } = {},
): Promise<VerifyReport> {
  const limit = options.limit ?? 20;
  const progress = options.onProgress ?? (() => undefined);
  const report: VerifyReport = { learners: 0, total: 0, differences: [] };
  const ids = [...new Set([...(await a.learners()), ...(await b.learners())])].sort();
  report.learners = ids.length;
  let next = 0;
  let done = 0;
  progress({ phase: "compare", done, total: ids.length });
  // Kept in id order and cut to `limit` as they come, whichever worker finds them: memory stays small.
  let found: { at: number; difference: Difference }[] = [];
  const worker = async () => {
    while (next < ids.length) {
      const at = next++;
      const id = ids[at] as string;
      const [ea, eb] = await Promise.all([a.export(id), b.export(id)]);
      for (const what of learnerDifferences(ea, eb)) {
        report.total++;
        found.push({ at, difference: { learnerId: id, what } });
      }
      if (found.length > 2 * limit) found = found.sort((x, y) => x.at - y.at).slice(0, limit);
      progress({ phase: "compare", done: ++done, total: ids.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  report.differences = found
    .sort((x, y) => x.at - y.at)
    .slice(0, limit)
    .map((f) => f.difference);
  // The figures' differences (two lines at most) are listed whatever the limit.
  const figures = [
    ...leaderboardDifferences(
      await a.leaderboard({ limit: LEADERBOARD_COMPARED }),
      await b.leaderboard({ limit: LEADERBOARD_COMPARED }),
    ),
    ...questionDifferences(await a.questionFigures(), await b.questionFigures()),
  ];
  report.total += figures.length;
  report.differences.push(...figures.map((what) => ({ what })));
  return report;
}

/** What differs between two exports of one learner, in words; empty when they are the same. */
export function learnerDifferences(a: ExportedLearner | undefined, b: ExportedLearner | undefined): string[] {
  if (!a && !b) return [];
  if (!a) return ["kept only in the second store"];
  if (!b) return ["kept only in the first store"];
  const out: string[] = [];
  const { history: ha, log: la, ...da } = a;
  const { history: hb, log: lb, ...db } = b;
  const fields = [...new Set([...Object.keys(da), ...Object.keys(db)])].sort();
  const differing = fields.filter((f) => !isDeepStrictEqual(da[f], db[f]));
  if (la?.count !== lb?.count) differing.push("log.count");
  if (differing.length > 0) out.push(`document differs in ${differing.join(", ")}`);
  if (ha.length !== hb.length) {
    out.push(`history holds ${ha.length} answer(s) in the first store, ${hb.length} in the second`);
  } else {
    const at = ha.findIndex((r, i) => !isDeepStrictEqual(r, hb[i]));
    if (at !== -1) out.push(`history differs from answer ${at + 1} of ${ha.length}`);
  }
  return out;
}

function leaderboardDifferences(a: LeaderboardEntry[], b: LeaderboardEntry[]): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const at = a.findIndex((row, i) => !isDeepStrictEqual(row, b[i]));
  const rank = at === -1 ? a.length : at;
  const show = (row: LeaderboardEntry | undefined) =>
    row ? `${row.learnerId} with ${row.xp} XP, ${row.answers} answer(s)` : "nobody";
  return [
    `the all-time leaderboard differs from rank ${rank + 1}: ${show(a[rank])} in the first store, ${show(b[rank])} in the second`,
  ];
}

function questionDifferences(a: QuestionFigure[], b: QuestionFigure[]): string[] {
  const byId = (rows: QuestionFigure[]) => new Map(rows.map((r) => [r.questionId, r]));
  const ma = byId(a);
  const mb = byId(b);
  const ids = [...new Set([...ma.keys(), ...mb.keys()])].sort();
  const differing = ids.filter((id) => !isDeepStrictEqual(ma.get(id), mb.get(id)));
  if (differing.length === 0) return [];
  const shown = differing.slice(0, 5).join(", ");
  return [
    `the figures of ${differing.length} question(s) differ (answers, wrong answers or options chosen): ${shown}${differing.length > 5 ? ", ..." : ""}`,
  ];
}
