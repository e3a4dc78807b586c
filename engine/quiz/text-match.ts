/** Loose matching of a learner's free text against short phrasings: case, punctuation and simple endings ignored. */
import { PHRASE_STOP_WORDS, splitWords, stem } from "../text/words.js";

/** Lower-cased word stems, punctuation dropped (dashes split words: zero-copy -> zero, copy). */
export function words(text: string): string[] {
  return splitWords(text.toLowerCase().normalize("NFKD")).map(stem);
}

export interface PreparedText {
  words: string[];
  positions: Map<string, number[]>;
}

export function prepare(text: string): PreparedText {
  const list = words(text);
  const positions = new Map<string, number[]>();
  list.forEach((w, i) => {
    const at = positions.get(w);
    if (at) at.push(i);
    else positions.set(w, [i]);
  });
  return { words: list, positions };
}

/**
 * True when every content word of `phrase` occurs in `text` inside a window a little wider than the
 * phrase itself, in any order: "the kernel copies the data to user space" matches "copy into user space".
 */
export function containsPhrase(text: PreparedText, phrase: string | string[]): boolean {
  const all = typeof phrase === "string" ? words(phrase) : phrase;
  const wanted = all.filter((w) => !PHRASE_STOP_WORDS.has(w));
  const needed = wanted.length > 0 ? wanted : all;
  if (needed.length === 0) return false;
  const lists = needed.map((w) => text.positions.get(w));
  if (lists.some((l) => !l)) return false;
  const window = Math.max(needed.length * 3, needed.length + 6);
  // For each occurrence of the first word, look for the others within the window around it.
  return (lists[0] as number[]).some((start) =>
    lists.every((positions) => (positions as number[]).some((p) => Math.abs(p - start) < window)),
  );
}

/** Exact sequence match of a term's words (for jargon: "page cache" used as such). */
export function containsTerm(text: PreparedText, term: string): boolean {
  const seq = words(term);
  if (seq.length === 0) return false;
  return (text.positions.get(seq[0] as string) ?? []).some((start) =>
    seq.every((w, i) => text.words[start + i] === w),
  );
}
