// `npm run bench -- patterns`: grading a short answer whose pattern is catastrophic for a backtracking engine,
// with a hostile answer, beside grading a normal answer to a bundled-style pattern (the baseline), measured in
// the same run. Patterns run on RE2 (re2js), so the hostile answers take time linear in their length.
import type { Question } from "../engine/content/model.js";
import { grade } from "../engine/quiz/grade.js";
import { MAX_RESPONSE_LENGTH } from "../engine/quiz/rules.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);

const question = (pattern: string): Question => ({
  id: "bench-short",
  lessonId: "bench",
  file: "bench.md",
  line: 1,
  stage: 1,
  type: "short",
  prompt: "Name it.",
  explanation: "It.",
  accepted: [],
  pattern,
});

const cases: { label: string; pattern: string; answer: string }[] = [
  {
    label: "baseline: ^(e?connrefused|connection ?refused)$, normal",
    pattern: "^(e?connrefused|connection ?refused)$",
    answer: "Connection refused",
  },
  { label: "^(a+)+$, 30-character hostile answer", pattern: "^(a+)+$", answer: `${"a".repeat(29)}!` },
  { label: "(a|a)*$, 30-character hostile answer", pattern: "(a|a)*$", answer: `${"a".repeat(29)}!` },
  {
    label: "(.*a){12}, 30-character hostile answer",
    pattern: "(.*a){12}",
    answer: `${"a".repeat(11)}${"b".repeat(19)}`,
  },
  {
    label: `^(a+)+$, ${MAX_RESPONSE_LENGTH.toLocaleString("en")}-character hostile answer (the limit)`,
    pattern: "^(a+)+$",
    answer: `${"a".repeat(MAX_RESPONSE_LENGTH - 1)}!`,
  },
  {
    label: "^(a+)+$, 10,000-character answer (refused: too long)",
    pattern: "^(a+)+$",
    answer: `${"a".repeat(9999)}!`,
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

function measure(q: Question, answer: string) {
  const response = { kind: "text" as const, text: answer };
  grade(q, response); // compiles and caches the pattern
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    grade(q, response);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export default async function patterns(): Promise<void> {
  // A warm-up round of every case first, so no case pays for compiling the grader.
  for (const c of cases) measure(question(c.pattern), c.answer);
  let base = 0;
  for (const c of cases) {
    const { p50, p99 } = measure(question(c.pattern), c.answer);
    base ||= p50;
    console.log(
      `${c.label.padEnd(62)} p50 ${p50.toFixed(4).padStart(9)} ms   p99 ${p99.toFixed(4).padStart(9)} ms   ${(p50 / base).toFixed(1).padStart(7)}x baseline p50`,
    );
  }
  // For scale: the engine grading used before, JavaScript's backtracking RegExp, on shorter hostile answers
  // (each added character doubles its time; 29 characters took about 5 s).
  /^(a+)+$/i.test("aaaaaaaaaa!"); // warm-up
  for (const n of [18, 20, 22]) {
    const answer = `${"a".repeat(n - 1)}!`;
    const start = performance.now();
    /^(a+)+$/i.test(answer);
    console.log(
      `${`for scale, JavaScript RegExp ^(a+)+$, ${n}-character hostile answer`.padEnd(62)} once ${(performance.now() - start).toFixed(1).padStart(8)} ms`,
    );
  }
  console.log(`${ROUNDS} gradings a case, after one warm-up round of every case`);
}
