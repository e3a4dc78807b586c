/** Question and lesson text as search terms, and the synonym list as concepts that stand for every spelling. */
import { QUESTION_STOP_WORDS, splitWords, stem } from "../text/words.js";
import type { SynonymGroups } from "./synonyms.js";

/** The token that stands for a synonym group; never a prefix ("syn1" is not the start of "syn12"). */
export const CONCEPT_TOKEN = /^syn\d+$/;

/** A word as a search term: stop words dropped, the rest stemmed (the same stems the grader uses). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (QUESTION_STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

export function tokens(text: string): string[] {
  return splitWords(text)
    .map(processTerm)
    .filter((t): t is string => Boolean(t));
}

/** Dashes and underscores as spaces, lower case: "Zero-Copy" and "zero_copy" both read "zero copy". */
const fold = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[-_/]+/g, " ")
    .replace(/[^\p{L}\p{N}.:]+/gu, " ")} `;

/**
 * The synonym list as concepts: a text that uses any spelling of group 12 gets the token `syn12`, at index
 * time for lessons and at query time for questions, so one query term stands for every spelling.
 */
export class Concepts {
  private readonly groups: { token: string; folded: string[]; firstWords: string[]; terms: Set<string> }[];

  constructor(synonyms: SynonymGroups) {
    this.groups = synonyms.map((group, i) => {
      const folded = group.map(fold);
      return {
        token: `syn${i}`,
        folded,
        firstWords: folded.map((f) => f.trim().split(" ")[0] as string),
        terms: new Set(tokens(group.join(" "))),
      };
    });
  }

  tokensOf(text: string): string {
    return this.of(text)
      .map((c) => c.token)
      .join(" ");
  }

  of(text: string): { token: string; terms: Set<string> }[] {
    const folded = fold(text);
    const words = new Set(folded.split(" "));
    // Only spellings whose first word occurs are looked for as a whole: a set lookup before a substring scan.
    return this.groups.filter((g) =>
      g.folded.some((spelling, i) => words.has(g.firstWords[i] as string) && folded.includes(spelling)),
    );
  }
}
