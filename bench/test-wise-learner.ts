/**
 * Test-wise learners who know nothing, run through the real Tutor API over a content folder: they answer every
 * stage's first attempt by a cue (the longest option, the first shown, the one sharing most words with the
 * question, always False), or replay whatever the feedback and the answers screen revealed. Used by the tests
 * (tests/engine/test-wise.test.ts) and by `npm run bench` to report the figures.
 */
import { type Question, type Response, STAGE_NUMBERS, type StageNumber, Tutor } from "../engine/index.js";
import {
  type AnswerRecord,
  type ExportedLearner,
  emptyDoc,
  type LearnerDoc,
} from "../engine/progress/model.js";
import type { ProgressStore } from "../engine/progress/store.js";

/**
 * The store in memory: the simulation measures the rules, not the disk. It keeps documents and answer logs; the
 * server figures, which the simulation never asks for, are not kept.
 */
class MemoryStore implements ProgressStore {
  readonly dir = "(memory)";
  private readonly docs = new Map<string, LearnerDoc>();
  private readonly logs = new Map<string, AnswerRecord[]>();
  constructor(private readonly now: () => Date) {}
  async read(id: string): Promise<LearnerDoc> {
    return structuredClone(this.docs.get(id) ?? emptyDoc(id, this.now()));
  }
  async update<T>(id: string, fn: Parameters<ProgressStore["update"]>[1]): Promise<T> {
    const doc = await this.read(id);
    const appended: AnswerRecord[] = [];
    const result = fn(doc, { append: (record) => appended.push(record) }) as T;
    this.docs.set(id, doc);
    this.logs.set(id, [...(this.logs.get(id) ?? []), ...structuredClone(appended)]);
    return result;
  }
  async *history(id: string): AsyncIterable<AnswerRecord> {
    yield* this.logs.get(id) ?? [];
  }
  async learners(): Promise<string[]> {
    return [...this.docs.keys()];
  }
  async leaderboard(): Promise<never> {
    throw new Error("the simulation's store keeps no server figures");
  }
  async questionFigures(): Promise<never> {
    throw new Error("the simulation's store keeps no server figures");
  }
  async rebuild(): Promise<never> {
    throw new Error("the simulation's store keeps no server figures");
  }
  async export(id: string): Promise<ExportedLearner | undefined> {
    const doc = this.docs.get(id);
    return doc && { ...structuredClone(doc), history: structuredClone(this.logs.get(id) ?? []) };
  }
  async restore({ history, ...doc }: ExportedLearner): Promise<void> {
    this.docs.set(doc.learnerId, structuredClone(doc));
    this.logs.set(doc.learnerId, structuredClone(history));
  }
  async delete(id: string): Promise<boolean> {
    this.logs.delete(id);
    return this.docs.delete(id);
  }
  async close(): Promise<void> {}
}

export type Strategy = "longest" | "first" | "stem" | "false";
export const STRATEGIES: Strategy[] = ["longest", "first", "stem", "false"];

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9_]{3,}/g) ?? []);

/** A seeded random number generator, so every run measures the same learners. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The strategy's pick among a choice question's options as shown, or undefined when it does not apply. */
export function cuePick(strategy: Strategy, q: Question): number[] | undefined {
  if (!("options" in q)) return undefined;
  const texts = q.options.map((o) => o.text);
  const best = (score: (t: string) => number) => {
    let at = 0;
    texts.forEach((t, i) => {
      if (score(t) > score(texts[at] as string)) at = i;
    });
    return at;
  };
  switch (strategy) {
    case "longest":
      return q.type === "single" ? [best((t) => [...t].length)] : undefined;
    case "first":
      return q.type === "single" ? [0] : undefined;
    case "stem": {
      if (q.type !== "single") return undefined;
      const stem = words(q.prompt);
      return [best((t) => [...words(t)].filter((w) => stem.has(w)).length)];
    }
    case "false":
      return q.type === "true-false" ? [texts.findIndex((t) => t.toLowerCase() === "false")] : undefined;
  }
}

const nothing = (q: Question): Response =>
  q.type === "order"
    ? { kind: "order", order: [...q.shuffled] }
    : "options" in q
      ? { kind: "choice", selected: [0] }
      : { kind: "text", text: q.type === "numeric" ? "0" : "I do not know" };

/** Every stage of the content, unlocked for `learner` by marking the stages before it passed. */
async function unlock(tutor: Tutor, learner: string, lessonId: string, stage: StageNumber) {
  await tutor.store.update(learner, (doc) => {
    doc.passed[lessonId] = Object.fromEntries(
      STAGE_NUMBERS.filter((s) => s < stage).map((s) => [s, "2026-01-01T00:00:00Z"]),
    );
    delete doc.session;
  });
}

export interface CueFigures {
  strategy: Strategy;
  /** Per stage number: choice questions the strategy applies to, and how many it got right. */
  byStage: { stage: StageNumber; asked: number; right: number; stagesPassed: number; stages: number }[];
}

/** A tutor over `contentDir` with the store in memory and seeded draws and shuffles: every run measures the same. */
function simulationTutor(contentDir: string, now: () => Date): Promise<Tutor> {
  return Tutor.open({
    contentDir,
    store: new MemoryStore(now),
    now,
    timeZone: "UTC",
    contentCache: false,
    llm: false,
    random: random(7),
  });
}

/** Each strategy's first attempt at every stage of every lesson. */
export async function cueFigures(contentDir: string, strategies = STRATEGIES): Promise<CueFigures[]> {
  const tutor = await simulationTutor(contentDir, () => new Date("2026-03-02T10:00:00Z"));
  const out: CueFigures[] = [];
  for (const strategy of strategies) {
    const byStage = STAGE_NUMBERS.map((stage) => ({ stage, asked: 0, right: 0, stagesPassed: 0, stages: 0 }));
    for (const lesson of tutor.lessons()) {
      for (const stage of STAGE_NUMBERS) {
        const learner = `${strategy}:${lesson.id}:${stage}`;
        await unlock(tutor, learner, lesson.id, stage);
        const row = byStage[stage - 1] as CueFigures["byStage"][0];
        row.stages++;
        // An attempt draws 5 of the pool: fresh attempts are started until every question was asked once, each
        // counted at its first asking. Only the first attempt can count as a stage passed.
        const pool = tutor.questionsFor(lesson.id, stage).filter((q) => !q.reviewOnly);
        const asked = new Set<string>();
        for (let attempt = 0; asked.size < pool.length && attempt <= pool.length; attempt++) {
          await tutor.store.update(learner, (doc) => {
            delete doc.attempts;
            delete doc.session;
          });
          const started = await tutor.startQuiz(learner, lesson.id, stage);
          if (!started.ok) throw new Error(started.message);
          let quiz = started.value;
          let passed = false;
          while (quiz.question) {
            const q = quiz.question;
            const pick = cuePick(strategy, q);
            const result = await tutor.answer(learner, {
              questionId: q.id,
              response: pick ? { kind: "choice", selected: pick } : nothing(q),
            });
            if (!result.ok) throw new Error(result.message);
            if (pick && !asked.has(q.id)) {
              row.asked++;
              if (result.value.grade.correct) row.right++;
            }
            asked.add(q.id);
            passed ||= result.value.stage.passedNow;
            quiz = result.value.quiz;
          }
          if (passed && attempt === 0) row.stagesPassed++;
        }
      }
    }
    out.push({ strategy, byStage });
  }
  return out;
}

/** What the replaying learner remembers about one question. */
interface Memory {
  right?: Response | string[];
  wrong: Set<string>;
  text?: string;
}

export interface ReplayFigures {
  stages: number;
  /** Per stage number, stages passed within two attempts. */
  byStage: number[];
  /** Stages passed on the first attempt (its first round). */
  firstAttempt: number;
  /** Stages passed within two attempts (the first, and the fresh one on the next day it is allowed). */
  twoAttempts: number;
}

/**
 * A learner who knows nothing and replays all feedback: it guesses among options not yet seen to be wrong, keeps
 * what was right, retries the missed questions, then asks to see the answers (when `seeAnswers`), and takes the
 * next attempt on the first study day the engine allows, answering from memory.
 */
export async function replayFigures(contentDir: string, seeAnswers: boolean): Promise<ReplayFigures> {
  let at = new Date("2026-03-02T10:00:00Z");
  const tutor = await simulationTutor(contentDir, () => at);
  const rand = random(42);
  const figures: ReplayFigures = { stages: 0, byStage: [0, 0, 0, 0, 0, 0], firstAttempt: 0, twoAttempts: 0 };
  for (const lesson of tutor.lessons()) {
    for (const stage of STAGE_NUMBERS) {
      at = new Date("2026-03-02T10:00:00Z");
      const learner = `replay:${lesson.id}:${stage}`;
      await unlock(tutor, learner, lesson.id, stage);
      figures.stages++;
      const memory = new Map<string, Memory>();
      const recall = (id: string) => {
        const known = memory.get(id);
        if (known) return known;
        const m: Memory = { wrong: new Set() };
        memory.set(id, m);
        return m;
      };
      const respond = (q: Question): Response => {
        const m = recall(q.id);
        if ("options" in q) {
          const texts = q.options.map((o) => o.text);
          if (Array.isArray(m.right))
            return { kind: "choice", selected: m.right.map((t) => texts.indexOf(t)).filter((i) => i >= 0) };
          if (q.type === "multiple") {
            const picked = texts.flatMap((t, i) => (!m.wrong.has(t) && rand() < 0.5 ? [i] : []));
            return { kind: "choice", selected: picked.length > 0 ? picked : [0] };
          }
          const open = texts.flatMap((t, i) => (m.wrong.has(t) ? [] : [i]));
          return { kind: "choice", selected: [open[Math.floor(rand() * open.length)] ?? 0] };
        }
        if (m.right && !Array.isArray(m.right)) return m.right;
        if (m.text !== undefined) return { kind: "text", text: m.text };
        if (q.type === "order") {
          const order = [...q.shuffled].sort(() => rand() - 0.5);
          return { kind: "order", order };
        }
        return nothing(q);
      };
      const round = async (start: import("../engine/index.js").QuizState) => {
        let quiz = start;
        let passed = false;
        while (quiz.question) {
          const q = quiz.question;
          const response = respond(q);
          const result = await tutor.answer(learner, { questionId: q.id, response });
          if (!result.ok) throw new Error(result.message);
          const o = result.value;
          passed ||= o.stage.passedNow;
          const m = recall(q.id);
          if (o.grade.correct) {
            m.right =
              response.kind === "choice" && "options" in q
                ? response.selected.map((i) => q.options[i]?.text ?? "")
                : response;
          } else if (response.kind === "choice" && "options" in q && q.type !== "multiple") {
            for (const w of o.grade.chosenWrong) m.wrong.add(w.text);
          }
          // Explain feedback shows the model answer: replayed next time.
          if (q.type === "explain" && o.revealed) m.text = o.question.explanation;
          quiz = o.quiz;
        }
        return { passed, quiz };
      };
      const first = await tutor.startQuiz(learner, lesson.id, stage);
      if (!first.ok) throw new Error(first.message);
      const one = await round(first.value);
      let passed = one.passed;
      if (passed) figures.firstAttempt++;
      if (!passed && one.quiz.attempt?.canRetry) {
        const retry = await tutor.retryMissed(learner, lesson.id, stage);
        if (retry.ok) passed = (await round(retry.value)).passed;
      }
      if (!passed && seeAnswers) {
        const shown = await tutor.seeAnswers(learner, lesson.id, stage);
        if (shown.ok) {
          for (const { question } of shown.value.answers) {
            const m = recall(question.id);
            if ("options" in question) m.right = question.options.filter((o) => o.correct).map((o) => o.text);
            else if (question.type === "order")
              m.right = { kind: "order", order: question.items.map((_, i) => i) };
            else if (question.type === "short") m.text = question.accepted[0] ?? "";
            else if (question.type === "numeric") m.text = String(question.answer);
            else m.text = question.explanation;
          }
        }
      }
      if (!passed) {
        const status = await tutor.attempt(learner, lesson.id, stage);
        const day = status.ok ? status.value.nextTry : undefined;
        if (day) at = new Date(`${day}T10:00:00Z`);
        const second = await tutor.startQuiz(learner, lesson.id, stage);
        if (second.ok) passed = (await round(second.value)).passed;
      }
      if (passed) {
        figures.twoAttempts++;
        figures.byStage[stage - 1] = (figures.byStage[stage - 1] ?? 0) + 1;
      }
    }
  }
  return figures;
}
