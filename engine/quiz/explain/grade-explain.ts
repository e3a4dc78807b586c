/**
 * The offline explain grader: each key point judged by meaning, sentence by sentence. A key point is covered by a
 * sentence of the answer that states one of its concepts (see concepts.ts) without negating it; a sentence that
 * states it negated is a contradiction, and the answer fails. Terms listed without sentences (keyword stuffing),
 * text copied from the lesson or the model answer, and answers unrelated to the question are named as flags.
 */
import type { ExplainQuestion, JargonTerm, Lesson } from "../../content/model.js";
import { splitWords } from "../../text/words.js";
import type { GradeFlag, KeyPointResult } from "../model.js";
import { EXPLAIN_PASS } from "../rules.js";
import {
  applyGlosses,
  buildGroups,
  contentKeys,
  type Groups,
  type IndexedSentence,
  indexSentence,
  isContent,
  matchConcept,
  parseConcept,
  type Roles,
  rolesOf,
} from "./concepts.js";
import { analyse, GLUE, hasVerb, isVerb, type Sentence, type Token, wordsOf } from "./nlp.js";

export interface ExplainContext {
  /** The lesson's jargon: each term and its plain phrasings count as one idea. */
  jargon?: readonly JargonTerm[];
  /** lessons/synonyms.yml: each group's spellings count as one idea. */
  synonyms?: readonly (readonly string[])[];
  /** The lesson's text: an answer copied from it is flagged. */
  lessonText?: string;
  /** Off only to grade the model answer itself (calibration). */
  detectCopy?: boolean;
}

export interface ExplainVerdict {
  correct: boolean;
  score: number;
  keyPoints: KeyPointResult[];
  flags: GradeFlag[];
}

const NO_LIST: readonly never[] = [];

/**
 * Everyday words learners use for the rubric's words, whatever the lesson, on top of lessons/synonyms.yml and the
 * lesson's jargon. Kept here, not in synonyms.yml: `ask` would read "copy" in "zero-copy" as a concept of its own.
 */
export const PLAIN_WORDS: readonly (readonly string[])[] = [
  ["kernel", "OS", "operating system"],
  ["program", "application", "app", "my code", "my server", "user code"],
  ["buffer", "memory area", "holding area"],
  ["queue", "line of", "waiting line", "waiting room"],
  ["copy", "photocopy", "duplicate"],
  ["cost", "price", "downside", "drawback", "trade-off", "tradeoff", "penalty"],
  ["each", "every", "per"],
];
const groupCache = new WeakMap<object, WeakMap<object, Groups>>();

/** The synonym groups and the lesson's jargon as groups, built once per pair of lists. */
export function groupsFor(context: ExplainContext): Groups {
  const jargon = context.jargon ?? NO_LIST;
  const synonyms = context.synonyms ?? NO_LIST;
  let byJargon = groupCache.get(synonyms);
  if (!byJargon) {
    byJargon = new WeakMap();
    groupCache.set(synonyms, byJargon);
  }
  let groups = byJargon.get(jargon);
  if (!groups) {
    groups = buildGroups([...synonyms, ...PLAIN_WORDS], jargon);
    byJargon.set(jargon, groups);
  }
  return groups;
}

/**
 * A sentence that says something: the small words that hold a sentence together (articles, prepositions,
 * auxiliaries, pronouns, conjunctions), and a verb or more of those words. A list of terms has neither.
 */
export function isProse(sentence: Sentence): boolean {
  const words = wordsOf(sentence);
  if (words.length === 0) return false;
  const glue = words.filter((t) => GLUE.has(t.pos)).length / words.length;
  // Terms between commas: "kernel handshake, queue of finished connections, kernel buffer, copy".
  const segments: Token[][] = [[]];
  let depth = 0;
  for (const t of sentence.tokens) {
    // Commas inside brackets separate a call's arguments or an aside's items: not the sentence's own list.
    if (t.text === "(" || t.text === "[") depth++;
    else if ((t.text === ")" || t.text === "]") && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (t.text === "," || t.text === ";") segments.push([]);
    else if (!["PUNCT", "SYM"].includes(t.pos)) segments.at(-1)?.push(t);
  }
  // Numbers between commas ("offsets 0, 8,192, 16,384") are a list of values, not of terms.
  const filled = segments.filter((s) => s.some((t) => t.pos !== "NUM" && /\p{L}/u.test(t.text)));
  // Items that describe ("one read into an array of slots") rather than name ("accept queue") make notes, not a list.
  const verbless = filled.filter((s) => !s.some(isVerb));
  const describing = verbless.filter((s) => s.some((t) => ["ADP", "SCONJ", "PRON"].includes(t.pos))).length;
  const meanLength = filled.reduce((n, s) => n + s.length, 0) / Math.max(1, filled.length);
  // Six or more short items between commas: a list whatever its words are.
  if (filled.length >= 6 && meanLength <= 4) return false;
  if (
    filled.length >= 4 &&
    verbless.length >= 0.6 * filled.length &&
    describing < 0.5 * verbless.length &&
    meanLength <= 4
  )
    return false;
  // "Bottleneck: one system call per page." A heading word and a colon introduce a claim, as a verb would.
  const colon = sentence.tokens.findIndex((t) => t.text === ":");
  const labelled = colon > 0 && colon <= 3 && words.length - colon >= 3;
  const verb = labelled || hasVerb(words);
  // A long run of terms with no punctuation and little glue: "ask the kernel user mode kernel mode open read ...".
  const marks = sentence.tokens.filter((t) => [",", ";", ":", "(", ")"].includes(t.text)).length;
  if (words.length >= 15 && marks === 0 && glue < 0.2) return false;
  // A short sentence with a verb says something however terse ("-O3 inlines more and transforms loops").
  if (!(verb && words.length <= 10) && (glue < 0.05 || !(verb || glue >= 0.25))) return false;
  // Words in an order no sentence has ("the a", "by the wait .", "of in"): terms shuffled among small words.
  let broken = 0;
  words.forEach((t, i) => {
    const next = words[i + 1];
    if (t.pos === "DET" && (!next || ["DET", "ADP", "AUX", "CCONJ", "PART", "SCONJ"].includes(next.pos)))
      broken++;
    if (t.pos === "ADP" && next && ["AUX", "SCONJ"].includes(next.pos)) broken++;
  });
  return broken <= Math.max(1, words.length / 15);
}

export function gradeExplain(
  question: ExplainQuestion,
  text: string,
  context: ExplainContext = {},
): ExplainVerdict {
  const groups = groupsFor(context);
  const sentences = analyse(text).map((s) => indexSentence(s, groups));
  applyGlosses(sentences);
  const claims = sentences.filter((s) => !s.sentence.question);
  // A sentence made of the prompt's own words restates the question: it is no evidence of an answer.
  const prompt = promptKeys(question.prompt);
  const restates = (s: IndexedSentence) => {
    const own = contentKeys([s.sentence]);
    return own.length >= 3 && own.filter((k) => prompt.has(k)).length >= 0.75 * own.length;
  };
  const prose = claims.filter((s) => isProse(s.sentence) && !restates(s));
  const fragments = claims.filter((s) => !isProse(s.sentence));

  let coveredInFragments = 0;
  const keyPoints: KeyPointResult[] = question.keyPoints.map((point) => {
    const concepts = point.phrasings.map((p) => parseConcept(p, groups));
    const roles = rolesFor(point.text, groups);
    let contradiction: string | undefined;
    for (const s of prose) {
      let negated = false;
      for (const concept of concepts) {
        const match = matchConcept(concept, s, roles);
        if (match === "covered")
          return { text: point.text, covered: true, evidence: s.sentence.text, matched: concept.source };
        if (match === "contradicted") negated = true;
      }
      if (negated) contradiction ??= s.sentence.text;
    }
    if (fragments.some((s) => concepts.some((c) => matchConcept(c, s) === "covered"))) coveredInFragments++;
    return { text: point.text, covered: false, ...(contradiction ? { contradiction } : {}) };
  });

  const flags: GradeFlag[] = [];
  for (const k of keyPoints) {
    if (k.contradiction)
      flags.push({
        kind: "contradiction",
        message: `says the opposite of "${k.text}"`,
        evidence: k.contradiction,
        final: false,
      });
  }
  const words = claims.flatMap((s) => wordsOf(s.sentence));
  // Nearly every content word is one of the rubric's: its terms in some order, not an explanation.
  const rubric = new Set(
    question.keyPoints.flatMap((k) =>
      k.phrasings.flatMap((p) =>
        parseConcept(p, groups)
          .parts.flat()
          .flatMap((a) => a.keys),
      ),
    ),
  );
  // The words of a rubric term's spellings are the rubric's too: "system" and "call" of "system call" said apart.
  for (const spelling of groups.spellings)
    if (spelling.marks.some((m) => rubric.has(m)) || rubric.has(spelling.group))
      for (const k of spelling.keys) rubric.add(k);
  const content = claims.flatMap((s) =>
    s.sentence.tokens.flatMap((t, i) => (isContent(t) ? [s.keys[i] as Set<string>] : [])),
  );
  const fromRubric = content.filter((keys) => [...keys].some((k) => rubric.has(k))).length;
  const fragmentWords = fragments.flatMap((s) => wordsOf(s.sentence)).length;
  const glue = words.filter((t) => GLUE.has(t.pos)).length;
  if (
    (coveredInFragments > 0 && fragmentWords >= 0.4 * words.length) ||
    (words.length >= 8 && glue / words.length < 0.12 && keyPoints.some((k) => k.covered)) ||
    (content.length >= 10 && fromRubric >= 0.9 * content.length && glue / Math.max(1, words.length) < 0.25)
  ) {
    flags.push({
      kind: "stuffing",
      message: "lists terms instead of explaining them: say in sentences who does what, and why",
      final: true,
    });
  }
  if (context.detectCopy !== false) {
    const copied = copiedFrom(text, [
      ["the model answer", question.explanation],
      ["the lesson", context.lessonText ?? ""],
    ]);
    if (copied)
      flags.push({
        kind: "copy",
        message: `copies ${copied} instead of explaining in your own words`,
        final: true,
      });
  }
  const covered = keyPoints.filter((k) => k.covered).length;
  if (
    covered === 0 &&
    !flags.some((f) => f.kind === "contradiction") &&
    offTopic(claims, question, context)
  ) {
    flags.push({
      kind: "off-topic",
      message: "does not talk about what the question asks",
      final: true,
    });
  }
  const score = covered / keyPoints.length;
  // Any flag fails the answer: a contradiction, stuffing, a copy or an answer to another question.
  const correct = score >= EXPLAIN_PASS - 1e-9 && flags.length === 0;
  return { correct, score, keyPoints, flags };
}

const rolesCache = new WeakMap<Groups, Map<string, Roles | undefined>>();

/** A key point's doer and other parties, read once per set of groups. */
function rolesFor(claim: string, groups: Groups): Roles | undefined {
  let known = rolesCache.get(groups);
  if (!known) {
    known = new Map();
    rolesCache.set(groups, known);
  }
  if (!known.has(claim)) known.set(claim, rolesOf(claim, groups));
  return known.get(claim);
}

/** Word 5-grams of text, lower case. */
function grams(text: string): string[] {
  const w = splitWords(text.toLowerCase());
  const out: string[] = [];
  for (let i = 0; i + 5 <= w.length; i++) out.push(w.slice(i, i + 5).join(" "));
  return out;
}

/** The source most of the answer's 5-grams come from, when half of them or more do. */
function copiedFrom(text: string, sources: [string, string][]): string | undefined {
  const own = grams(text);
  if (own.length < 8) return undefined;
  for (const [name, source] of sources) {
    if (!source) continue;
    const theirs = new Set(grams(source));
    const shared = own.filter((g) => theirs.has(g)).length;
    if (shared >= 0.5 * own.length) return name;
  }
  return undefined;
}

const vocabularies = new Map<string, Set<string>>();

function promptKeys(prompt: string): Set<string> {
  return vocabularyOf([prompt]);
}

function vocabularyOf(texts: string[]): Set<string> {
  const source = texts.join("\n");
  let keys = vocabularies.get(source);
  if (!keys) {
    keys = new Set(contentKeys(analyse(source)));
    if (vocabularies.size >= 256) vocabularies.clear();
    vocabularies.set(source, keys);
  }
  return keys;
}

/** Fewer than a third of the answer's content words occur anywhere in the question, its rubric or the lesson. */
function offTopic(
  claims: { sentence: Sentence }[],
  question: ExplainQuestion,
  context: ExplainContext,
): boolean {
  const own = contentKeys(claims.map((s) => s.sentence));
  if (own.length < 4) return false;
  const lesson = vocabularyOf([
    ...(context.jargon ?? []).flatMap((j) => [j.term, ...j.plain]),
    context.lessonText ?? "",
  ]);
  const asked = vocabularyOf([
    question.prompt,
    question.explanation,
    ...question.keyPoints.flatMap((k) => [k.text, ...k.phrasings]),
  ]);
  const known = own.filter((k) => lesson.has(k) || asked.has(k)).length;
  return known < own.length / 3;
}

/** What grading an answer to one of `lesson`'s explain questions needs to know besides the question. */
export function explainContextOf(
  lesson: Lesson,
  synonyms: readonly (readonly string[])[] = [],
): ExplainContext {
  return { jargon: lesson.jargon, synonyms, lessonText: lesson.stages.map((s) => s.markdown).join("\n\n") };
}
