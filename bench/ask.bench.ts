// `npm run bench -- ask`: ask latency (p50/p99) over the bundled lessons and over 2,000 lessons, beside a
// naive substring scan over the same sections as the baseline, measured in the same run.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ask } from "../engine/ask/ask.js";
import { plainText } from "../engine/ask/passage-text.js";
import { SectionIndex } from "../engine/ask/search.js";
import { defaultContentDir, type Lesson, loadContent } from "../engine/index.js";

const TARGET_P99_MS = 5;
const labelled = (
  parse(readFileSync(new URL("../tests/ask/questions.yml", import.meta.url), "utf8")) as {
    in_scope: { q: string; lesson: string }[];
  }
).in_scope;
const questions = labelled.map((x) => x.q);

/**
 * The bundled lessons plus generated ones up to `count`. Each generated lesson is a bundled lesson's own
 * sentences reshuffled into its sections, so about a hundred lessons share each topic's vocabulary: harder
 * for search than 2,000 lessons on 2,000 different topics.
 */
export function generate(base: Lesson[], count: number): Lesson[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sentencesOf = base.map((l) => l.stages.flatMap((s) => s.markdown.split(/(?<=\.)\s+/)));
  const generated = Array.from({ length: Math.max(0, count - base.length) }, (_, n): Lesson => {
    const i = n + base.length;
    const template = base[i % base.length] as Lesson;
    const sentences = sentencesOf[i % base.length] as string[];
    const pick = (k: number) =>
      Array.from({ length: k }, () => sentences[Math.floor(random() * sentences.length)]).join(" ");
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

async function measure(label: string, run: (q: string) => unknown, rounds: number) {
  const first: number[] = [];
  for (const q of questions) {
    const start = performance.now();
    await run(q);
    first.push(performance.now() - start);
  }
  first.sort((a, b) => a - b);
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
  console.log(
    `${"  first ask of each question".padEnd(44)} p50 ${percentile(first, 50).toFixed(3).padStart(8)} ms   max ${first.at(-1)?.toFixed(3).padStart(8)} ms`,
  );
  return { p50, p99 };
}

/** The baseline: the section containing the most question words, by substring search. */
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
  for (const [name, lessons, rounds] of [
    ["bundled lessons", catalog.lessons, 40],
    ["2,000 lessons (bundled + generated)", generate(catalog.lessons, 2000), 10],
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
    for (const { q, lesson } of labelled) {
      const top3 = (await ask(index, q)).lessons.slice(0, 3).map((l) => l.id.replace(/-gen-\d+$/, ""));
      if (top3.includes(lesson)) right++;
    }
    console.log(`right lesson (or a generated variant of it) in the top three: ${right}/${labelled.length}`);
    console.log(`ask p50 is ${(result.p50 / base.p50).toFixed(2)}x the baseline's`);
    if (lessons.length >= 2000) {
      console.log(
        `target p99 < ${TARGET_P99_MS} ms at 2,000 lessons: ${result.p99 < TARGET_P99_MS ? "met" : "NOT met"}`,
      );
    }
  }
}
