import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadContent, bundledContentDir } from "../engine/content/load.js";
import { analyse } from "../engine/quiz/explain/nlp.js";
import { contentKeys } from "../engine/quiz/explain/concepts.js";
import { jumbled } from "../engine/quiz/explain/calibrate.js";
const { catalog } = await loadContent(bundledContentDir()!);
const qs = new Map(catalog.quizzes.flatMap((q) => q.questions).map((q) => [q.id, q]));
const items = parse(readFileSync("tests/fixtures/explain-eval.yml", "utf8")) as any[];
const density = (q: any, text: string) => {
  const rub = new Set(contentKeys(analyse(q.keyPoints.flatMap((k: any) => k.phrasings.map((p: string) => p.replace(/ [+/] /g, " "))).join(". "))));
  const own = contentKeys(analyse(text));
  return own.filter((k) => rub.has(k)).length / own.length;
};
const by: Record<string, number[]> = {};
for (const it of items) { const q = qs.get(it.questionId)!; (by[it.kind] ??= []).push(+density(q, it.text).toFixed(2)); }
for (const [k, v] of Object.entries(by)) console.log(k, v.sort().join(" "));
const j: number[] = []; for (const q of qs.values()) if (q.type === "explain") j.push(+density(q, jumbled(q)).toFixed(2));
console.log("jumble", j.sort().join(" "));
