/**
 * Rubric calibration for `tutor check`: an explain question's rubric must pass its own model answer and its
 * example answers marked to pass, fail those marked to fail, and fail the usual ways of gaming it (its own
 * phrasings jumbled together, the model answer with its claims negated, the question's prompt given back).
 */
import type { Catalog, ExplainQuestion } from "../../content/model.js";
import type { ContentIssue } from "../../errors.js";
import { type ExplainContext, explainContextOf, gradeExplain } from "./grade-explain.js";
import { analyse, type Token } from "./nlp.js";

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

  const jumble = jumbled(question);
  const stuffed = gradeExplain(question, jumble, context);
  if (stuffed.correct) at(`the rubric's phrasings jumbled together pass it: "${jumble.slice(0, 120)}..."`);

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

/** Every phrasing's words in a fixed shuffle, in sentences of ten words: terms with no meaning between them. */
export function jumbled(question: ExplainQuestion): string {
  const words = question.keyPoints
    .flatMap((k) => k.phrasings)
    .flatMap((p) => p.split(/\s\+\s|\s\/\s|\s+/))
    .filter((w) => /\w/.test(w));
  let seed = 7;
  for (let i = words.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 10) sentences.push(`${words.slice(i, i + 10).join(" ")}.`);
  return sentences.join(" ");
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
  return catalog.quizzes.flatMap((quiz) => {
    const lesson = lessons.get(quiz.lessonId);
    if (!lesson) return [];
    const context = explainContextOf(lesson, catalog.synonyms);
    return quiz.questions.flatMap((q) =>
      q.type === "explain" ? calibrate(q, context, rubric).map((p) => ({ file: quiz.file, ...p })) : [],
    );
  });
}
