/**
 * The offline grader against people: a labelled set of answers (tests/fixtures/explain-eval.yml) that the rubrics
 * were not calibrated on (the quiz files' **Passes:** / **Fails:** examples are other texts). Agreement per kind is
 * printed by `npm run bench`; this test holds the grader to the floors below.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundledContentDir, loadContent } from "../../engine/content/load.js";
import { evaluate, type KindAgreement, type LabelledAnswer } from "../../engine/quiz/explain/evaluate.js";

const read = (file: string) =>
  parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")) as LabelledAnswer[];
const items = read("explain-eval.yml");
/** Answers over other questions, never used to tune the grader or the rubrics (see the file's header). */
const heldOut = read("explain-eval-heldout.yml");
let rows: KindAgreement[] = [];
let heldRows: KindAgreement[] = [];
const kind = (name: string) => rows.find((r) => r.kind === name) as KindAgreement;
const share = (n: number, total: number) => n / total;

beforeAll(async () => {
  const { catalog, issues } = await loadContent(bundledContentDir() as string);
  expect(issues).toEqual([]);
  rows = evaluate(catalog, items);
  heldRows = evaluate(catalog, heldOut);
}, 60_000);

describe("agreement with human labels on answers the rubrics were not calibrated on", () => {
  it("has the set the issue asks for: at least 120 answers over at least 20 questions, six kinds", () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
    expect(new Set(items.map((i) => i.questionId)).size).toBeGreaterThanOrEqual(20);
    expect(rows.map((r) => r.kind).sort()).toEqual([
      "good-other-vocabulary",
      "good-own-words",
      "off-topic",
      "partial",
      "right-words-wrong-meaning",
      "stuffing",
    ]);
  });

  it("passes no keyword stuffing and no off-topic answer", () => {
    expect(kind("stuffing").disagreements).toEqual([]);
    expect(kind("off-topic").disagreements).toEqual([]);
  });

  it("fails at least 80% of answers with the right words and the wrong meaning, and 90% of partial ones", () => {
    const wrong = kind("right-words-wrong-meaning");
    expect(share(wrong.agree, wrong.total)).toBeGreaterThanOrEqual(0.8);
    const partial = kind("partial");
    expect(share(partial.agree, partial.total)).toBeGreaterThanOrEqual(0.9);
  });

  it("passes at least 90% of good answers in the learner's own words", () => {
    const own = kind("good-own-words");
    expect(share(own.passed, own.total)).toBeGreaterThanOrEqual(0.9);
  });

  it("agrees with people on at least 84% of all answers", () => {
    const agree = rows.reduce((n, r) => n + r.agree, 0);
    expect(share(agree, items.length)).toBeGreaterThanOrEqual(0.84);
  });
});

describe("agreement on held-out answers to questions the grader was not tuned on", () => {
  it("holds out whole questions: none of them has an item in the labelled set", () => {
    const tuned = new Set(items.map((i) => i.questionId));
    expect(heldOut.filter((i) => tuned.has(i.questionId)).map((i) => i.questionId)).toEqual([]);
    expect(heldOut.filter((i) => i.kind === "good-other-vocabulary").length).toBeGreaterThanOrEqual(25);
  });

  it("passes at least 80% of the good answers in other words, and none of the wrong, partial or stuffed ones", () => {
    const good = heldRows.find((r) => r.kind === "good-other-vocabulary") as KindAgreement;
    expect(share(good.passed, good.total)).toBeGreaterThanOrEqual(0.8);
    for (const r of heldRows.filter((r) => !r.kind.startsWith("good-"))) expect(r.disagreements).toEqual([]);
  });
});
