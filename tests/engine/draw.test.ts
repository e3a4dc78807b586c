// Question pools (issue 17): the draw as a rule (drawQuestions, pure) and as a learner meets it through the
// real Tutor over a quiz written to a temp folder: coverage, retakes, resume, small pools, review-only questions.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { QuestionType, StageNumber } from "../../engine/content/model.js";
import { type Question, type QuizState, Tutor } from "../../engine/index.js";
import { ATTEMPT_SIZE, type DrawInput, drawQuestions } from "../../engine/journey/draw.js";
import { DOC_SUFFIX, fileStem } from "../../engine/progress/names.js";
import { rightResponse } from "../bot/answers.js";
import { clock, tempDir } from "../helpers/engine.js";
import { expectOk } from "../helpers/result.js";

type PoolQuestion = DrawInput["pool"][number];

/** A pool: `n` questions spread over `objectives` in turn, ids q0..q(n-1). */
function poolOf(n: number, objectives: string[], type: QuestionType = "single"): PoolQuestion[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    type,
    ...(objectives.length ? { objective: objectives[i % objectives.length] } : {}),
  }));
}

/** Attempts one after another, each drawing with the record the earlier ones left, as the engine keeps it. */
function attempts(pool: PoolQuestion[], objectives: string[], count: number, stage: StageNumber = 1) {
  const drawnBefore: Record<string, number> = {};
  const draws: string[][] = [];
  for (let attempt = 1; attempt <= count; attempt++) {
    const ids = drawQuestions({ pool, objectives, drawnBefore, stage, seed: `learner-${attempt}` });
    for (const id of ids) drawnBefore[id] = attempt;
    draws.push(ids);
  }
  return draws;
}

const objectiveOf = (pool: PoolQuestion[], id: string) => pool.find((q) => q.id === id)?.objective;
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

describe("drawQuestions", () => {
  it("draws 5 different questions of the pool that cover every objective, whatever the seed", () => {
    for (const objectives of [
      ["a", "b"],
      ["a", "b", "c", "d"],
      ["a", "b", "c", "d", "e"],
    ]) {
      for (const size of [8, 9, 13, 30]) {
        const pool = poolOf(size, objectives);
        for (let seed = 0; seed < 60; seed++) {
          const ids = drawQuestions({ pool, objectives, drawnBefore: {}, stage: 1, seed: String(seed) });
          expect(ids).toHaveLength(ATTEMPT_SIZE);
          expect(new Set(ids).size).toBe(ATTEMPT_SIZE);
          const covered = new Set(ids.map((id) => objectiveOf(pool, id)));
          expect([...covered].sort(), `${size} questions, seed ${seed}`).toEqual(objectives);
        }
      }
    }
  });

  it("covers an objective that only one question tests, and spreads the rest over the objectives", () => {
    // q0..q7 test `common`; q8 alone tests `rare`.
    const pool = [...poolOf(8, ["common"]), { id: "q8", type: "single" as const, objective: "rare" }];
    const spread = poolOf(10, ["a", "b"]);
    for (let seed = 0; seed < 40; seed++) {
      expect(
        drawQuestions({ pool, objectives: ["common", "rare"], drawnBefore: {}, stage: 1, seed: `${seed}` }),
      ).toContain("q8");
      const ids = drawQuestions({
        pool: spread,
        objectives: ["a", "b"],
        drawnBefore: {},
        stage: 3,
        seed: `${seed}`,
      });
      const perObjective = ["a", "b"].map((o) => ids.filter((id) => objectiveOf(spread, id) === o).length);
      expect(perObjective.sort()).toEqual([2, 3]);
    }
  });

  it("asks a pool of 5 or fewer whole, in file order", () => {
    for (const size of [1, 3, 5]) {
      const pool = poolOf(size, ["a", "b"]);
      expect(
        drawQuestions({ pool, objectives: ["a", "b"], drawnBefore: { q0: 3 }, stage: 2, seed: "s" }),
      ).toEqual(pool.map((q) => q.id));
    }
    expect(drawQuestions({ pool: [], objectives: [], drawnBefore: {}, stage: 1, seed: "s" })).toEqual([]);
  });

  it("always draws the explain questions in stages 2, 4 and 6, not elsewhere", () => {
    const pool = [...poolOf(10, ["a", "b"]), { id: "why", type: "explain" as const, objective: "a" }];
    const drawsWith = (stage: StageNumber) =>
      Array.from({ length: 40 }, (_, seed) =>
        drawQuestions({ pool, objectives: ["a", "b"], drawnBefore: { why: 9 }, stage, seed: `${seed}` }),
      ).filter((ids) => ids.includes("why")).length;
    for (const stage of [2, 4, 6] as StageNumber[]) expect(drawsWith(stage)).toBe(40);
    // Elsewhere an explain question is one of the pool: drawn last, as the most recently drawn.
    for (const stage of [1, 3, 5] as StageNumber[]) expect(drawsWith(stage)).toBe(0);
  });

  it("draws a different set on every retake, and the whole pool within a few attempts", () => {
    for (const size of [6, 8, 9, 12, 17]) {
      const objectives = ["a", "b", "c"];
      const pool = poolOf(size, objectives);
      const draws = attempts(pool, objectives, 8);
      for (let i = 1; i < draws.length; i++) {
        expect(
          sameSet(draws[i] as string[], draws[i - 1] as string[]),
          `pool of ${size}, attempt ${i + 1}`,
        ).toBe(false);
      }
      const firstRound = draws.slice(0, Math.ceil(size / ATTEMPT_SIZE)).flat();
      expect(new Set(firstRound).size, `pool of ${size}`).toBe(size);
    }
  });

  it("a retake of 9 questions asks the 4 not asked yet, with one asked before", () => {
    const objectives = ["a", "b"];
    const pool = poolOf(9, objectives);
    const [first, second] = attempts(pool, objectives, 2) as [string[], string[]];
    const fresh = pool.map((q) => q.id).filter((id) => !first.includes(id));
    expect(fresh).toHaveLength(4);
    for (const id of fresh) expect(second).toContain(id);
    expect(second.filter((id) => first.includes(id))).toHaveLength(1);
  });

  it("is reproducible from its seed and varies with it", () => {
    const pool = poolOf(20, ["a", "b"]);
    const draw = (seed: string) =>
      drawQuestions({ pool, objectives: ["a", "b"], drawnBefore: {}, stage: 1, seed });
    expect(draw("x")).toEqual(draw("x"));
    const distinct = new Set(Array.from({ length: 20 }, (_, i) => draw(`s${i}`).join(",")));
    expect(distinct.size).toBeGreaterThan(10);
  });

  it("draws from a pool without objectives too", () => {
    const pool = poolOf(7, []);
    const draws = attempts(pool, [], 2);
    expect(draws[0]).toHaveLength(ATTEMPT_SIZE);
    expect(sameSet(draws[0] as string[], draws[1] as string[])).toBe(false);
  });
});

// Through the real Tutor: a lesson whose stage 1 has a pool of 9 (two objectives) and 2 review-only questions.
const BASE = new URL("../fixtures/malformed/_base/", import.meta.url).pathname;

function question(id: string, attributes: string): string {
  return `### ${id} (single, ${attributes})\n\nPick one.\n\n- [ ] Wrong\n  > Because.\n- [x] Right\n\n> **Explanation:** Because.\n`;
}

function poolContent(): string {
  const root = tempDir("tutor-draw-content-");
  cpSync(BASE, root, { recursive: true });
  const stage1 = [
    "## Stage 1",
    "",
    "> **Objectives:**",
    "> - `alpha`: the first idea",
    "> - `beta`: the second idea",
    "",
    ...Array.from({ length: 9 }, (_, i) => question(`pool-q${i}`, `objective: ${i % 2 ? "beta" : "alpha"}`)),
    question("pool-trivia-a", "objective: alpha, review-only"),
    question("pool-trivia-b", "objective: beta, review-only"),
  ].join("\n");
  const quiz = join(root, "quizzes/target.md");
  const text = readFileSync(quiz, "utf8");
  writeFileSync(quiz, text.replace(/## Stage 1\n[\s\S]*?(?=## Stage 2)/, `${stage1}\n`));
  return root;
}

async function answerAll(tutor: Tutor, learner: string, state: QuizState, right = () => true) {
  const asked: Question[] = [];
  while (state.question) {
    const q = state.question;
    asked.push(q);
    const response = right() ? rightResponse(q) : { kind: "choice" as const, selected: [0] };
    state = expectOk(await tutor.answer(learner, { questionId: q.id, response })).quiz;
  }
  return asked;
}

describe("a stage attempt draws from the pool", () => {
  const open = (contentDir: string, dataDir: string, now = clock("2026-03-02T10:00:00Z")) =>
    Tutor.open({ contentDir, dataDir, timeZone: "UTC", llm: false, now: now.now });

  it("asks 5 of the pool, never a review-only question, and passes with 4 of the 5 right", async () => {
    const tutor = await open(poolContent(), tempDir());
    const stage = expectOk(await tutor.openStage("ana", "target", 1));
    expect(stage).toMatchObject({ questionCount: 9, asked: 5 });
    expect(stage.stages[0]).toMatchObject({ total: 9, asked: 5, needed: 4 });
    const quiz = expectOk(await tutor.startQuiz("ana", "target", 1));
    expect(quiz.total).toBe(5);
    let n = 0;
    const asked = await answerAll(tutor, "ana", quiz, () => n++ !== 0);
    expect(asked).toHaveLength(5);
    expect(asked.every((q) => !q.reviewOnly && q.id.startsWith("pool-q"))).toBe(true);
    expect(new Set(asked.map((q) => q.objective))).toEqual(new Set(["alpha", "beta"]));
    const entry = (await tutor.catalog("ana")).find((e) => e.id === "target");
    expect(entry?.stages[0]?.status).toBe("passed");
  });

  it("draws other questions on a retake, and keeps its draw when resumed by a new process", async () => {
    const content = poolContent();
    const data = tempDir();
    const now = clock("2026-03-02T10:00:00Z");
    const tutor = await open(content, data, now);
    const first = await answerAll(
      tutor,
      "ana",
      expectOk(await tutor.startQuiz("ana", "target", 1)),
      () => false,
    );
    // The attempt ends (the learner sees its answers); a fresh one opens the next study day.
    expectOk(await tutor.seeAnswers("ana", "target", 1));
    now.advanceDays(1);
    const retake = expectOk(await tutor.startQuiz("ana", "target", 1));
    const q0 = retake.question as Question;
    expectOk(await tutor.answer("ana", { questionId: q0.id, response: rightResponse(q0) }));
    await tutor.close();

    const again = await open(content, data, now);
    const resumed = await again.current("ana");
    expect(resumed).toMatchObject({ index: 1, total: 5 });
    const rest = await answerAll(again, "ana", resumed as QuizState);
    const second = [q0, ...rest].map((q) => q.id);
    expect(second).toHaveLength(5);
    // The 4 questions the first attempt did not ask come first, then one it did.
    const fresh = Array.from({ length: 9 }, (_, i) => `pool-q${i}`).filter(
      (id) => !first.some((q) => q.id === id),
    );
    expect(fresh.every((id) => second.includes(id))).toBe(true);
    expect(
      sameSet(
        second,
        first.map((q) => q.id),
      ),
    ).toBe(false);
  });

  it("makes every question of an attempted stage a review card, review-only ones included", async () => {
    const now = clock("2026-03-02T10:00:00Z");
    const tutor = await open(poolContent(), tempDir(), now);
    await answerAll(tutor, "ana", expectOk(await tutor.startQuiz("ana", "target", 1)));
    // The stage's other questions come due one a day after the attempt, not all at once.
    now.advanceDays(1);
    const reviewed = new Set<string>();
    for (let day = 0; day < 30; day++) {
      now.advanceDays(1);
      const review = await tutor.startReview("ana");
      if (review.ok) for (const q of await answerAll(tutor, "ana", review.value)) reviewed.add(q.id);
    }
    expect(reviewed).toContain("pool-trivia-a");
    expect(reviewed).toContain("pool-trivia-b");
    expect([...reviewed].filter((id) => id.startsWith("pool-q"))).toHaveLength(9);
  });

  it("takes a hand-edited record of earlier draws that makes no sense as none", async () => {
    const content = poolContent();
    const data = tempDir();
    const tutor = await open(content, data);
    expectOk(await tutor.startQuiz("ana", "target", 1));
    await tutor.close();
    const file = join(data, "learners", `${fileStem("ana")}${DOC_SUFFIX}`);
    for (const drawn of [
      "junk",
      { target: "junk" },
      { target: { 1: ["pool-q0"] } },
      { target: { 1: { "pool-q0": -1, "pool-q1": "x" } } },
    ]) {
      const doc = JSON.parse(readFileSync(file, "utf8"));
      // Without the attempt in progress, so that the start below is a fresh attempt that draws again.
      writeFileSync(file, JSON.stringify({ ...doc, drawn, session: undefined, attempts: undefined }));
      const again = await open(content, data);
      const quiz = expectOk(await again.startQuiz("ana", "target", 1));
      expect(quiz.total).toBe(5);
      await again.close();
      const after = JSON.parse(readFileSync(file, "utf8"));
      expect(Object.values(after.drawn.target[1])).toEqual([1, 1, 1, 1, 1]);
    }
  });

  it("asks a small pool whole: the fixture's other stages of one question", async () => {
    const tutor = await open(poolContent(), tempDir());
    await answerAll(tutor, "ana", expectOk(await tutor.startQuiz("ana", "target", 1)));
    const stage2 = expectOk(await tutor.openStage("ana", "target", 2));
    expect(stage2.stages[1]).toMatchObject({ total: 1, asked: 1, needed: 1 });
    expect(expectOk(await tutor.startQuiz("ana", "target", 2)).total).toBe(1);
  });
});
