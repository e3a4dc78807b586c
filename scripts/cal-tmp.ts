import { loadContent, bundledContentDir } from "../engine/content/load.js";
import { calibrate } from "../engine/quiz/explain/calibrate.js";
import { explainContextOf } from "../engine/quiz/explain/grade-explain.js";
const t0 = performance.now();
const { catalog } = await loadContent(bundledContentDir());
let n = 0, bad = 0;
const counts: Record<string, number> = {};
for (const quiz of catalog.quizzes) {
  const lesson = catalog.lessons.find((l) => l.id === quiz.lessonId)!;
  const ctx = explainContextOf(lesson, catalog.synonyms);
  for (const q of quiz.questions) {
    if (q.type !== "explain") continue;
    n++;
    const problems = calibrate(q, ctx);
    if (problems.length) bad++;
    for (const p of problems) {
      const kind = p.message.replace(/^question `[^`]+`: /, "").split(/[:(]/)[0].slice(0, 50);
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (process.argv[2] === "-v") console.log(`${quiz.file}:${p.line}: ${p.message}`);
    }
  }
}
console.log({ n, bad, ms: performance.now() - t0 });
console.log(counts);
