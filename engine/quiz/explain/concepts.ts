/**
 * Key-point phrasings as concepts, and finding them in the sentences of an answer.
 *
 * A phrasing is one or more parts joined by ` + `, each part one or more alternatives separated by ` / `:
 * `kernel / operating system + completes / finishes + handshake`. Every part must occur in one sentence of the
 * answer, in any order, close together; an alternative occurs when all its content words do. A phrasing
 * without `+` or `/` needs all its content words. Words are compared as lemmas, and every spelling of a synonym
 * group (lessons/synonyms.yml, and a lesson's jargon term with its plain phrasings) stands for the whole group,
 * on both sides.
 */
import { PHRASE_STOP_WORDS } from "../../text/words.js";
import { analyse, GLUE, keyOf, misreadVerb, type Sentence, type Token } from "./nlp.js";

export interface Groups {
  /**
   * Each spelling as a key sequence, longest first: `group` stands for it in a phrasing, `marks` are what its
   * occurrence in an answer adds to the words it covers.
   */
  spellings: { keys: string[]; group: string; marks: string[] }[];
  /** Phrasings already read against these groups. */
  concepts: Map<string, Concept>;
}

/** An alternative: the keys that must all occur (group tokens `g:N` for spellings of a group). */
interface Alternative {
  keys: string[];
  /** Negation cues in it: "not involved" is a negative statement, met by an answer that negates it too. */
  negations: number;
}
export interface Concept {
  source: string;
  parts: Alternative[][];
}

const STOP = new Set([
  ...PHRASE_STOP_WORDS,
  "not",
  "no",
  "never",
  "n't",
  "without",
  "none",
  "nothing",
  "cannot",
  "do",
  "doe",
  "have",
  "ha",
  "will",
  "can",
  "that",
  "this",
  "which",
  "with",
  "from",
  "at",
  "as",
  "or",
]);

const keysOf = (text: string): Token[] =>
  analyse(text).flatMap((s) => s.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)));

/**
 * `lists`: groups whose spellings are all one idea. `jargon`: a term and its plain phrasings, one way only: the
 * plain words in an answer count for the term in a phrasing, but the bare term in an answer does not count for a
 * phrasing in plain words (stage 2 asks learners to unpack the term, and flags it).
 */
export function buildGroups(
  lists: readonly (readonly string[])[],
  jargon: readonly { term: string; plain: readonly string[] }[] = [],
): Groups {
  const keys = (spelling: string) => keysOf(spelling.replace(/[-_]/g, " ")).map((t) => t.key);
  const spellings = [
    ...lists.flatMap((list, i) =>
      list.map((spelling) => ({ keys: keys(spelling), group: `g:${i}`, marks: [`g:${i}`] })),
    ),
    ...jargon.flatMap((j, i) => [
      { keys: keys(j.term), group: `j:${i}`, marks: [`j:${i}`] },
      ...j.plain.map((p) => ({ keys: keys(p), group: `p:${i}`, marks: [`j:${i}`, `p:${i}`] })),
    ]),
  ].filter((s) => s.keys.length > 0);
  spellings.sort((a, b) => b.keys.length - a.keys.length);
  return { spellings, concepts: new Map() };
}

/** Replaces each spelling of a group in a key list with the group's token, longest spellings first. */
function canonical(keys: string[], groups: Groups): string[] {
  const out: string[] = [];
  for (let i = 0; i < keys.length; ) {
    const found = groups.spellings.find((s) => s.keys.every((k, j) => keys[i + j] === k));
    if (found) {
      out.push(found.group);
      i += found.keys.length;
    } else out.push(keys[i++] as string);
  }
  return out;
}

const QUANTIFIERS = new Set(["per", "each", "every"]);
/**
 * Prepositions that carry a phrasing's point, kept like content words: "off the loop" is not "loop", "before my
 * program" is not "program", "outside the lock" is not "lock". Keys, as `keyOf` folds them.
 */
const POINTED = new Set(
  [
    "off",
    "out",
    "before",
    "after",
    "behind",
    "outside",
    "inside",
    "under",
    "below",
    "above",
    "beyond",
    "until",
    "unless",
    "against",
  ].map((w) => keyOf(w)),
);

export function parseConcept(phrasing: string, groups: Groups): Concept {
  const hit = groups.concepts.get(phrasing);
  if (hit) return hit;
  const parts = phrasing.split(/\s\+\s/).map((part) =>
    part
      .split(/\s\/\s/)
      .map((alternative): Alternative => {
        const tokens = keysOf(alternative.replace(/[-_]/g, " "));
        const negations = tokens.filter((t) => t.cue).length;
        const all = canonical(
          tokens.map((t) => t.key),
          groups,
        );
        // The words that carry the idea: the glue of a sentence (articles, prepositions, pronouns, auxiliaries)
        // may be said any way.
        // "per", "each" and "every" carry the point ("a buffer per connection"): they stay.
        const glue = new Set(
          tokens
            .filter((t) => GLUE.has(t.pos) && !QUANTIFIERS.has(t.key) && !POINTED.has(t.key))
            .map((t) => t.key),
        );
        const content = all.filter((k) => !STOP.has(k) && !glue.has(k));
        return { keys: content.length > 0 ? content : all, negations };
      })
      .filter((a) => a.keys.length > 0),
  );
  const concept = { source: phrasing, parts: parts.filter((p) => p.length > 0) };
  groups.concepts.set(phrasing, concept);
  return concept;
}

/** An answer sentence with every position's keys: its own, and the tokens of the groups whose spellings cover it. */
export interface IndexedSentence {
  sentence: Sentence;
  keys: Set<string>[];
}

export function indexSentence(sentence: Sentence, groups: Groups): IndexedSentence {
  const keys = sentence.tokens.map((t) => new Set([t.key]));
  // Spellings are matched over the words only: "zero-copy" and "MSG_ZEROCOPY" read as "zero copy", "msg zerocopy".
  const at = sentence.tokens.flatMap((t, i) => (/[\p{L}\p{N}]/u.test(t.text) ? [i] : []));
  const plain = at.map((i) => sentence.tokens[i]?.key);
  for (let i = 0; i < plain.length; i++) {
    for (const s of groups.spellings) {
      if (s.keys.every((k, j) => plain[i + j] === k)) {
        const from = at[i] as number;
        const to = at[i + s.keys.length - 1] as number;
        for (let j = from; j <= to; j++) for (const mark of s.marks) keys[j]?.add(mark);
      }
    }
  }
  return { sentence, keys };
}

const CLAUSE_BREAKS = new Set([
  ";",
  ":",
  "but",
  "whereas",
  "while",
  "instead",
  "although",
  "though",
  "however",
  "—",
  "–",
]);

const VERB_POS = new Set(["VERB", "AUX"]);
/** What joins two predicates of one sentence when a verb follows it. */
const PREDICATE_JOINS = new Set([",", "and", "or"]);
/** Adverbs that may stand between a join and the verb of the next predicate: ", and then puts". */
const LINKING = new Set(["then", "also", "just", "only", "even", "still", "finally", "later", "instead"]);
const SUBORDINATORS = new Set([
  "when",
  "whenever",
  "if",
  "once",
  "after",
  "before",
  "because",
  "since",
  "until",
  "as",
]);

export type Match = "covered" | "contradicted" | "none";

interface Option {
  /** Where the alternative's keys occur. */
  at: number[];
  negations: number;
  /** Every alternative of its part is negative. */
  negativeOnly: boolean;
}

/**
 * Who does what in a key point's claim: the keys of the nouns before its first verb (the doer: "The kernel"), of
 * the nouns after it (what it is done to, and the other parties: "the connection", "the program"), and of its
 * verbs. Undefined when the claim has no noun before a verb.
 */
export interface Roles {
  doer: Set<string>;
  others: Set<string>;
  verbs: Set<string>;
}

export function rolesOf(claim: string, groups: Groups): Roles | undefined {
  const first = analyse(claim)[0];
  if (!first) return undefined;
  const at = indexSentence(first, groups);
  const tokens = first.tokens;
  const verbAt = (i: number) => tokens[i]?.pos === "VERB" || misreadVerb(tokens, i);
  const verb = tokens.findIndex((_, i) => verbAt(i));
  if (verb <= 0) return undefined;
  const keysOf = (from: number, to: number) =>
    new Set(
      tokens
        .slice(from, to)
        .flatMap((t, i) =>
          NOUNS.has(t.pos) && isContent(t) && !verbAt(from + i) ? [...(at.keys[from + i] ?? [])] : [],
        ),
    );
  const doer = keysOf(0, verb);
  if (doer.size === 0) return undefined;
  const others = keysOf(verb + 1, tokens.length);
  for (const k of doer) others.delete(k);
  const verbs = new Set(tokens.flatMap((_, i) => (verbAt(i) ? [...(at.keys[i] ?? [])] : [])));
  return { doer, others, verbs };
}

/**
 * The claim's doer and another of its parties swapped: "my program sets up the connection before the kernel sees
 * it" for "the kernel sets up the connection before the program sees it". Read at the verb of the claim in the
 * answer's clause: the noun right before it is one of the other parties, not the doer, and the clause is active.
 */
function swapped(roles: Roles, at: IndexedSentence, positions: number[], clauses: number[]): boolean {
  const tokens = at.sentence.tokens;
  const has = (i: number, keys: Set<string>) => [...(at.keys[i] ?? [])].some((k) => keys.has(k));
  for (const p of positions) {
    if (!has(p, roles.doer)) continue;
    // The claim's verb in the same clause, before the doer's words.
    let verb = -1;
    for (let i = 0; i < p; i++)
      if (
        clauses[i] === clauses[p] &&
        // The tagger reads some verbs as nouns or adjectives ("sets up", "will complete").
        (tokens[i]?.pos === "VERB" || misreadVerb(tokens, i) || tokens[i - 1]?.pos === "AUX") &&
        has(i, roles.verbs)
      ) {
        verb = i;
        break;
      }
    if (verb < 0) return false;
    // A passive clause puts the doer after the verb: "the connection is set up by the kernel".
    const before = tokens[verb - 1];
    if (
      (before?.pos === "AUX" && ["be", "get"].includes(before.lemma.toLowerCase())) ||
      tokens.slice(verb, p).some((t) => t.key === "by")
    )
      return false;
    // The verb's subject: the nearest noun before it, past adverbs and auxiliaries ("my program then sets").
    for (let i = verb - 1; i >= 0 && clauses[i] === clauses[verb]; i--) {
      const t = tokens[i] as Token;
      if (NOUNS.has(t.pos) || t.pos === "PRON")
        return NOUNS.has(t.pos) && has(i, roles.others) && !has(i, roles.doer);
      if (!["ADV", "AUX", "PART"].includes(t.pos)) return false;
    }
    return false;
  }
  return false;
}

/** How a concept occurs in a sentence: stated, stated with the opposite polarity, or not at all. */
export function matchConcept(concept: Concept, at: IndexedSentence, roles?: Roles): Match {
  const positionsOf = (key: string) => {
    const found: number[] = [];
    at.keys.forEach((set, i) => {
      if (set.has(key)) found.push(i);
    });
    return found;
  };
  // Distances count words: the hyphens of "out-of-the-box" do not pull its words apart.
  const wordAt: number[] = [];
  at.sentence.tokens.reduce((n, t, i) => {
    wordAt[i] = n;
    return PUNCT_POS.has(t.pos) ? n : n + 1;
  }, 0);
  // Every way each part can occur: each alternative's keys, each at the occurrence nearest its first key.
  const partOptions: Option[][] = [];
  for (const part of concept.parts) {
    const options: Option[] = [];
    // A part that can only be said negatively ("program not involved") is contradicted by an answer that says it
    // positively; one with positive ways too ("cold / not cached") is just not met by "cached".
    const negativeOnly = part.every((a) => a.negations > 0);
    for (const alternative of part) {
      const lists = alternative.keys.map(positionsOf);
      if (lists.some((l) => l.length === 0)) continue;
      for (const anchor of lists[0] as number[]) {
        const at = lists.map((l) => nearest(l, anchor));
        // The words of one alternative are a phrase: close together ("each page", not "each read ... pages").
        const words = at.map((p) => wordAt[p] as number);
        if (Math.max(...words) - Math.min(...words) > 2 * at.length + 1) continue;
        options.push({ at, negations: alternative.negations, negativeOnly });
      }
    }
    if (options.length === 0) return "none";
    partOptions.push(options.slice(0, 12));
  }
  const words = at.sentence.tokens.length;
  // A contradiction is read within one clause: "the program doesn't do the handshake; the kernel does" negates
  // the program's part, not the kernel's.
  let clause = 0;
  const clauses = at.sentence.tokens.map((t) =>
    CLAUSE_BREAKS.has(t.text.toLowerCase()) ? ++clause : clause,
  );
  // A phrasing is met within one predicate: a comma (and "and"/"or" after it) followed by a verb starts another ("have all
  // threads accept from a shared listening socket, waking every thread" does not give each thread a listening
  // socket). The sentence's subject, before its first verb, is shared by all of them ("the kernel completes the
  // handshake and then puts the connection in a queue").
  const tokens = at.sentence.tokens;
  const subjectEnd = tokens.findIndex((t) => VERB_POS.has(t.pos));
  let predicate = 0;
  // "when a loop gets hot, compile it": an opening subordinate clause belongs with the clause its comma leads to.
  let subordinate = false;
  const predicates = tokens.map((t, i) => {
    const lower = t.text.toLowerCase();
    if (SUBORDINATORS.has(lower)) subordinate = true;
    // A comma, not a bare "and": "data written rarely and read everywhere" is one predicate.
    if (lower !== "," || i <= subjectEnd) return predicate;
    let j = i + 1;
    while (
      PREDICATE_JOINS.has(tokens[j]?.text.toLowerCase() ?? "") ||
      LINKING.has(tokens[j]?.text.toLowerCase() ?? "")
    )
      j++;
    const next = tokens[j];
    if (!next || !VERB_POS.has(next.pos)) return predicate;
    // After a comma, a past participle describes the noun before it ("its own stream, ordered only within itself").
    if (lower === "," && (subordinate || /ed$/i.test(next.text))) {
      subordinate = false;
      return predicate;
    }
    subordinate = false;
    return ++predicate;
  });
  const onePredicate = (positions: number[]) =>
    new Set(positions.filter((p) => p >= subjectEnd).map((p) => predicates[p])).size <= 1;
  const needed = partOptions.reduce((n, options) => n + (options[0]?.at.length ?? 1), 0);
  const window = Math.max(12, needed * 4);
  let contradicted = false;
  let combinations = 0;
  const negatedAt = (p: number) => (at.sentence.tokens[p]?.negatedBy.length ?? 0) > 0;
  const search = (i: number, chosen: Option[]): boolean => {
    if (++combinations > 2000) return false;
    if (i === partOptions.length) {
      const positions = chosen.flatMap((o) => o.at);
      const lo = Math.min(...positions);
      const hi = Math.max(...positions);
      if (hi - lo >= Math.min(window, words + 1) || !onePredicate(positions)) return false;
      // Negated when any of its words is in a negation's scope (two negations in one clause are two claims
      // negated, rarely a double negative). A negative alternative ("not cached") is met only where the answer
      // negates it too, not by a negation elsewhere in the sentence ("a cold cache ... no page is read").
      const negated = positions.some(negatedAt);
      const negations = chosen.reduce((n, o) => n + o.negations, 0);
      const ownNegations = chosen.every((o) => o.negations === 0 || o.at.some(negatedAt));
      if (negated === negations > 0 && ownNegations) {
        if (!roles || !swapped(roles, at, positions, clauses)) return true;
        contradicted = true;
        return false;
      }
      // The answer negates what the phrasing states, or states what the phrasing can only say negatively: a
      // contradiction, when it is said in one clause.
      const negativeOnly = chosen.some((o) => o.negations > 0 && o.negativeOnly && !o.at.some(negatedAt));
      const opposes = (negated && negations === 0) || negativeOnly;
      if (opposes && positions.every((p) => clauses[p] === clauses[positions[0] as number]))
        contradicted = true;
      return false;
    }
    return (partOptions[i] as Option[]).some((option) => search(i + 1, [...chosen, option]));
  };
  if (search(0, [])) return "covered";
  return contradicted ? "contradicted" : "none";
}

function nearest(list: number[], anchor: number): number {
  let best = list[0] as number;
  for (const p of list) if (Math.abs(p - anchor) < Math.abs(best - anchor)) best = p;
  return best;
}

/** A word that carries meaning: not punctuation, a number, a stop word or the glue of a sentence. */
export const isContent = (t: Token) =>
  !["PUNCT", "SYM", "NUM"].includes(t.pos) && !GLUE.has(t.pos) && !STOP.has(t.key) && t.key.length > 2;

/** Keys of the content words of free text, for comparing vocabularies. */
export function contentKeys(sentences: Sentence[]): string[] {
  return sentences.flatMap((s) => s.tokens.filter(isContent).map((t) => t.key));
}

const NOUNS = new Set(["NOUN", "PROPN"]);
/** Words that introduce a gloss of the noun before them: "the janitor, i.e. VACUUM", "a queue called the backlog". */
const GLOSS_WORDS = new Set(["i.e.", "ie", "aka", "called", "named", "known"]);

/** Where a gloss starts after token `i` and where it ends (exclusive), or undefined. */
function glossAt(tokens: Token[], i: number): { head: number; from: number; to: number } | undefined {
  const t = tokens[i] as Token;
  const lower = t.text.toLowerCase();
  if (t.text === "(") {
    const close = tokens.findIndex((u, j) => j > i && u.text === ")");
    if (close < 0 || close - i - 1 > 6) return undefined;
    return { head: i - 1, from: i + 1, to: close };
  }
  // To the next punctuation or verb, six words at most: "a queue called the backlog holds them".
  const phraseEnd = (from: number) => {
    let to = from;
    while (to < tokens.length && to - from < 6) {
      const u = tokens[to] as Token;
      if (PUNCT_POS.has(u.pos) || (to > from && (u.pos === "VERB" || u.pos === "AUX"))) break;
      to++;
    }
    return to;
  };
  const lastNoun = (from: number, to: number) => {
    for (let j = to - 1; j >= from; j--) if (NOUNS.has(tokens[j]?.pos ?? "")) return j;
    return -1;
  };
  // An analogy that says what it maps: "think of the OS as a receptionist", "picture the queue as a waiting room".
  if (ANALOGY_WORDS.has(lower)) {
    const from = i + (tokens[i + 1]?.text.toLowerCase() === "of" ? 2 : 1);
    const as = tokens.findIndex((u, j) => j > from && j <= from + 6 && u.text.toLowerCase() === "as");
    if (as < 0) return undefined;
    const head = lastNoun(as + 1, phraseEnd(as + 1));
    return head < 0 ? undefined : { head, from, to: as };
  }
  // "the OS is like a receptionist": the noun before "is like" stands behind the one after it.
  if (lower === "like" && tokens[i - 1]?.lemma === "be") {
    const head = lastNoun(i + 1, phraseEnd(i + 1));
    const subject = i - 2;
    if (head < 0 || !NOUNS.has(tokens[subject]?.pos ?? "")) return undefined;
    return { head, from: subject, to: subject + 1 };
  }
  if (!GLOSS_WORDS.has(lower)) return undefined;
  const from = i + (lower === "known" && tokens[i + 1]?.text.toLowerCase() === "as" ? 2 : 1);
  if (lower === "known" && from === i + 1) return undefined;
  return { head: tokens[i - 1]?.text === "," ? i - 2 : i - 1, from, to: phraseEnd(from) };
}
const ANALOGY_WORDS = new Set(["think", "picture", "imagine"]);
const PUNCT_POS = new Set(["PUNCT", "SYM"]);

/**
 * The learner's own dictionary: a noun glossed in brackets or with "i.e.", "called", "known as" ("the mailroom (the
 * OS)", "a parking spot (a local port)", "the janitor, i.e. VACUUM") stands, wherever the answer uses it, for what
 * the gloss says; so does the image of an analogy that says what it maps ("think of the OS as a receptionist", "the
 * queue is like a waiting room"). An analogy that never says is read as the words it uses.
 */
export function applyGlosses(sentences: IndexedSentence[]): void {
  const glosses = new Map<string, Set<string>>();
  for (const at of sentences) {
    const tokens = at.sentence.tokens;
    tokens.forEach((_, i) => {
      const gloss = glossAt(tokens, i);
      if (!gloss) return;
      // The gloss's content words, with the groups they belong to.
      const meaning = new Set<string>();
      for (let j = gloss.from; j < gloss.to; j++)
        if (isContent(tokens[j] as Token)) for (const k of at.keys[j] ?? []) meaning.add(k);
      const head = tokens[gloss.head];
      if (meaning.size === 0 || !head || !NOUNS.has(head.pos) || !isContent(head) || meaning.has(head.key))
        return;
      const known = glosses.get(head.key) ?? new Set<string>();
      for (const k of meaning) known.add(k);
      glosses.set(head.key, known);
    });
  }
  if (glosses.size === 0) return;
  for (const at of sentences)
    at.sentence.tokens.forEach((t, i) => {
      const meaning = glosses.get(t.key);
      if (meaning) for (const k of meaning) at.keys[i]?.add(k);
    });
}
