// `npm run bench -- ask`: ask latency (p50/p99) over the bundled lessons and over 2,000 generated ones,
// beside a naive substring scan over the same sections as the baseline, in the same run.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ask } from "../engine/ask/ask.js";
import { plainText } from "../engine/ask/search.js";
import { defaultContentDir, type Lesson, loadContent, SectionIndex } from "../engine/index.js";

const TARGET_P99_MS = 5;
const labelled = (
  parse(readFileSync(new URL("../tests/ask/questions.yml", import.meta.url), "utf8")) as {
    in_scope: { q: string; lesson: string }[];
  }
).in_scope;
const questions = labelled.map((x) => x.q);

/**
 * The bundled lessons plus generated ones up to `count`: each generated lesson is a bundled lesson's own
 * sentences reshuffled into its sections, so about a hundred lessons share each topic's vocabulary
 * (harder for search than 2,000 lessons on 2,000 different topics).
 */
function generate(base: Lesson[], count: number): Lesson[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sentences = base.flatMap((l) => l.stages.flatMap((s) => s.markdown.split(/(?<=\.)\s+/)));
  const pick = (n: number) =>
    Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]).join(" ");
  return Array.from({ length: count }, (_, i) => {
    const template = base[i % base.length] as Lesson;
    return {
      ...template,
      id: `${template.id}-gen-${i}`,
      title: `${template.title} (variant ${i})`,
      stages: template.stages.map((stage) => ({
        ...stage,
        sections: stage.sections.map((section) => ({ ...section, markdown: pick(8) })),
      })),
    };
  });
  return [...base, ...generated];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(label: string, run: (q: string) => unknown | Promise<unknown>, rounds: number) {
  for (const q of questions) await run(q); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = performance.now();
      await run(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(3).padStart(8)} ms   p99 ${p99.toFixed(3).padStart(8)} ms   (${times.length} asks)`,
  );
  return { p50, p99 };
}

function naiveScan(lessons: Lesson[]) {
  const texts = lessons.flatMap((l) =>
    l.stages.flatMap((s) => s.sections.map((x) => plainText(x.markdown).toLowerCase())),
  );
  return (q: string) => {
    const words = q.toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
    let best = -1;
    let bestHits = 0;
    texts.forEach((text, i) => {
      const hits = words.filter((w) => text.includes(w)).length;
      if (hits > bestHits) [best, bestHits] = [i, hits];
    });
    return best;
  };
}

export default async function main() {
  const { catalog } = await loadContent(defaultContentDir());
  const generated = generate(catalog.lessons, 2000);
  for (const [name, lessons, rounds] of [
    ["bundled", catalog.lessons, 40],
    ["2,000 lessons (bundled + generated)", generated, 10],
  ] as const) {
    const started = performance.now();
    const index = new SectionIndex(lessons, catalog.synonyms);
    const built = performance.now() - started;
    console.log(
      `\n${name}: ${lessons.length} lessons, ${index.size} sections, index built in ${built.toFixed(0)} ms`,
    );
    const base = await measure("baseline: naive substring scan", naiveScan(lessons), rounds);
    const result = await measure("ask (minisearch BM25 + synonyms + excerpt)", (q) => ask(index, q), rounds);
    let right = 0;
    for (const { q, lesson } of labelled)
      if ((await ask(index, q)).lessons.slice(0, 3).some((l) => l.id.replace(/-gen-\d+$/, "") === lesson))
        right++;
    console.log(`right lesson (or a generated variant of it) in the top three: ${right}/${labelled.length}`);
    console.log(`ratio ask/baseline at p50: ${(result.p50 / base.p50).toFixed(2)}x`);
    if (lessons.length >= 2000) {
      console.log(
        `target p99 < ${TARGET_P99_MS} ms at 2,000 lessons: ${result.p99 < TARGET_P99_MS ? "met" : "NOT met"}`,
      );
    }
  }
}
