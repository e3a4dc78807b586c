/** Full-text search over lesson sections (minisearch: BM25, prefix and fuzzy matching, field boosts). */
import MiniSearch, { type SearchResult } from "minisearch";
import type { Lesson, StageNumber } from "../content/model.js";
import { splitWords } from "../text/words.js";
import { CONCEPT_TOKEN, Concepts, processTerm, tokens } from "./concepts.js";
import { intentOf, rankByStage } from "./intent.js";
import { excerpt, plainText, proseText } from "./passage-text.js";
import type { SynonymGroups } from "./synonyms.js";

interface SectionDoc {
  id: number;
  lessonTitle: string;
  lessonId: string;
  stage: StageNumber;
  stageTitle: string;
  heading: string;
  text: string;
  /** The text without code blocks and diagrams: what an excerpt may quote. */
  prose: string;
  /** Concept tokens (`syn12`) of the synonym groups the section mentions in any spelling. */
  concepts: string;
}

interface LessonDoc {
  id: number;
  head: string;
  text: string;
  concepts: string;
}

export interface Passage {
  lessonId: string;
  lessonTitle: string;
  stage: StageNumber;
  stageTitle: string;
  heading: string;
  excerpt: string;
  score: number;
}

export interface SearchOutcome {
  passages: Passage[];
  /** The best lessons in ranked order, each once. */
  lessons: { id: string; title: string; score: number }[];
  /**
   * How much of the question the best lesson covers, 0..1: the question's terms it matches (as written, by
   * prefix or fuzzily, or as another spelling), each weighted by how rare the term is among the lessons, so
   * matching "best" and "top" in "best pizza topping" counts for little and a word no lesson has counts most.
   */
  coverage: number;
  /** The question's content terms, after stop words are dropped. */
  terms: string[];
}

/** Below this share of the question's terms matched, search again with fuzzy matching (the slow part). */
const FUZZY_BELOW = 0.5;
/**
 * Question words found in more than this share of the lessons are left out of the search (they still count
 * for coverage): they barely change the ranking, and their long posting lists are most of a search's cost.
 */
const COMMON = 0.4;
/** ...once there are enough lessons for that to matter; with a few dozen, every word is worth searching. */
const COMMON_FROM = 200;
/** At most this many of the question's rarest words, and of the ideas it names, are searched. */
const MAX_WORDS = 5;
const MAX_CONCEPTS = 2;
/** Passages scoring under this share of the best passage are left out. */
const WEAK_PASSAGE = 0.1;
/** Section indexes kept built (per lesson, most recently used). */
const SECTION_CACHE = 256;
/**
 * Prefix matching for the question's last word only, as search boxes do for a word still being typed:
 * on every word it multiplies the posting lists read (stems have many completions) for little gain.
 */
const PREFIX = (term: string, i: number, terms: string[]) =>
  i === terms.length - 1 && term.length > 2 && !CONCEPT_TOKEN.test(term);

/**
 * Two-stage search, so a question costs about the same with 20 lessons or 2,000: first the lessons (title
 * and tags boosted over the body), then the sections of the best three (headings boosted over text).
 */
export class SectionIndex {
  private readonly lessonSearch: MiniSearch<LessonDoc>;
  /** Section indexes of recently asked-about lessons, built on first use: one per lesson up front costs memory. */
  private readonly sectionSearch = new Map<number, MiniSearch<SectionDoc>>();
  private readonly sections: SectionDoc[][] = [];
  private readonly concepts: Concepts;
  /** In how many lessons each term occurs. */
  private readonly df = new Map<string, number>();

  constructor(
    private readonly lessons: Lesson[],
    synonyms: SynonymGroups,
  ) {
    this.concepts = new Concepts(synonyms);
    const conceptsOf = (text: string) => this.concepts.tokensOf(text);
    this.lessonSearch = new MiniSearch<LessonDoc>({
      fields: ["head", "text", "concepts"],
      processTerm,
      searchOptions: { processTerm },
    });
    const lessonDocs = lessons.map((lesson, i): LessonDoc => {
      const docs = lesson.stages.flatMap((stage) =>
        stage.sections.map((section, j): SectionDoc => {
          const text = plainText(section.markdown);
          return {
            id: j,
            lessonId: lesson.id,
            lessonTitle: lesson.title,
            stage: stage.stage,
            stageTitle: stage.title,
            heading: section.heading,
            text,
            prose: proseText(section.markdown),
            concepts: conceptsOf(`${section.heading} ${text}`),
          };
        }),
      );
      docs.forEach((doc, j) => {
        doc.id = j;
      });
      this.sections.push(docs);
      const title = `${lesson.title} ${lesson.tags.join(" ")}`;
      // The ideas a title names count as title words: "FPW" finds a lesson titled "full page writes".
      const head = `${title} ${conceptsOf(title)}`;
      const text = docs.map((d) => `${d.heading}\n${d.text}`).join("\n");
      const concepts = conceptsOf(`${head} ${text}`);
      for (const term of new Set(tokens(`${head} ${text} ${concepts}`)))
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
      return { id: i, head, text, concepts };
    });
    this.lessonSearch.addAll(lessonDocs);
  }

  /** Number of sections indexed. */
  get size(): number {
    return this.sections.reduce((sum, docs) => sum + docs.length, 0);
  }

  /** The concept tokens a question names, with the terms of each (for coverage). */
  conceptsOf(question: string): { token: string; terms: Set<string> }[] {
    return this.concepts.of(question);
  }

  query(question: string, limit = 5): SearchOutcome {
    const terms = [...new Set(tokens(question))];
    if (terms.length === 0) return { passages: [], lessons: [], coverage: 0, terms };
    const named = this.concepts.of(question);
    const words = splitWords(question);
    const common =
      this.lessons.length >= COMMON_FROM ? COMMON * this.lessons.length : Number.POSITIVE_INFINITY;
    const byRarity = words
      .map((word) => ({
        word,
        df: this.df.get(processTerm(word) ?? "") ?? 0,
        stop: processTerm(word) === null,
      }))
      .filter((w) => !w.stop)
      .sort((a, b) => a.df - b.df);
    // The rarest words under the bar, or, when every word is common, the three rarest; and the rarest ideas.
    const kept = byRarity.filter((w) => w.df <= common);
    const searched = (kept.length > 0 ? kept.slice(0, MAX_WORDS) : byRarity.slice(0, 3)).map((w) => w.word);
    const concepts = named
      .map((c) => ({ token: c.token, df: this.df.get(c.token) ?? 0 }))
      .filter((c) => c.df <= common)
      .sort((a, b) => a.df - b.df)
      .slice(0, MAX_CONCEPTS)
      .map((c) => c.token);
    const query = [...searched, ...concepts].join(" ");
    const search = (fuzzy: boolean) =>
      this.lessonSearch.search(query, {
        boost: { head: 3, text: 1, concepts: 1 },
        prefix: PREFIX,
        combineWith: "OR",
        // Only words no lesson contains are likely misspellings worth a fuzzy look.
        ...(fuzzy ? { fuzzy: (term: string) => (term.length > 4 && !this.df.has(term) ? 0.2 : false) } : {}),
      });
    let results = search(false);
    let coverage = results[0] ? this.coverage(terms, named, results[0]) : 0;
    if (coverage < FUZZY_BELOW) {
      const fuzzy = search(true);
      const fuzzyCoverage = fuzzy[0] ? this.coverage(terms, named, fuzzy[0]) : 0;
      if (fuzzyCoverage > coverage) [results, coverage] = [fuzzy, fuzzyCoverage];
    }
    const lessons = results.slice(0, 5).map((r) => {
      const lesson = this.lessons[r.id as number] as Lesson;
      return { id: lesson.id, title: lesson.title, score: Math.round(r.score * 100) / 100 };
    });
    const passages: Passage[] = [];
    // Within a lesson, the stage that answers this kind of question comes first (intent.ts).
    const intent = intentOf(question);
    for (const result of results.slice(0, 3)) {
      const docs = this.sections[result.id as number] as SectionDoc[];
      const matched = this.sectionsOf(result.id as number)
        .search(query, {
          boost: { heading: 2, text: 1, concepts: 1 },
          prefix: PREFIX,
          combineWith: "OR",
        })
        // A section that is only a diagram or code has nothing to quote as an answer.
        .filter((section) => (docs[section.id as number] as SectionDoc).prose.length > 0)
        .map((section) => ({ ...section, stage: (docs[section.id as number] as SectionDoc).stage }));
      const within = rankByStage(intent, matched);
      for (const section of within.slice(0, passages.length === 0 ? 2 : 1)) {
        // A passage that scores a small fraction of the best one is filler, not a source.
        const weak = passages[0] !== undefined && section.score < WEAK_PASSAGE * passages[0].score;
        if (passages.length < limit && !weak)
          passages.push(passage(docs[section.id as number] as SectionDoc, section));
      }
    }
    return { passages, lessons, coverage, terms };
  }

  private sectionsOf(lesson: number): MiniSearch<SectionDoc> {
    let search = this.sectionSearch.get(lesson);
    if (search) {
      // Most recently used last, so the first key is the one to drop.
      this.sectionSearch.delete(lesson);
    } else {
      search = new MiniSearch<SectionDoc>({
        fields: ["heading", "text", "concepts"],
        // Likewise the ideas a heading names count as heading words.
        extractField: (doc, field) =>
          field === "heading"
            ? `${doc.heading} ${this.concepts.tokensOf(doc.heading)}`
            : String(doc[field as keyof SectionDoc]),
        processTerm,
        searchOptions: { processTerm },
      });
      search.addAll(this.sections[lesson] as SectionDoc[]);
      if (this.sectionSearch.size >= SECTION_CACHE)
        this.sectionSearch.delete(this.sectionSearch.keys().next().value as number);
    }
    this.sectionSearch.set(lesson, search);
    return search;
  }

  private coverage(
    terms: string[],
    named: { token: string; terms: Set<string> }[],
    best: SearchResult,
  ): number {
    const matched = new Set(best.queryTerms);
    const lessons = this.lessons.length;
    // Inverse document frequency; a term no lesson contains weighs the most.
    const weight = (t: string) => Math.log(1 + lessons / (1 + (this.df.get(t) ?? 0)));
    let covered = 0;
    let total = 0;
    for (const t of terms) {
      const concept = named.find((c) => c.terms.has(t));
      const w = Math.max(weight(t), concept ? weight(concept.token) : 0);
      total += w;
      if (matched.has(t) || (concept && matched.has(concept.token))) covered += w;
    }
    return total > 0 ? covered / total : 0;
  }
}

function passage(doc: SectionDoc, result: SearchResult): Passage {
  return {
    lessonId: doc.lessonId,
    lessonTitle: doc.lessonTitle,
    stage: doc.stage,
    stageTitle: doc.stageTitle,
    heading: doc.heading,
    excerpt: excerpt(doc.prose, result.terms),
    score: Math.round(result.score * 100) / 100,
  };
}
