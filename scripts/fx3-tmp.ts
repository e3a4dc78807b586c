import { loadContent } from "../engine/content/load.js";
import { explainContextOf, gradeExplain } from "../engine/quiz/explain/grade-explain.js";
const { catalog } = await loadContent(process.argv[2]!);
const q = catalog.quizzes.flatMap((z) => z.questions).find((x) => x.id === process.argv[3]) as any;
const lesson = catalog.lessons.find((l) => l.id === q.lessonId)!;
const v = gradeExplain(q, process.argv[4]!, explainContextOf(lesson, catalog.synonyms));
console.log(v.correct, v.score, v.flags, v.keyPoints);
