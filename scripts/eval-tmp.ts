import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadContent, bundledContentDir } from "../engine/content/load.js";
import { evaluate } from "../engine/quiz/explain/evaluate.js";
const { catalog } = await loadContent(bundledContentDir()!);
const items = parse(readFileSync("tests/fixtures/explain-eval.yml", "utf8"));
const rows = evaluate(catalog, items);
let a = 0, t = 0;
for (const r of rows) { a += r.agree; t += r.total; console.log(r.kind.padEnd(28), `${r.agree}/${r.total}`, "passed", r.passed); }
console.log("overall", a, t, (a / t).toFixed(3));
if (process.argv[2]) for (const r of rows) if (r.kind === process.argv[2]) for (const d of r.disagreements) console.log("\n#", d.questionId, d.expected, "\n", d.text);
