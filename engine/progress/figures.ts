/**
 * Server-wide figures kept up to date one answer at a time: XP, answers, right answers and stages passed per
 * learner (all time, and the answers of the last days for the rolling week), and per question how often it was
 * answered, missed, and which options were chosen. One scope for everything ("") and one per Discord server.
 * Memory grows with learners and questions, and with the answers of the last WEEK_KEPT_MS, not with history:
 * learners are numbered once, and the recent answers are kept in typed arrays (about 17 bytes each).
 */
import type { AnswerRecord } from "./model.js";

/** An answer as the figures see it: the record and whose it is. */
export type FigureEvent = Pick<
  AnswerRecord,
  "questionId" | "at" | "correct" | "xp" | "passedStage" | "guildId" | "selected" | "seq"
> & { learnerId: string };

export interface LeaderboardEntry {
  learnerId: string;
  xp: number;
  answers: number;
  correct: number;
  stagesPassed: number;
}

export interface QuestionFigure {
  questionId: string;
  total: number;
  wrong: number;
  /** Option index -> times chosen, in answers that chose options. */
  options: Record<number, number>;
}

export interface LeaderboardQuery {
  /** One server's answers; none for every answer. */
  guildId?: string;
  /** Only answers at or after this time (the rolling week); none for all time. */
  since?: Date;
  limit: number;
}

/** Answers this far behind the newest are no longer kept one by one: the week leaderboard looks back 7 days. */
export const WEEK_KEPT_MS = 8 * 86_400_000;

const CORRECT = 1;
const PASSED = 2;

/** The recent answers of one scope, as columns. */
class Recent {
  length = 0;
  at = new Float64Array(64);
  who = new Int32Array(64);
  xp = new Int32Array(64);
  flags = new Uint8Array(64);

  push(at: number, who: number, xp: number, flags: number): void {
    if (this.length === this.at.length) {
      const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.who = grow(this.who);
      this.xp = grow(this.xp);
      this.flags = grow(this.flags);
    }
    const i = this.length++;
    this.at[i] = at;
    this.who[i] = who;
    this.xp[i] = xp;
    this.flags[i] = flags;
  }

  /** Drops the answers before `oldest`, keeping the order of the rest. */
  prune(oldest: number): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if ((this.at[i] as number) < oldest) continue;
      this.at[kept] = this.at[i] as number;
      this.who[kept] = this.who[i] as number;
      this.xp[kept] = this.xp[i] as number;
      this.flags[kept] = this.flags[i] as number;
      kept++;
    }
    this.length = kept;
  }

  toJSON(): RecentSnapshot {
    const b64 = (a: Float64Array | Int32Array | Uint8Array) =>
      Buffer.from(a.buffer, a.byteOffset, this.length * a.BYTES_PER_ELEMENT).toString("base64");
    return {
      length: this.length,
      at: b64(this.at),
      who: b64(this.who),
      xp: b64(this.xp),
      flags: b64(this.flags),
    };
  }

  static fromJSON(data: RecentSnapshot): Recent {
    const recent = new Recent();
    const n = Math.max(64, data.length);
    const read = <T extends Float64Array | Int32Array | Uint8Array>(into: T, b64: string): T => {
      const bytes = Buffer.from(b64, "base64");
      new Uint8Array(into.buffer).set(bytes.subarray(0, data.length * into.BYTES_PER_ELEMENT));
      return into;
    };
    recent.at = read(new Float64Array(n), data.at);
    recent.who = read(new Int32Array(n), data.who);
    recent.xp = read(new Int32Array(n), data.xp);
    recent.flags = read(new Uint8Array(n), data.flags);
    recent.length = data.length;
    return recent;
  }
}

interface RecentSnapshot {
  length: number;
  at: string;
  who: string;
  xp: string;
  flags: string;
}

/** All-time totals of one learner in one scope: xp, answers, correct, stages passed. */
type Totals = [number, number, number, number];

interface Scope {
  learners: Map<number, Totals>;
  recent: Recent;
  questions: Map<string, QuestionFigure>;
}

export interface FiguresSnapshot {
  /** Learner ids by number, and the highest log place counted for each. */
  ids: string[];
  published: number[];
  newest: number;
  scopes: [string, { learners: number[]; recent: RecentSnapshot; questions: QuestionFigure[] }][];
}

export class Figures {
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** By learner number: the highest log place counted, so an answer seen twice (republished) counts once. */
  private readonly published: number[] = [];
  private readonly scopes = new Map<string, Scope>();
  private newest = 0;
  private recentCount = 0;
  private keptAfterPrune = 0;
  /** Per-learner sums of the week query, kept between queries so each does not allocate its own. */
  private scratch = new Float64Array(0);

  /** Counts one answer; false when it was counted already. */
  add(event: FigureEvent): boolean {
    const who = this.number(event.learnerId);
    if (event.seq !== undefined) {
      if (event.seq <= (this.published[who] ?? 0)) return false;
      this.published[who] = event.seq;
    }
    const at = Date.parse(event.at);
    const keep = !Number.isNaN(at) && at >= this.newest - WEEK_KEPT_MS;
    if (keep && at > this.newest) this.newest = at;
    this.count(this.scope(""), event, who, keep ? at : Number.NaN);
    if (event.guildId) this.count(this.scope(event.guildId), event, who, keep ? at : Number.NaN);
    // Dropping old answers costs a pass over the kept ones, so it waits until they have doubled.
    if (this.recentCount > 4096 && this.recentCount > 2 * this.keptAfterPrune) this.prune();
    return true;
  }

  /** The highest log place of `learnerId` counted so far (0 for none). */
  publishedOf(learnerId: string): number {
    const who = this.numbers.get(learnerId);
    return who === undefined ? 0 : (this.published[who] ?? 0);
  }

  leaderboard(query: LeaderboardQuery): LeaderboardEntry[] {
    const scope = this.scopes.get(query.guildId ?? "");
    if (!scope || query.limit <= 0) return [];
    const ids = this.ids;
    if (!query.since) {
      const rows = scope.learners;
      const top = topIndices(rows.keys(), (k) => rows.get(k) as Totals, ids, query.limit);
      return top.map((k) => entry(ids[k] as string, rows.get(k) as Totals));
    }
    // The week: the kept answers since then, summed per learner in an array indexed by learner number.
    const since = query.since.getTime();
    const { at, who, xp, flags, length } = scope.recent;
    if (this.scratch.length < ids.length * 4) this.scratch = new Float64Array(ids.length * 8);
    const sums = this.scratch;
    const touched: number[] = [];
    for (let i = 0; i < length; i++) {
      if ((at[i] as number) < since) continue;
      const k = who[i] as number;
      const w = k * 4;
      if (sums[w + 1] === 0) touched.push(k);
      (sums[w] as number) += xp[i] as number;
      (sums[w + 1] as number)++;
      (sums[w + 2] as number) += (flags[i] as number) & CORRECT;
      (sums[w + 3] as number) += ((flags[i] as number) & PASSED) >> 1;
    }
    const totals = (k: number): Totals => [
      sums[k * 4] as number,
      sums[k * 4 + 1] as number,
      sums[k * 4 + 2] as number,
      sums[k * 4 + 3] as number,
    ];
    const top = topIndices(touched, totals, ids, query.limit).map((k) => entry(ids[k] as string, totals(k)));
    // The sums are reused by the next query: only the learners touched are set back to zero.
    for (const k of touched) sums.fill(0, k * 4, k * 4 + 4);
    return top;
  }

  questions(guildId?: string): QuestionFigure[] {
    return [...(this.scopes.get(guildId ?? "")?.questions.values() ?? [])];
  }

  toJSON(): FiguresSnapshot {
    this.prune();
    return {
      ids: this.ids,
      published: Array.from({ length: this.ids.length }, (_, i) => this.published[i] ?? 0),
      newest: this.newest,
      scopes: [...this.scopes].map(([key, s]) => [
        key,
        {
          learners: [...s.learners].flatMap(([who, totals]) => [who, ...totals]),
          recent: s.recent.toJSON(),
          questions: [...s.questions.values()],
        },
      ]),
    };
  }

  static fromJSON(data: FiguresSnapshot): Figures {
    const figures = new Figures();
    data.ids.forEach((id, i) => {
      figures.ids.push(id);
      figures.numbers.set(id, i);
      figures.published[i] = data.published[i] ?? 0;
    });
    figures.newest = data.newest;
    for (const [key, s] of data.scopes) {
      const scope = figures.scope(key);
      for (let i = 0; i < s.learners.length; i += 5) {
        const [who, xp, answers, correct, stages] = s.learners.slice(i, i + 5) as [number, ...Totals];
        scope.learners.set(who, [xp, answers, correct, stages]);
      }
      scope.recent = Recent.fromJSON(s.recent);
      figures.recentCount += scope.recent.length;
      for (const q of s.questions) scope.questions.set(q.questionId, q);
    }
    figures.keptAfterPrune = figures.recentCount;
    return figures;
  }

  private number(learnerId: string): number {
    let who = this.numbers.get(learnerId);
    if (who === undefined) {
      who = this.ids.length;
      this.ids.push(learnerId);
      this.numbers.set(learnerId, who);
    }
    return who;
  }

  private scope(key: string): Scope {
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { learners: new Map(), recent: new Recent(), questions: new Map() };
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /** `at` is NaN for an answer not kept for the week (too old, or an unreadable time). */
  private count(scope: Scope, e: FigureEvent, who: number, at: number): void {
    let row = scope.learners.get(who);
    if (!row) {
      row = [0, 0, 0, 0];
      scope.learners.set(who, row);
    }
    row[0] += e.xp ?? 0;
    row[1]++;
    if (e.correct) row[2]++;
    if (e.passedStage) row[3]++;
    if (!Number.isNaN(at)) {
      scope.recent.push(at, who, e.xp ?? 0, (e.correct ? CORRECT : 0) | (e.passedStage ? PASSED : 0));
      this.recentCount++;
    }
    let q = scope.questions.get(e.questionId);
    if (!q) {
      q = { questionId: e.questionId, total: 0, wrong: 0, options: {} };
      scope.questions.set(e.questionId, q);
    }
    q.total++;
    if (!e.correct) q.wrong++;
    for (const option of e.selected ?? []) q.options[option] = (q.options[option] ?? 0) + 1;
  }

  private prune(): void {
    const oldest = this.newest - WEEK_KEPT_MS;
    let kept = 0;
    for (const scope of this.scopes.values()) {
      scope.recent.prune(oldest);
      kept += scope.recent.length;
    }
    this.recentCount = kept;
    this.keptAfterPrune = kept;
  }
}

function entry(learnerId: string, [xp, answers, correct, stagesPassed]: Totals): LeaderboardEntry {
  return { learnerId, xp, answers, correct, stagesPassed };
}

/**
 * Most XP first, then most right answers, then by id: the learner numbers of the first `limit`, in one pass and
 * without sorting (or making a row for) every learner.
 */
function topIndices(
  learners: Iterable<number>,
  totalsOf: (k: number) => Totals,
  ids: string[],
  limit: number,
): number[] {
  const top: number[] = [];
  const beats = (a: number, b: number) => {
    const ta = totalsOf(a);
    const tb = totalsOf(b);
    if (ta[0] !== tb[0]) return ta[0] > tb[0];
    if (ta[2] !== tb[2]) return ta[2] > tb[2];
    return (ids[a] as string) < (ids[b] as string);
  };
  let worst: Totals | undefined;
  for (const k of learners) {
    if (top.length === limit) {
      const t = totalsOf(k);
      const w = worst as Totals;
      // Most learners lose on XP alone: no closure calls for them.
      if (t[0] < w[0] || (t[0] === w[0] && !beats(k, top[limit - 1] as number))) continue;
    }
    let i = top.length;
    while (i > 0 && beats(k, top[i - 1] as number)) i--;
    top.splice(i, 0, k);
    if (top.length > limit) top.pop();
    if (top.length === limit) worst = totalsOf(top[limit - 1] as number);
  }
  return top;
}
