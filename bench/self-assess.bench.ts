// `npm run bench -- self-assess`: the cost of a self-assessment beside the answer it follows (the baseline),
// for a learner with 100 and with 10,000 answers in their history, and the authors' disputes report over
// 1,000 and 10,000 disputes beside reading the same file whole (its baseline). Measured in the same run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendDispute, disputeReport } from "../engine/groups/disputes.js";
import { Tutor } from "../engine/index.js";
import { type AnswerRecord, emptyDoc } from "../engine/progress/model.js";

const CONTENT = join(import.meta.dirname, "..", "tests", "fixtures", "content");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

function figures(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function line(label: string, times: number[], base: number): number {
  const { p50, p99 } = figures(times);
  console.log(
    `${label.padEnd(52)} p50 ${p50.toFixed(2).padStart(8)} ms   p99 ${p99.toFixed(2).padStart(8)} ms   ${(p50 / (base || p50)).toFixed(2).padStart(6)}x baseline p50`,
  );
  return p50;
}

async function assessRounds(answers: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-self-assess-"));
  const now = new Date("2026-03-02T10:00:00Z");
  const doc = emptyDoc("bench", now);
  doc.passed["tcp-basics"] = { 1: now.toISOString() };
  // Written in the older one-file format, with the history inside: the store moves it to its log on first open.
  const history: AnswerRecord[] = [];
  for (let i = 0; i < answers; i++) {
    history.push({
      questionId: "basics-recv",
      lessonId: "tcp-basics",
      stage: 1,
      at: new Date(now.getTime() - (answers - i) * 60_000).toISOString(),
      correct: i % 3 !== 0,
      score: 1,
      hintUsed: false,
      mode: "quiz",
      selected: [0],
    });
  }
  mkdirSync(join(dataDir, "learners"), { recursive: true });
  writeFileSync(join(dataDir, "learners", "bench.json"), JSON.stringify({ ...doc, history }));
  const tutor = await Tutor.open({
    contentDir: CONTENT,
    dataDir,
    contentCache: false,
    llm: false,
    now: () => now,
  });
  const answerTimes: number[] = [];
  const assessTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await tutor.startQuiz("bench", "tcp-basics", 2);
    let start = performance.now();
    await tutor.answer("bench", {
      questionId: "basics-explain",
      response: { kind: "text", text: "The kernel completes the handshake before my program sees it." },
    });
    answerTimes.push(performance.now() - start);
    start = performance.now();
    await tutor.selfAssess("bench", "basics-explain", { disputed: [1], rating: "good" });
    assessTimes.push(performance.now() - start);
  }
  await tutor.close();
  rmSync(dataDir, { recursive: true, force: true });
  const base = line(`answer (baseline), ${answers.toLocaleString("en")} answers in history`, answerTimes, 0);
  line(`selfAssess, ${answers.toLocaleString("en")} answers in history`, assessTimes, base);
}

async function reportRounds(disputes: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-disputes-"));
  const questions = 20;
  // Written as appendDispute writes them, one line each, without a lock per line (setup only).
  for (let q = 0; q < questions; q++) {
    await appendDispute(dataDir, {
      at: "2026-03-02T10:00:00.000Z",
      questionId: `q-${q}`,
      lessonId: "bench",
      disputed: [{ text: "warm-up", covered: false }],
      credited: [],
      flags: [],
      text: "x",
    });
  }
  for (let q = 0; q < questions; q++) {
    const lines: string[] = [];
    for (let i = 0; i < disputes / questions - 1; i++) {
      lines.push(
        JSON.stringify({
          at: "2026-03-02T10:00:00.000Z",
          questionId: `q-${q}`,
          lessonId: "bench",
          disputed: [{ text: `Key point ${i % 5}`, covered: i % 4 === 0 }],
          credited: [],
          flags: i % 10 === 0 ? ["stuffing"] : [],
          text: "The kernel completes the handshake; connections wait in a queue until accept() takes them.".repeat(
            3,
          ),
        }),
      );
    }
    const file = join(dataDir, "disputes", `q-${q}.jsonl`);
    writeFileSync(file, `${await readFile(file, "utf8")}${lines.join("\n")}\n`);
  }
  const raw: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < Math.max(5, Math.floor(ROUNDS / 3)); i++) {
    let start = performance.now();
    for (let q = 0; q < questions; q++)
      (await readFile(join(dataDir, "disputes", `q-${q}.jsonl`), "utf8")).split("\n");
    raw.push(performance.now() - start);
    start = performance.now();
    await disputeReport(dataDir);
    report.push(performance.now() - start);
  }
  rmSync(dataDir, { recursive: true, force: true });
  const base = line(`read the files whole (baseline), ${disputes.toLocaleString("en")} disputes`, raw, 0);
  line(`disputes report, ${disputes.toLocaleString("en")} disputes`, report, base);
}

export default async function selfAssessBench(): Promise<void> {
  await assessRounds(100);
  await assessRounds(10_000);
  await reportRounds(1_000);
  await reportRounds(10_000);
}
