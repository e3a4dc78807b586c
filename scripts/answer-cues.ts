/**
 * Measures answer cues in the bundled choice questions, per quiz file and content-wide:
 * the correct option much longer than the wrong ones, "pick the longest", "pick the option sharing most
 * words with the stem", true/false balance, multiple-select correct counts, wrong options without feedback.
 * Usage: npx tsx scripts/answer-cues.ts [--list]
 */
import { basename, resolve } from "node:path";
import { loadContent } from "../engine/content/load.js";
import type { ChoiceQuestion } from "../engine/content/model.js";

const list = process.argv.includes("--list");
const root = resolve(import.meta.dirname, "..");
const { catalog } = await loadContent(root);

const STOP = new Set(
  "a an the of to in on at by for and or is are was were be been it its this that with as from into what which why how does do not no than then when where who their they them your you can will would only one each".split(
    " ",
  ),
);
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/`/g, "")
      .split(/[^a-z0-9_]+/)
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => w.replace(/(ies|es|s|ed|ing)$/, "")),
  );

interface Row {
  single: number;
  longestRight: number;
  muchLonger: string[];
  stemScore: number;
  stemChance: number;
  stemLeaders: string[];
  tf: number;
  tfTrue: number;
  multi: number[];
  noFeedback: string[];
}
const rows = new Map<string, Row>();
const total: Row = {
  single: 0,
  longestRight: 0,
  muchLonger: [],
  stemScore: 0,
  stemChance: 0,
  stemLeaders: [],
  tf: 0,
  tfTrue: 0,
  multi: [],
  noFeedback: [],
};

for (const quiz of catalog.quizzes) {
  const name = basename(quiz.file, ".md");
  const row: Row = {
    single: 0,
    longestRight: 0,
    muchLonger: [],
    stemScore: 0,
    stemChance: 0,
    stemLeaders: [],
    tf: 0,
    tfTrue: 0,
    multi: [],
    noFeedback: [],
  };
  rows.set(name, row);
  for (const q of quiz.questions) {
    if (q.type !== "single" && q.type !== "multiple" && q.type !== "true-false") continue;
    const c = q as ChoiceQuestion;
    const at = `${name}:${c.line} ${c.id}`;
    if (c.type !== "true-false")
      for (const o of c.options) if (!o.correct && !o.feedback) row.noFeedback.push(at);
    if (c.type === "true-false") {
      row.tf++;
      if (c.options.find((o) => o.correct)?.text === "True") row.tfTrue++;
      continue;
    }
    if (c.type === "multiple") {
      row.multi.push(c.options.filter((o) => o.correct).length);
      continue;
    }
    row.single++;
    const right = c.options.find((o) => o.correct);
    if (!right) continue;
    const wrongMax = Math.max(...c.options.filter((o) => !o.correct).map((o) => o.text.length));
    if (right.text.length > wrongMax) row.longestRight++;
    if (right.text.length - wrongMax > 0.25 * wrongMax && right.text.length - wrongMax >= 15)
      row.muchLonger.push(`${at} (${right.text.length} vs ${wrongMax})`);
    const stem = words(c.prompt);
    const overlap = c.options.map((o) => [...words(o.text)].filter((w) => stem.has(w)).length);
    const best = Math.max(...overlap);
    const leaders = c.options.filter((_, i) => overlap[i] === best);
    row.stemChance += 1 / c.options.length;
    if (right && leaders.includes(right)) {
      row.stemScore += 1 / leaders.length;
      if (leaders.length === 1) row.stemLeaders.push(`${at} (${overlap.join("/")})`);
    }
  }
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : "-");
console.log("file                          single  longest-right  much-longer  stem-pick/chance  tf(True)  multi-counts  no-feedback");
for (const [name, r] of [...rows].sort()) {
  const tfShare = r.tf ? Math.max(r.tfTrue, r.tf - r.tfTrue) / r.tf : 0;
  console.log(
    `${name.padEnd(30)}${String(r.single).padStart(6)}  ${`${r.longestRight} ${pct(r.longestRight, r.single)}`.padStart(13)}  ${String(r.muchLonger.length).padStart(11)}  ${`${r.stemScore.toFixed(1)}/${r.stemChance.toFixed(1)}`.padStart(16)}  ${`${r.tfTrue}/${r.tf}`.padStart(5)}${tfShare > 0.65 ? "!" : " "}  ${r.multi.join(",").padStart(12)}${new Set(r.multi).size < 2 && r.multi.length > 1 ? "!" : " "}  ${r.noFeedback.length}`,
  );
  total.single += r.single;
  total.longestRight += r.longestRight;
  total.muchLonger.push(...r.muchLonger);
  total.stemScore += r.stemScore;
  total.stemChance += r.stemChance;
  total.stemLeaders.push(...r.stemLeaders);
  total.tf += r.tf;
  total.tfTrue += r.tfTrue;
  total.multi.push(...r.multi);
  total.noFeedback.push(...r.noFeedback);
}
const hist = new Map<number, number>();
for (const n of total.multi) hist.set(n, (hist.get(n) ?? 0) + 1);
console.log(
  `\ncontent-wide: single ${total.single}; correct strictly longest ${total.longestRight} (${pct(total.longestRight, total.single)}); much longer ${total.muchLonger.length}; ` +
    `stem-overlap pick ${total.stemScore.toFixed(1)} (${pct(total.stemScore, total.single)}) vs chance ${total.stemChance.toFixed(1)} (${pct(total.stemChance, total.single)}); ` +
    `true/false True ${total.tfTrue} of ${total.tf}; multiple correct counts ${[...hist].sort().map(([k, v]) => `${k}:${v}`).join(" ")}; wrong options without feedback ${total.noFeedback.length}`,
);
if (list) {
  console.log("\nmuch longer:\n" + total.muchLonger.join("\n"));
  console.log("\nstem leader is the correct option:\n" + total.stemLeaders.join("\n"));
  console.log("\nno feedback:\n" + total.noFeedback.join("\n"));
}
