import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadContent, bundledContentDir } from "../engine/content/load.js";
import { calibrate } from "../engine/quiz/explain/calibrate.js";
import { explainContextOf, gradeExplain } from "../engine/quiz/explain/grade-explain.js";
const { catalog } = await loadContent(bundledContentDir()!);
const items = parse(readFileSync("tests/fixtures/explain-eval.yml", "utf8")) as any[];
const file = process.argv[2];
const quiz = catalog.quizzes.find((q) => q.file.includes(file))!;
const lesson = catalog.lessons.find((l) => l.id === quiz.lessonId)!;
const ctx = explainContextOf(lesson, catalog.synonyms);
for (const q of quiz.questions) {
  if (q.type !== "explain") continue;
  console.log(`\n===== ${q.id} (line ${q.line})`);
  for (const p of calibrate(q, ctx)) console.log("  CAL", p.line, p.message.replace(/^question `[^`]+`: /, "").slice(0, 400));
  for (const it of items.filter((i) => i.questionId === q.id)) {
    const v = gradeExplain(q, it.text, ctx);
    if (v.correct !== it.pass) console.log(`  EVAL ${it.kind} expected ${it.pass} got ${v.correct} ${Math.round(v.score*100)}% flags=${v.flags.map(f=>f.kind)} covered=${v.keyPoints.map(k=>k.covered?1:0).join("")}\n     ${it.text.slice(0, 500)}`);
  }
}
