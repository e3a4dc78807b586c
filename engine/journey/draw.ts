/**
 * Question pools (issue 17): which questions a stage attempt asks.
 *
 * A stage's pool is its questions that are not review-only. An attempt draws ATTEMPT_SIZE of them (the whole
 * pool when it is smaller):
 * - in stages 2, 4 and 6 the explain questions always (the journal keeps the explanation, design, reflection);
 * - then one question for each objective not covered yet, so an attempt tests everything the stage teaches;
 * - then the rest, spread over the objectives.
 * Each choice prefers the questions drawn least recently: never drawn first, then those of the oldest attempt.
 * So a retake asks other questions wherever the pool allows, and a learner works through the whole pool.
 * Ties are broken by a seeded hash, so a draw is reproducible from its seed.
 *
 * `drawQuestions` is the rule, pure. `drawForAttempt` applies it to a learner: it records the draw in the
 * learner's document (`drawn`: per stage, the attempt that last drew each question, bounded by the pool) and
 * makes the stage's other questions, review-only ones included, review cards: reviews use the whole pool once
 * the stage was attempted.
 */
import type { Question, StageNumber } from "../content/model.js";
import type { EngineContext } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { newCard } from "../review/scheduler.js";

/** Questions one stage attempt asks. */
export const ATTEMPT_SIZE = 5;

/** Stages whose explain question is always asked: stage 2 explains, 4 designs, 6 reflects (the journal). */
export const EXPLAIN_STAGES: readonly StageNumber[] = [2, 4, 6];

export interface DrawInput {
  /** The stage's questions that may be drawn (not review-only), in file order. */
  pool: readonly Pick<Question, "id" | "type" | "objective">[];
  /** The ids of the stage's objectives, as declared; none for content without them. */
  objectives: readonly string[];
  /** Question id -> the number of the latest earlier attempt that drew it (higher is more recent). */
  drawnBefore: Readonly<Record<string, number>>;
  stage: StageNumber;
  seed: string;
  size?: number;
}

/** The ids of the questions an attempt asks, in file order. */
export function drawQuestions(input: DrawInput): string[] {
  const { pool, objectives, drawnBefore, stage, seed, size = ATTEMPT_SIZE } = input;
  if (pool.length <= size) return pool.map((q) => q.id);
  type Candidate = DrawInput["pool"][number];
  const tie = new Map(pool.map((q) => [q.id, hash(`${seed}\u0000${q.id}`)]));
  const recency = (q: Candidate) => drawnBefore[q.id] ?? 0;
  const selected = new Set<Candidate>();
  const load = (objective: string | undefined) =>
    [...selected].filter((q) => q.objective !== undefined && q.objective === objective).length;
  /** The best of `candidates` not selected yet: least recently drawn, then the least covered objective. */
  const best = (candidates: readonly Candidate[]) =>
    candidates
      .filter((q) => !selected.has(q))
      .sort(
        (a, b) =>
          recency(a) - recency(b) ||
          load(a.objective) - load(b.objective) ||
          (tie.get(a.id) as number) - (tie.get(b.id) as number),
      )[0];
  const take = (q: Candidate | undefined) => {
    if (q && selected.size < size) selected.add(q);
  };

  if (EXPLAIN_STAGES.includes(stage)) {
    const explain = pool.filter((q) => q.type === "explain");
    while (selected.size < size && explain.some((q) => !selected.has(q))) take(best(explain));
  }
  // Objectives in a seeded order: should the slots run short (explain questions took them), which objectives
  // go uncovered changes from one attempt to the next.
  const order = [...objectives].sort((a, b) => hash(`${seed}\u0000${a}`) - hash(`${seed}\u0000${b}`));
  for (const objective of order) {
    if (![...selected].some((q) => q.objective === objective)) {
      take(best(pool.filter((q) => q.objective === objective)));
    }
  }
  while (selected.size < size) take(best(pool));
  return pool.filter((q) => selected.has(q)).map((q) => q.id);
}

/**
 * The questions of a new attempt at a stage, drawn for this learner and recorded in their document; the stage's
 * other questions become review cards (first due on the days after, one a day, so a pool does not arrive as
 * one heap of reviews). Call it inside the store update that starts the attempt.
 */
export function drawForAttempt(
  ctx: EngineContext,
  doc: LearnerDoc,
  lessonId: string,
  stage: StageNumber,
): string[] {
  const questions = ctx.library.questionsFor(lessonId, stage);
  const pool = questions.filter((q) => !q.reviewOnly);
  const before = drawnRecord(doc, lessonId, stage);
  // Only questions still in the pool are kept: the record stays as small as the pool.
  const drawnBefore: Record<string, number> = {};
  for (const q of pool) if (before[q.id] !== undefined) drawnBefore[q.id] = before[q.id] as number;
  const attempt = Math.max(0, ...Object.values(drawnBefore)) + 1;
  const now = ctx.now();
  const ids = drawQuestions({
    pool,
    objectives: ctx.library.objectivesFor(lessonId, stage).map((o) => o.id),
    drawnBefore,
    stage,
    seed: `${doc.learnerId}\u0000${lessonId}\u0000${stage}\u0000${attempt}\u0000${now.toISOString()}`,
  });
  for (const id of ids) drawnBefore[id] = attempt;
  const all = isRecord(doc.drawn) ? doc.drawn : {};
  doc.drawn = {
    ...all,
    [lessonId]: { ...(isRecord(all[lessonId]) ? all[lessonId] : {}), [stage]: drawnBefore },
  };

  const asked = new Set(ids);
  const waiting = questions.filter((q) => !asked.has(q.id) && !doc.cards[q.id]);
  waiting.forEach((q, i) => {
    doc.cards[q.id] = newCard(new Date(now.getTime() + (i + 1) * 86_400_000));
  });
  return ids;
}

/** The learner's record of earlier draws at a stage; anything malformed (a hand-edited file) counts as none. */
function drawnRecord(doc: LearnerDoc, lessonId: string, stage: StageNumber): Record<string, number> {
  const lesson: unknown = isRecord(doc.drawn) ? doc.drawn[lessonId] : undefined;
  const record: unknown = isRecord(lesson) ? lesson[stage] : undefined;
  if (!isRecord(record)) return {};
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, number] => Number.isInteger(entry[1]) && (entry[1] as number) > 0,
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** FNV-1a with a final avalanche: a stable, well-spread number for a text. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
