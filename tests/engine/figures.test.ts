import { describe, expect, it } from "vitest";
import { type FigureEvent, Figures, type LeaderboardEntry } from "../../engine/progress/figures.js";

const DAY = 86_400_000;
const START = Date.parse("2026-03-01T00:00:00Z");

/** 6,000 answers by 37 learners over 30 days, in two servers, with some self-assessed. */
function events(): FigureEvent[] {
  const seq = new Map<string, number>();
  return Array.from({ length: 6_000 }, (_, i) => {
    const learnerId = `l${(i * 7) % 37}`;
    seq.set(learnerId, (seq.get(learnerId) ?? 0) + 1);
    return {
      learnerId,
      seq: seq.get(learnerId),
      questionId: `q${i % 11}`,
      at: new Date(START + Math.floor((i / 6_000) * 30 * DAY)).toISOString(),
      correct: i % 4 !== 0,
      xp: i % 4 !== 0 ? (i % 3 === 0 ? 10 : 5) : 0,
      ...(i % 50 === 0 ? { passedStage: true } : {}),
      ...(i % 2 ? { guildId: "g1" } : {}),
      selected: [i % 3],
    };
  });
}

/** The same figures the slow way: every answer looked at for every query. */
function byHand(
  all: FigureEvent[],
  guildId: string | undefined,
  since: number,
  limit: number,
): LeaderboardEntry[] {
  const rows = new Map<string, LeaderboardEntry>();
  for (const e of all) {
    if ((guildId && e.guildId !== guildId) || Date.parse(e.at) < since) continue;
    const row = rows.get(e.learnerId) ?? {
      learnerId: e.learnerId,
      xp: 0,
      answers: 0,
      correct: 0,
      stagesPassed: 0,
    };
    row.xp += e.xp ?? 0;
    row.answers++;
    row.correct += e.correct ? 1 : 0;
    row.stagesPassed += e.passedStage ? 1 : 0;
    rows.set(e.learnerId, row);
  }
  return [...rows.values()]
    .sort((a, b) => b.xp - a.xp || b.correct - a.correct || (a.learnerId < b.learnerId ? -1 : 1))
    .slice(0, limit);
}

describe("the server figures", () => {
  it("rank the rolling week and all time as counting every answer would, after old answers are let go", () => {
    const all = events();
    const figures = new Figures();
    for (const e of all) figures.add(e);
    const now = START + 30 * DAY;
    for (const guildId of [undefined, "g1"]) {
      for (const since of [0, now - 7 * DAY, now - 2 * DAY]) {
        const query = {
          ...(guildId ? { guildId } : {}),
          ...(since ? { since: new Date(since) } : {}),
          limit: 15,
        };
        expect(figures.leaderboard(query)).toEqual(byHand(all, guildId, since, 15));
      }
    }
  });

  it("count an answer seen twice once, and come back the same from a snapshot", () => {
    const all = events();
    const figures = new Figures();
    for (const e of all) figures.add(e);
    expect(figures.add(all[100] as FigureEvent)).toBe(false);
    const copy = Figures.fromJSON(JSON.parse(JSON.stringify(figures)));
    const since = new Date(START + 25 * DAY);
    for (const guildId of [undefined, "g1"]) {
      expect(copy.leaderboard({ guildId, since, limit: 50 })).toEqual(
        figures.leaderboard({ guildId, since, limit: 50 }),
      );
      expect(copy.leaderboard({ guildId, limit: 50 })).toEqual(figures.leaderboard({ guildId, limit: 50 }));
      expect(copy.questions(guildId)).toEqual(figures.questions(guildId));
    }
    expect(copy.publishedOf("l0")).toBe(figures.publishedOf("l0"));
    // And go on counting where they left off.
    const next = { ...(all[0] as FigureEvent), seq: 10_000, at: new Date(START + 30 * DAY).toISOString() };
    copy.add(next);
    figures.add(next);
    expect(copy.leaderboard({ since, limit: 50 })).toEqual(figures.leaderboard({ since, limit: 50 }));
  });
});
