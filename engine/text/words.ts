/**
 * Words of free text, one definition for the engine: how text splits into words, how endings are folded
 * (stem) and which words carry no meaning (stop words). Quiz grading and lesson search both use it, so a
 * word matches the same way in an answer as in a question.
 */

/** Runs of letters and digits: punctuation, spaces and dashes separate words (zero-copy -> zero, copy). */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Folds plural and tense endings: copies, copied, copying -> copy; queues, queued -> queu. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && (w.endsWith("ies") || w.endsWith("ied"))) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed")) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const last = w.at(-1);
  return w.length > 3 && last === w.at(-2) && last !== "l" && last !== "s" ? w.slice(0, -1) : w;
}

/**
 * Articles, the commonest prepositions and "to be": what a rubric phrase may leave out and still match
 * ("copy into user space" for "the kernel copies the data to user space"). Compared after stemming.
 */
const FUNCTION_WORDS = [
  "a",
  "an",
  "the",
  "of",
  "to",
  "is",
  "are",
  "it",
  "its",
  "in",
  "on",
  "and",
  "by",
  "for",
  "be",
];
export const PHRASE_STOP_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORDS);

/**
 * The function words and the rest of what a question is made of besides its subject ("can you explain what
 * happens when..."): left out of searches. Compared in lower case, before stemming.
 */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...`about after again all also am any as at because been before being between both but can could did do does
  doing done during each else ever few from get gets got had has have having he her here how i if into just know
  like make me more most much my no not now off once only or other our out over own really same she should so some
  such than that their them then there these they this those through too under until up very was way we were what
  when where which while who whom why will with would you your yours explain tell mean means thing things happen
  happens work works`.split(/\s+/),
]);
