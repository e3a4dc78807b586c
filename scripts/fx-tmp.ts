import { readFileSync } from "node:fs";
import { parseQuiz } from "../engine/content/parse-quiz.js";
import { gradeExplain } from "../engine/quiz/explain/grade-explain.js";
const quiz = parseQuiz("q.md", readFileSync("tests/fixtures/content/quizzes/tcp-basics.md", "utf8"), []);
const q = quiz!.questions.find((x) => x.id === process.argv[2]) as any;
console.log(JSON.stringify(gradeExplain(q, process.argv[3]!), null, 1));
