import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ask } from "../../engine/ask/ask.js";
import { SectionIndex } from "../../engine/ask/search.js";
import { defaultContentDir, loadContent } from "../../engine/index.js";

const set = parse(readFileSync(new URL("./questions.yml", import.meta.url), "utf8")) as {
  in_scope: { q: string; lesson: string }[];
  out_of_scope: string[];
  stages: { q: string; lesson: string; stages: number[] }[];
  near: { q: string; lesson: string }[];
};
const { catalog } = await loadContent(defaultContentDir());
const index = new SectionIndex(catalog.lessons, catalog.synonyms);

describe("ask over the bundled lessons", () => {
  it("has at least 40 questions covering every lesson", () => {
    expect(set.in_scope.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(set.in_scope.map((x) => x.lesson));
    expect(catalog.lessons.filter((l) => !covered.has(l.id)).map((l) => l.id)).toEqual([]);
  });

  it("puts the right lesson in the top three for at least 90% of the questions", async () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { q, lesson } of set.in_scope) {
      const result = await ask(index, q);
      const ranked = result.lessons.map((l) => l.id);
      if (ranked[0] === lesson) top1++;
      if (ranked.slice(0, 3).includes(lesson)) top3++;
      else misses.push(`${q} -> expected ${lesson}, got ${ranked.slice(0, 3).join(", ") || "nothing"}`);
      if (ranked[0] === lesson) expect(result.confident, q).toBe(true);
    }
    const n = set.in_scope.length;
    console.log(
      `ask accuracy over ${n} questions: top-1 ${((100 * top1) / n).toFixed(1)}%, top-3 ${((100 * top3) / n).toFixed(1)}%${misses.length ? `\nmissed:\n  ${misses.join("\n  ")}` : ""}`,
    );
    expect(top3 / n).toBeGreaterThanOrEqual(0.9);
  });

  it("says 'not covered' for a question far from every lesson, offering no lesson and quoting nothing", async () => {
    for (const q of set.out_of_scope) {
      const result = await ask(index, q);
      expect(result.confident, q).toBe(false);
      expect(result.message, q).toBe("The lessons do not cover that.");
      expect(result.lessons, q).toEqual([]);
      expect(result.passages, q).toEqual([]);
      expect(result.answer).toBeUndefined();
    }
  });

  it("says 'not covered' for a question near a lesson, and offers that lesson", async () => {
    for (const { q, lesson } of set.near) {
      const result = await ask(index, q);
      expect(result.confident, q).toBe(false);
      expect(result.message, q).toMatch(/^The lessons do not cover that; the closest are: /);
      expect(result.lessons[0]?.id, q).toBe(lesson);
    }
  });

  it("answers from the stage that fits the question: definitions, causes and fixes", async () => {
    const wrong: string[] = [];
    for (const { q, lesson, stages } of set.stages) {
      const top = (await ask(index, q)).passages[0];
      if (top?.lessonId !== lesson || !stages.includes(top.stage))
        wrong.push(
          `${q} -> ${top?.lessonId} stage ${top?.stage}, expected ${lesson} stage ${stages.join(" or ")}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it("never quotes a diagram or a code block as answer text", async () => {
    const drawn = /->|<-|\+--|[│┌┐└┘─═→←▶]/;
    const torn = catalog.lessons.find((l) => l.id === "torn-pages");
    // The bundled lessons do draw: the check below is about something.
    expect(torn?.stages[0]?.markdown).toMatch(/\+-{4,}/);
    for (const { q } of [...set.in_scope, ...set.stages]) {
      for (const p of (await ask(index, q)).passages)
        expect(p.excerpt, `${q}: ${p.heading}`).not.toMatch(drawn);
    }
  });

  it("cites lesson, stage and heading with an excerpt around the matching words", async () => {
    const result = await ask(index, "what is a torn page?");
    const top = result.passages[0];
    expect(top?.lessonId).toBe("torn-pages");
    expect(top?.stage).toBeGreaterThanOrEqual(1);
    expect(top?.heading.length).toBeGreaterThan(0);
    expect(top?.excerpt.length).toBeLessThanOrEqual(290);
    expect(top?.excerpt.toLowerCase()).toMatch(/torn|page/);
  });
});

describe("passages", () => {
  it("leaves out passages that score a small fraction of the best one", async () => {
    for (const { q } of set.in_scope) {
      const { passages } = await ask(index, q);
      const best = passages[0]?.score ?? 0;
      for (const p of passages)
        expect(p.score, `${q}: ${p.lessonId} / ${p.heading}`).toBeGreaterThanOrEqual(0.1 * best);
    }
  });
});
