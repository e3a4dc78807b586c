// "Did you mean": the candidate nearest to a mistyped word, for lesson ids (engine) and command
// names (terminal), on fastest-levenshtein.
//
// One rule serves both:
// - case does not matter;
// - a word of 3 or more characters that is part of a candidate counts as distance 0
//   ("basics" finds "tcp-basics");
// - otherwise the distance is plain Levenshtein (a swap of two letters costs 2);
// - the nearest candidate is suggested when its distance is at most
//   max(3, floor(candidate length / 2)); on a tie the first candidate wins.
// The terminal once accepted only max(1, floor(word length / 3)) but counted a swap as 1 edit;
// with plain Levenshtein that rule would miss "qiuz" -> "quiz", while the lesson rule above keeps
// every suggestion ("lesons", "reveiw", "qiuz", "tcp-raeds") and still refuses far words ("deploy").
// A word is also held against each part of a candidate (split at "-", "_" and spaces, parts of 3 or more
// characters), within half the part's length: "tron" finds "torn-pages" by its part "torn".
import { distance } from "fastest-levenshtein";

/** Shortest word that is matched as a part of a candidate. */
const MIN_PART = 3;

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const wanted = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const d = wanted.length >= MIN_PART && lower.includes(wanted) ? 0 : distance(wanted, lower);
    if (d <= Math.max(3, Math.floor(lower.length / 2)) && (!best || d < best.distance))
      best = { candidate, distance: d };
    if (wanted.length < MIN_PART) continue;
    for (const part of lower.split(/[-_\s]+/)) {
      if (part.length < MIN_PART) continue;
      const dp = distance(wanted, part);
      if (dp <= Math.floor(part.length / 2) && (!best || dp < best.distance))
        best = { candidate, distance: dp };
    }
  }
  return best?.candidate;
}
