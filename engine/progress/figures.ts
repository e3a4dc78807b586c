/**
 * Server-wide figures kept up to date one answer at a time: XP, answers, right answers and stages passed per
 * learner (all time, and the answers of the last days for the rolling week), and per question how often it was
 * answered, missed, and which options were chosen. One scope for everything ("") and one per Discord server.
 * Memory grows with learners and questions, not with answers (beyond those of the last WEEK_KEPT_MS).
 */
import type { AnswerRecord } from "./model.js";

/** An answer as the figures see it: the record and whose it is. */
export type FigureEvent = Pick<
  AnswerRecord,
  "questionId" | "at" | "correct" | "xp" | "passedStage" | "selfAssessed" | "guildId" | "selected" | "seq"
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

interface Recent {
  at: number;
  learnerId: string;
  xp: number;
  correct: number;
  passed: number;
}

interface Scope {
  learners: Map<string, LeaderboardEntry>;
  recent: Recent[];
  questions: Map<string, QuestionFigure>;
}

export interface FiguresSnapshot {
  published: [string, number][];
  newest: number;
  scopes: [
    string,
    { learners: [string, number, number, number, number][]; recent: Recent[]; questions: QuestionFigure[] },
  ][];
}

export class Figures {
  /** Learner id -> highest log place counted: an answer seen twice (republished after a crash) counts once. */
  private readonly published = new Map<string, number>();
  private readonly scopes = new Map<string, Scope>();
  private newest = 0;
  private recentCount = 0;

  /** Counts one answer; false when it was counted already. */
  add(event: FigureEvent): boolean {
    if (event.seq !== undefined) {
      if (event.seq <= (this.published.get(event.learnerId) ?? 0)) return false;
      this.published.set(event.learnerId, event.seq);
    }
    this.count(this.scope(""), event);
    if (event.guildId) this.count(this.scope(event.guildId), event);
    return true;
  }

  /** The highest log place of `learnerId` counted so far (0 for none). */
  publishedOf(learnerId: string): number {
    return this.published.get(learnerId) ?? 0;
  }

  leaderboard(query: LeaderboardQuery): LeaderboardEntry[] {
    const scope = this.scopes.get(query.guildId ?? "");
    if (!scope) return [];
    let rows: Iterable<LeaderboardEntry> = scope.learners.values();
    if (query.since) {
      const since = query.since.getTime();
      const week = new Map<string, LeaderboardEntry>();
      for (const r of scope.recent) {
        if (r.at < since) continue;
        let row = week.get(r.learnerId);
        if (!row) {
          row = { learnerId: r.learnerId, xp: 0, answers: 0, correct: 0, stagesPassed: 0 };
          week.set(r.learnerId, row);
        }
        row.xp += r.xp;
        row.answers++;
        row.correct += r.correct;
        row.stagesPassed += r.passed;
      }
      rows = week.values();
    }
    return topOf(rows, query.limit);
  }

  questions(guildId?: string): QuestionFigure[] {
    return [...(this.scopes.get(guildId ?? "")?.questions.values() ?? [])];
  }

  toJSON(): FiguresSnapshot {
    this.prune();
    return {
      published: [...this.published],
      newest: this.newest,
      scopes: [...this.scopes].map(([key, s]) => [
        key,
        {
          learners: [...s.learners.values()].map((e) => [
            e.learnerId,
            e.xp,
            e.answers,
            e.correct,
            e.stagesPassed,
          ]),
          recent: s.recent,
          questions: [...s.questions.values()],
        },
      ]),
    };
  }

  static fromJSON(data: FiguresSnapshot): Figures {
    const figures = new Figures();
    for (const [id, seq] of data.published) figures.published.set(id, seq);
    figures.newest = data.newest;
    for (const [key, s] of data.scopes) {
      const scope = figures.scope(key);
      for (const [learnerId, xp, answers, correct, stagesPassed] of s.learners) {
        scope.learners.set(learnerId, { learnerId, xp, answers, correct, stagesPassed });
      }
      scope.recent = s.recent;
      figures.recentCount += s.recent.length;
      for (const q of s.questions) scope.questions.set(q.questionId, q);
    }
    return figures;
  }

  private scope(key: string): Scope {
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { learners: new Map(), recent: [], questions: new Map() };
      this.scopes.set(key, scope);
    }
    return scope;
  }

  private count(scope: Scope, e: FigureEvent): void {
    const at = Date.parse(e.at);
    // Self-assessed answers are the learner's own call: they count for the question figures, not for rank.
    if (!e.selfAssessed) {
      let row = scope.learners.get(e.learnerId);
      if (!row) {
        row = { learnerId: e.learnerId, xp: 0, answers: 0, correct: 0, stagesPassed: 0 };
        scope.learners.set(e.learnerId, row);
      }
      row.xp += e.xp ?? 0;
      row.answers++;
      if (e.correct) row.correct++;
      if (e.passedStage) row.stagesPassed++;
      if (!Number.isNaN(at) && at >= this.newest - WEEK_KEPT_MS) {
        scope.recent.push({
          at,
          learnerId: e.learnerId,
          xp: e.xp ?? 0,
          correct: e.correct ? 1 : 0,
          passed: e.passedStage ? 1 : 0,
        });
        this.recentCount++;
        if (at > this.newest) this.newest = at;
        // Dropping old answers costs a pass over the kept ones, so it waits until they have doubled.
        if (this.recentCount > 1024 && this.recentCount > 2 * this.keptAfterPrune) this.prune();
      }
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

  private keptAfterPrune = 0;

  private prune(): void {
    const oldest = this.newest - WEEK_KEPT_MS;
    let kept = 0;
    for (const scope of this.scopes.values()) {
      scope.recent = scope.recent.filter((r) => r.at >= oldest);
      kept += scope.recent.length;
    }
    this.recentCount = kept;
    this.keptAfterPrune = kept;
  }
}

/** Most XP first, then most right answers, then by id: the first `limit` rows, without sorting them all. */
export function topOf(rows: Iterable<LeaderboardEntry>, limit: number): LeaderboardEntry[] {
  const top: LeaderboardEntry[] = [];
  if (limit <= 0) return top;
  for (const row of rows) {
    if (top.length === limit && !before(row, top[top.length - 1] as LeaderboardEntry)) continue;
    let i = top.length;
    while (i > 0 && before(row, top[i - 1] as LeaderboardEntry)) i--;
    top.splice(i, 0, { ...row });
    if (top.length > limit) top.pop();
  }
  return top;
}

function before(a: LeaderboardEntry, b: LeaderboardEntry): boolean {
  return a.xp !== b.xp
    ? a.xp > b.xp
    : a.correct !== b.correct
      ? a.correct > b.correct
      : a.learnerId < b.learnerId;
}
