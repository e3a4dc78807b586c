/**
 * Rubric calibration for `tutor check`: an explain question's rubric must pass its own model answer and its
 * example answers marked to pass, fail those marked to fail, and fail the usual ways of gaming it (its own
 * phrasings jumbled together, the model answer with its claims negated, the question's prompt given back).
 */
import type { Catalog, ExplainQuestion } from "../../content/model.js";
import type { ContentIssue } from "../../errors.js";
import { type Groups, parseConcept } from "./concepts.js";
import { type ExplainContext, explainContextOf, gradeExplain, groupsFor } from "./grade-explain.js";
import { analyse, type Token, wordsOf } from "./nlp.js";

export interface CalibrationProblem {
  line: number;
  message: string;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;
const missed = (verdict: ReturnType<typeof gradeExplain>) => {
  const names = verdict.keyPoints.filter((k) => !k.covered).map((k) => `"${k.text}"`);
  const flags = verdict.flags.map((f) => `${f.kind}: ${f.evidence ?? f.message}`);
  return [...(names.length ? [`misses ${names.join(", ")}`] : []), ...flags].join("; ");
};

/**
 * `rubric`: also the checks derived from the rubric itself (model answer, labels, jumble, negation, prompt), part of
 * the content bar (bundled content, `tutor check --policy`). The author's own examples are always checked.
 */
export function calibrate(
  question: ExplainQuestion,
  context: ExplainContext,
  rubric = true,
  common: ReadonlySet<string> = new Set(),
): CalibrationProblem[] {
  const problems: CalibrationProblem[] = [];
  const at = (message: string, line = question.line) =>
    problems.push({ line, message: `question \`${question.id}\`: ${message}` });
  for (const example of question.examples ?? []) {
    const verdict = gradeExplain(question, example.text, context);
    if (example.passes && !verdict.correct)
      at(`a **Passes:** example fails (${percent(verdict.score)}): ${missed(verdict)}`, example.line);
    if (!example.passes && verdict.correct)
      at(
        `a **Fails:** example passes (${percent(verdict.score)}): make the rubric tell it apart`,
        example.line,
      );
  }
  if (!rubric) return problems;

  for (const point of question.keyPoints)
    for (const phrasing of point.phrasings) {
      const word = loneCommonWord(phrasing, groupsFor(context), common);
      if (word)
        at(
          `phrasing "${phrasing}" comes down to the one common word "${word.text}" (its small words are not read), so any sentence that ${word.negated ? "negates" : "uses"} it meets the key point: add a part with \` + \` that carries the point`,
          point.line ?? question.line,
        );
    }

  const model = gradeExplain(question, question.explanation, { ...context, detectCopy: false });
  if (!model.correct)
    at(
      `its own model answer (**Explanation:**) fails the rubric (${percent(model.score)}): ${missed(model)}`,
    );

  question.keyPoints.forEach((point, i) => {
    const own = gradeExplain({ ...question, keyPoints: [point] }, point.text, {
      ...context,
      detectCopy: false,
    });
    if (!own.keyPoints[0]?.covered)
      at(
        `key point ${i + 1} ("${point.text}") does not cover itself: give it a phrasing that its own words meet`,
        point.line ?? question.line,
      );
  });

  for (let round = 0; round < JUMBLES; round++) {
    const jumble = jumbled(question, round);
    if (gradeExplain(question, jumble, context).correct) {
      at(`the rubric's phrasings jumbled together pass it: "${jumble.slice(0, 120)}..."`);
      break;
    }
  }

  const negated = negate(question.explanation);
  const opposite = gradeExplain(question, negated, { ...context, detectCopy: false });
  if (opposite.correct) at(`the model answer with its claims negated passes: "${negated.slice(0, 120)}..."`);

  const prompt = gradeExplain(question, question.prompt, context);
  const earned = prompt.keyPoints.filter((k) => k.covered);
  if (earned.length > 0)
    at(
      `the question's own prompt, given as an answer, earns ${earned.map((k) => `"${k.text}" (with "${k.matched}")`).join(", ")}: its words are no evidence of understanding`,
    );

  return problems;
}

/**
 * The word a one-part phrasing comes down to when an alternative written in several words ("must wait", "nobody
 * uses") keeps only one content word that is common (in `common`), and whether the alternative negates it.
 */
export function loneCommonWord(
  phrasing: string,
  groups: Groups,
  common: ReadonlySet<string>,
): { text: string; negated: boolean } | undefined {
  const concept = parseConcept(phrasing, groups);
  if (concept.parts.length !== 1) return undefined;
  for (const alternative of phrasing.split(/\s\/\s/)) {
    const parsed = parseConcept(alternative.trim(), groups).parts[0]?.[0];
    const words = analyse(alternative).flatMap((s) => wordsOf(s));
    if (
      !parsed ||
      parsed.keys.length > 1 ||
      parsed.keys.length === 0 ||
      (words.length < 2 && parsed.negations === 0)
    )
      continue;
    const key = parsed.keys[0] as string;
    if (!common.has(key)) continue;
    return { text: words.find((t) => t.key === key)?.text ?? key, negated: parsed.negations > 0 };
  }
  return undefined;
}

/** Keys of the words that occur in at least half of the lessons: too common to carry a key point alone. */
export function commonWords(lessonTexts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const text of lessonTexts)
    for (const key of new Set(analyse(text).flatMap((s) => wordsOf(s).map((t) => t.key))))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= lessonTexts.length / 2).map(([k]) => k));
}

/** How many shuffles of the rubric's words calibration tries: a jumble must fail in every order tried. */
export const JUMBLES = 5;

/**
 * Every phrasing's words shuffled, in sentences of ten words: terms with no meaning between them. The order is a
 * hash of each word and `round`, so it depends on the words alone, not on the order the phrasings are written in.
 */
export function jumbled(question: ExplainQuestion, round = 0): string {
  const words = question.keyPoints
    .flatMap((k) => k.phrasings)
    .flatMap((p) => p.split(/\s\+\s|\s\/\s|\s+/))
    .filter((w) => /\w/.test(w));
  // A word's nth occurrence is ranked apart from its others, so repeats do not end up side by side.
  const seen = new Map<string, number>();
  const ranked = words.map((w) => {
    const n = (seen.get(w) ?? 0) + 1;
    seen.set(w, n);
    return { w, rank: hash(`${round}:${n}:${w}`) };
  });
  ranked.sort((a, b) => a.rank - b.rank || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
  const shuffled = ranked.map((r) => r.w);
  const sentences: string[] = [];
  for (let i = 0; i < shuffled.length; i += 10) sentences.push(`${shuffled.slice(i, i + 10).join(" ")}.`);
  return sentences.join(" ");
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Every clause and list item negated: "the kernel completes the handshake" -> "the kernel does not complete the
 * handshake"; an item without a verb ("a copy of every byte") gets "not" in front.
 */
export function negate(text: string): string {
  return analyse(text)
    .map((sentence) => {
      const segments: Token[][] = [[]];
      for (const t of sentence.tokens) {
        if ([",", ";", ":", "(", ")"].includes(t.text) || CLAUSE_STARTS.has(t.text.toLowerCase()))
          segments.push([t], []);
        else segments.at(-1)?.push(t);
      }
      return segments
        .flatMap((segment) => {
          if (segment.length === 0 || segment.some((t) => t.cue)) return segment.map((t) => t.text);
          if (
            segment.length === 1 &&
            ([",", ";", ":", "(", ")"].includes(segment[0]?.text ?? "") ||
              CLAUSE_STARTS.has(segment[0]?.text.toLowerCase() ?? ""))
          )
            return [segment[0]?.text ?? ""];
          // Every verb negated: a tagger that reads "send" in "a normal send copies" as a verb must not leave
          // "copies" standing.
          const words: string[] = [];
          let negated = false;
          segment.forEach((t, i) => {
            const previous = segment[i - 1]?.pos;
            if (t.pos === "AUX" && previous !== "AUX") {
              words.push(t.text, "not");
              negated = true;
            } else if (t.pos === "VERB" && previous !== "AUX" && previous !== "PART") {
              words.push("does", "not", t.lemma);
              negated = true;
            } else words.push(t.text);
          });
          if (!negated) words.unshift("not");
          return words;
        })
        .join(" ");
    })
    .join(" ");
}

const CLAUSE_STARTS = new Set([
  "and",
  "but",
  "so",
  "because",
  "which",
  "that",
  "while",
  "when",
  "then",
  "where",
  "if",
]);

/** Calibration of every explain question in a catalog, as content issues at the lines they are about. */
export function calibrateCatalog(catalog: Catalog, rubric: boolean): ContentIssue[] {
  const lessons = new Map(catalog.lessons.map((l) => [l.id, l]));
  // Words common across the lessons; read once, and only when there is an explain question to check.
  let commonKeys: Set<string> | undefined;
  const common = () =>
    (commonKeys ??= commonWords(catalog.lessons.map((l) => l.stages.map((s) => s.markdown).join("\n\n"))));
  return catalog.quizzes.flatMap((quiz) => {
    const lesson = lessons.get(quiz.lessonId);
    if (!lesson) return [];
    const context = explainContextOf(lesson, catalog.synonyms);
    return quiz.questions.flatMap((q) =>
      q.type === "explain"
        ? calibrate(q, context, rubric, common()).map((p) => ({ file: quiz.file, ...p }))
        : [],
    );
  });
}
