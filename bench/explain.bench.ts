// `npm run bench -- explain`: the offline explain grader. Prints
// - its agreement with the labelled evaluation set (tests/fixtures/explain-eval.yml), per kind of answer, and with
//   the held-out set (explain-eval-heldout.yml: other questions, never tuned on) on its own;
// - the time to load the English model (wink-nlp + wink-eng-lite-web-model) in a fresh process, beside
//   `node -e 0` measured in the same run: what the first explain answer pays, and start-up does not;
// - grading time per answer, p50 and p99, beside the word-window matcher it replaced (the baseline), both
//   over the same answers in the same run.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { bundledContentDir, loadContent } from "../engine/content/load.js";
import type { ExplainQuestion } from "../engine/content/model.js";
import { evaluate, type LabelledAnswer } from "../engine/quiz/explain/evaluate.js";
import { explainContextOf, gradeExplain } from "../engine/quiz/explain/grade-explain.js";
import { loadNlp } from "../engine/quiz/explain/nlp.js";
import { containsPhrase, prepare } from "../engine/quiz/text-match.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

function timed(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed`);
  return performance.now() - start;
}

export default async function explain(): Promise<void> {
  const { catalog } = await loadContent(bundledContentDir() as string);
  const read = (file: string) =>
    parse(readFileSync(join(root, "tests/fixtures", file), "utf8")) as LabelledAnswer[];
  const labelled = read("explain-eval.yml");
  // Answers over other questions, never used to tune the grader or the rubrics: how it does on unseen answers.
  const heldOut = read("explain-eval-heldout.yml");
  const items = [...labelled, ...heldOut];

  for (const [title, set] of [
    ["agreement with human labels", labelled],
    ["held-out answers (questions and answers not tuned on)", heldOut],
  ] as const) {
    const rows = evaluate(catalog, set);
    const total = rows.reduce((n, r) => n + r.total, 0);
    const agree = rows.reduce((n, r) => n + r.agree, 0);
    const good = rows.filter((r) => r.kind.startsWith("good-"));
    console.log(`\n${title}, ${total} answers over ${new Set(set.map((i) => i.questionId)).size} questions`);
    for (const r of rows) {
      console.log(
        `${r.kind.padEnd(28)} ${`${r.agree}/${r.total}`.padStart(7)}  ${((100 * r.agree) / r.total).toFixed(0).padStart(3)}%   passed ${r.passed}`,
      );
    }
    const goodTotal = good.reduce((n, r) => n + r.total, 0);
    const goodPassed = good.reduce((n, r) => n + r.passed, 0);
    console.log(
      `${"good answers passed".padEnd(28)} ${`${goodPassed}/${goodTotal}`.padStart(7)}  ${((100 * goodPassed) / goodTotal).toFixed(0).padStart(3)}%`,
    );
    console.log(
      `${"overall".padEnd(28)} ${`${agree}/${total}`.padStart(7)}  ${((100 * agree) / total).toFixed(1)}%`,
    );
  }

  const load = `const t=performance.now();const w=require("wink-nlp");const m=require("wink-eng-lite-web-model");w(m,["sbd","pos"]).readDoc("The kernel copies it.");`;
  const bare: number[] = [];
  const model: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(timed(["-e", "0"]));
    model.push(timed(["-e", load]));
  }
  const b = median(bare);
  const m = median(model);
  console.log(`\nmodel load in a fresh process, ${RUNS} runs, medians`);
  console.log(`${"node -e 0".padEnd(40)} ${b.toFixed(0).padStart(5)} ms`);
  console.log(
    `${"node + wink-nlp + English model".padEnd(40)} ${m.toFixed(0).padStart(5)} ms   (+${(m - b).toFixed(0)} ms, paid by the first explain answer only)`,
  );

  await loadNlp();
  const questions = new Map(catalog.quizzes.flatMap((q) => q.questions).map((q) => [q.id, q]));
  const lessons = new Map(catalog.lessons.map((l) => [l.id, l]));
  const cases = items.map((item) => {
    const question = questions.get(item.questionId) as ExplainQuestion;
    return {
      question,
      text: item.text,
      context: explainContextOf(lessons.get(question.lessonId) as never, catalog.synonyms),
    };
  });
  for (const c of cases) gradeExplain(c.question, c.text, c.context); // warm-up: groups, vocabularies
  const grader: number[] = [];
  const words: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      let start = performance.now();
      const text = prepare(c.text);
      for (const k of c.question.keyPoints) k.phrasings.some((p) => containsPhrase(text, p));
      words.push(performance.now() - start);
      start = performance.now();
      gradeExplain(c.question, c.text, c.context);
      grader.push(performance.now() - start);
    }
  }
  grader.sort((x, y) => x - y);
  words.sort((x, y) => x - y);
  const base = percentile(words, 50);
  console.log(`\ngrading one answer, ${cases.length} answers x ${ROUNDS} rounds`);
  for (const [label, xs] of [
    ["baseline: word-window phrase matcher", words],
    ["meaning-based grader (offline)", grader],
  ] as const) {
    const p50 = percentile(xs, 50);
    console.log(
      `${label.padEnd(40)} p50 ${p50.toFixed(3).padStart(8)} ms   p99 ${percentile(xs, 99).toFixed(3).padStart(8)} ms   ${(p50 / base).toFixed(0).padStart(5)}x baseline p50`,
    );
  }
}
