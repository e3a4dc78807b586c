/**
 * Sentences, lemmas, parts of speech and negation scopes of English text, from wink-nlp and its English model
 * (wink-eng-lite-web-model, shipped inside the npm package: nothing is downloaded). The model takes about half a
 * second to load, so it loads on the first explain answer graded, never when the app starts.
 */
import { createRequire } from "node:module";
import { stem } from "../../text/words.js";

export interface Token {
  /** The word as written. */
  text: string;
  /** The dictionary form: "copies" -> "copy". */
  lemma: string;
  /** Lower-cased lemma with endings folded: "copies", "copied", "copying" -> "copy". */
  key: string;
  /** wink's universal part of speech: NOUN, VERB, AUX, DET, ADP, PUNCT, ... */
  pos: string;
  /** Ids of the negations ("not", "never", "no", "without") whose scope covers this token. */
  negatedBy: number[];
  /** True for a negation cue itself. */
  cue: boolean;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  /** A question ("why does ...?"): asks, claims nothing. */
  question: boolean;
}

interface WinkItems {
  each(f: (item: WinkItem) => void): void;
  out(what?: unknown): string[];
}
interface WinkItem {
  out(what?: unknown): string;
  tokens(): WinkItems;
}
interface Wink {
  readDoc(text: string): { sentences(): WinkItems };
  its: Record<string, unknown>;
}

type WinkFactory = (model: unknown, pipe: string[]) => Wink;
let nlp: Wink | undefined;

/**
 * Loads the model ahead of grading. The engine's entry points that grade (an answer, `tutor grade`, the content
 * check) await this first, so the bundled apps load wink from their own lazily loaded chunk.
 */
export async function loadNlp(): Promise<void> {
  if (nlp) return;
  const [wink, model] = await Promise.all([import("wink-nlp"), import("wink-eng-lite-web-model")]);
  const factory = ((wink as { default?: unknown }).default ?? wink) as WinkFactory;
  nlp ??= factory((model as { default?: unknown }).default ?? model, ["sbd", "pos"]);
}

function load(): Wink {
  if (nlp) return nlp;
  // Not loaded ahead (a direct call from a test or a script run from the sources): CommonJS packages are required
  // synchronously, so grading stays a plain function call.
  const require = createRequire(import.meta.url);
  const winkNLP = require("wink-nlp") as WinkFactory;
  const model = require("wink-eng-lite-web-model") as unknown;
  nlp = winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** Verbs that negate their object: what they bypass or skip does not happen. */
const VERB_CUES = ["bypass", "skip"];
/** "instead of X", "rather than X": X is what does not happen. */
const PAIRED_CUES: Record<string, string> = { instead: "of", rather: "than" };

/** Words that negate what follows them ("not only" does not). */
const CUES = new Set([
  "not",
  "no",
  "never",
  "none",
  "nothing",
  "nobody",
  "neither",
  "nor",
  "without",
  "cannot",
  // Verbs that say their object does not happen: "writes bypass the page cache", "VACUUM skips the indexes".
  ...VERB_CUES,
]);
/** Where a negation's scope ends: punctuation and the words that start another clause. */
const SCOPE_ENDS = new Set([
  "but",
  "and",
  "or",
  "because",
  "so",
  "while",
  "whereas",
  "although",
  "though",
  "which",
  "that",
  "instead",
  "then",
  "yet",
  "unless",
  "until",
  "when",
  "where",
  "if",
]);
const PUNCT = new Set(["PUNCT", "SYM"]);
/** Punctuation that ends a clause; dashes, underscores, slashes and quotes inside a name do not. */
const CLAUSE_MARKS = new Set([",", ";", ":", ".", "!", "?", "(", ")", "—", "–"]);
const VERBS = new Set(["VERB", "AUX"]);

/** Lower case, lemma, endings folded: one key for "copies", "copied", "Copying". */
export function keyOf(lemma: string): string {
  const lower = lemma
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  // The model lemmatises "data" as "datum" as a noun, and keeps "data" as a proper noun.
  const key = stem(lower === "datum" ? "data" : lower);
  // A word whose folded ending makes it a negation ("note" -> "not") keeps its lemma: it negates nothing.
  return NEGATION_KEYS.has(key) && key !== lower ? lower : key;
}
const NEGATION_KEYS = new Set(["not", "no", "nor", "non"]);

export function analyse(text: string): Sentence[] {
  const wink = load();
  const its = wink.its;
  // A semicolon joins two claims: each is read, quoted and judged on its own.
  const doc = wink.readDoc(text.replace(/;(\s)/g, ".$1"));
  const sentences: Sentence[] = [];
  let nextCue = 0;
  doc.sentences().each((s) => {
    const items = s.tokens();
    const words = items.out();
    const lemmas = items.out(its.lemma);
    const tags = items.out(its.pos);
    const tokens: Token[] = words.map((w, i) => ({
      text: w,
      lemma: lemmas[i] ?? w,
      key: keyOf(lemmas[i] ?? w),
      pos: tags[i] ?? "X",
      negatedBy: [],
      cue: false,
    }));
    tokens.forEach((token, i) => {
      const lower = token.text.toLowerCase();
      const paired =
        PAIRED_CUES[lower] !== undefined && tokens[i + 1]?.text.toLowerCase() === PAIRED_CUES[lower];
      const isCue = CUES.has(token.key) || CUES.has(lower) || lower === "n't" || paired;
      if (!isCue || tokens[i + 1]?.key === "only") return;
      token.cue = true;
      const id = nextCue++;
      // The cue is in its own scope: "nothing" and "never" say the negative themselves.
      token.negatedBy.push(id);
      // The scope runs to the end of the clause, and past the first verb after the cue only up to the next one:
      // "does not need the program to finish the handshake" negates needing, not finishing.
      // A negating verb is the negated verb itself: its scope ends at the next verb.
      let verbs = VERB_CUES.includes(token.key) ? 1 : 0;
      let named = false;
      for (let j = i + (paired ? 2 : 1); j < tokens.length; j++) {
        const t = tokens[j] as Token;
        if ((PUNCT.has(t.pos) && CLAUSE_MARKS.has(t.text)) || SCOPE_ENDS.has(t.text.toLowerCase())) break;
        // Another negation starts its own scope: "not A, not B".
        if (CUES.has(t.key) || t.text.toLowerCase() === "n't") break;
        // "instead of a copy I get a completion": only the thing replaced is negated; a verb group may name it
        // ("instead of being sent again").
        if (paired && (t.pos === "PRON" || (VERBS.has(t.pos) && named))) break;
        if (!VERBS.has(t.pos) && t.pos !== "ADV" && t.pos !== "PART") named = true;
        if (VERBS.has(t.pos) && ++verbs > 1 && t.pos === "VERB" && tokens[j - 1]?.pos !== "AUX") break;
        t.negatedBy.push(id);
      }
      // "the checkpointer writes pages, but backends never do": a bare "do" stands for the claim before it, so the
      // negation is about its subject.
      if (elided(tokens, i)) {
        for (let j = i - 1; j >= 0; j--) {
          const t = tokens[j] as Token;
          if ((PUNCT.has(t.pos) && CLAUSE_MARKS.has(t.text)) || SCOPE_ENDS.has(t.text.toLowerCase())) break;
          t.negatedBy.push(id);
        }
      }
    });
    const sentenceText = s.out().trim();
    sentences.push({ text: sentenceText, tokens, question: sentenceText.endsWith("?") });
  });
  return sentences;
}

/** The negation at `i` goes with a bare "do" that ends its clause: "never do", "does not", "don't". */
function elided(tokens: Token[], i: number): boolean {
  const isDo = (t: Token | undefined) => t?.lemma.toLowerCase() === "do";
  const ends = (t: Token | undefined) =>
    !t || (PUNCT.has(t.pos) && CLAUSE_MARKS.has(t.text)) || SCOPE_ENDS.has(t.text.toLowerCase());
  return (isDo(tokens[i + 1]) && ends(tokens[i + 2])) || (isDo(tokens[i - 1]) && ends(tokens[i + 1]));
}

/** Word tokens only (no punctuation). */
export const wordsOf = (sentence: Sentence): Token[] =>
  sentence.tokens.filter((t) => !PUNCT.has(t.pos) && /[\p{L}\p{N}]/u.test(t.text));

/** Determiners, prepositions, auxiliaries, pronouns, particles, conjunctions: the glue of a real sentence. */
export const GLUE = new Set(["DET", "ADP", "AUX", "PRON", "PART", "SCONJ", "CCONJ"]);
export const isVerb = (t: Token) => VERBS.has(t.pos);

/**
 * A verb, or a word the tagger read as a noun where a verb stands: "recv copies into", "kernel completes the"
 * (a word ending in -s right before an article, preposition, pronoun or number).
 */
export function hasVerb(words: Token[]): boolean {
  return words.some((t, i) => isVerb(t) || misreadVerb(words, i));
}

/** A word the tagger read as a noun where a verb stands ("the kernel sets up the connection"). */
export function misreadVerb(words: Token[], i: number): boolean {
  const t = words[i] as Token;
  return (
    i > 0 &&
    ["NOUN", "PROPN"].includes(t.pos) &&
    /[a-z]s$/i.test(t.text) &&
    ["DET", "ADP", "PRON", "NUM"].includes(words[i + 1]?.pos ?? "")
  );
}
