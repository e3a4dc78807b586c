import { readFileSync } from "node:fs";
import { parseQuiz } from "../engine/content/parse-quiz.js";
import { gradeExplain } from "../engine/quiz/explain/grade-explain.js";
const quiz = parseQuiz("q.md", readFileSync(process.argv[2]!, "utf8"), []);
const q = quiz!.questions.find((x) => x.id === process.argv[3]) as any;
const v = gradeExplain(q, process.argv[4]!);
console.log(v.correct, v.score, v.flags, v.keyPoints.map((k) => k.covered));
