/** Reads lessons/ and quizzes/ under a content root, parses every file and checks them against each other. */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { ContentIssue } from "../errors.js";
import { fingerprint, readCached, writeCached } from "./cache.js";
import { bundledContentDir } from "./content-dir.js";
import { crossCheck } from "./cross-check.js";
import { type Catalog, type Lesson, type Quiz, STAGE_NUMBERS } from "./model.js";
import { readSource } from "./read-source.js";

export { bundledContentDir, defaultContentDir } from "./content-dir.js";

export interface LoadResult {
  catalog: Catalog;
  issues: ContentIssue[];
  /** "21 lessons, 312 questions (stage 1: 70, ...)". */
  summary: string;
}

async function markdownFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => join(dir, n));
}

const display = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
};

const byPlace = (a: ContentIssue, b: ContentIssue) => a.file.localeCompare(b.file) || a.line - b.line;

/**
 * Parses and checks the content under `root`. With `cacheDir`, a clean result is cached there and reused
 * while no content file changes (see cache.ts).
 */
export async function loadContent(root: string, options: { cacheDir?: string } = {}): Promise<LoadResult> {
  const { cacheDir } = options;
  const key = cacheDir ? await fingerprint(root) : "";
  if (cacheDir) {
    const catalog = await readCached(cacheDir, root, key);
    if (catalog) return { catalog, issues: [], summary: summarise(catalog) };
  }
  const result = await parseContent(root);
  if (cacheDir && result.issues.length === 0) await writeCached(cacheDir, root, key, result.catalog);
  return result;
}

async function parseContent(root: string): Promise<LoadResult> {
  // The parsers (marked, yaml, zod) load only when there is something to parse: a start from the cache
  // never pays for them.
  const [{ parseLesson }, { parseQuiz }, { loadSynonyms }] = await Promise.all([
    import("./parse-lesson.js"),
    import("./parse-quiz.js"),
    import("../ask/synonyms.js"),
  ]);
  const issues: ContentIssue[] = [];
  const lessons: Lesson[] = [];
  const quizzes: Quiz[] = [];
  const lessonDir = join(root, "lessons");
  if (!existsSync(lessonDir)) {
    issues.push({ file: display(root), line: 1, message: "no lessons/ folder here" });
  }
  // Every file is read and parsed on its own: a bad one is reported at its line and never stops the others.
  const read = async (paths: string[]) =>
    Promise.all(paths.map(async (path) => ({ path, text: await readSource(path, display(path), issues) })));
  const [lessonFiles, quizFiles] = await Promise.all([
    read(await markdownFiles(lessonDir)),
    read(await markdownFiles(join(root, "quizzes"))),
  ]);
  for (const { path, text } of lessonFiles) {
    const lesson = text === undefined ? undefined : guarded(display(path), issues, parseLesson, text);
    if (lesson) lessons.push(lesson);
  }
  for (const { path, text } of quizFiles) {
    const quiz = text === undefined ? undefined : guarded(display(path), issues, parseQuiz, text);
    if (quiz) quizzes.push(quiz);
  }
  const synonymsPath = join(lessonDir, "synonyms.yml");
  const synonyms =
    (await guardedAsync(display(synonymsPath), issues, () =>
      loadSynonyms(synonymsPath, display(synonymsPath), issues),
    )) ?? [];
  // Files that exist but did not parse: their problems are reported already, not again as "missing".
  const unparsed = {
    lessons: new Set(
      lessonFiles.map((f) => basename(f.path, ".md")).filter((id) => !lessons.some((l) => l.id === id)),
    ),
    quizzes: new Set(
      quizFiles
        .map((f) => basename(f.path, ".md"))
        .filter((id) => !quizzes.some((q) => basename(q.file, ".md") === id)),
    ),
  };
  crossCheck(lessons, quizzes, issues, unparsed);
  const catalog = { lessons: studyOrder(lessons), quizzes, synonyms };
  issues.sort(byPlace);
  return { catalog, issues, summary: summarise(catalog) };
}

/**
 * Runs one file's parser so that nothing it throws escapes: marked and yaml recurse, and a document they
 * cannot handle (nested deeper than the checks before parsing foresee) is reported at the file instead.
 */
function guarded<T>(
  file: string,
  issues: ContentIssue[],
  parse: (file: string, text: string, issues: ContentIssue[]) => T | undefined,
  text: string,
): T | undefined {
  try {
    return parse(file, text, issues);
  } catch (error) {
    issues.push(parseFailure(file, error));
    return undefined;
  }
}

async function guardedAsync<T>(
  file: string,
  issues: ContentIssue[],
  load: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    issues.push(parseFailure(file, error));
    return undefined;
  }
}

function parseFailure(file: string, error: unknown): ContentIssue {
  const message =
    error instanceof RangeError
      ? "is nested too deeply to parse (the parser ran out of stack); flatten its lists, quotes and emphasis"
      : `could not be parsed (${error instanceof Error ? error.message : String(error)})`;
  return { file, line: 1, message };
}

/** The folder holding lessons/ that `path` lies in (or is), if any. */
function contentRootOf(path: string): string | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "lessons")) && (dir !== path || !path.endsWith(".md"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface CheckOptions {
  /**
   * Also hold the content to the bar for bundled lessons (policy.ts). By default only the bundled content
   * is: a test fixture or a folder of one's own need not be 1,200 words a lesson to be valid content.
   */
  policy?: boolean;
}

/**
 * The content check: every problem under `root`, or, when `paths` (files or folders) are given, the
 * problems in those, each checked against the content folder it lies in (which need not be `root`).
 * Unlike loadContent, which opens the app, it reports the content policy too (see CheckOptions).
 */
export async function checkContent(
  root: string,
  paths: string[] = [],
  options: CheckOptions = {},
): Promise<LoadResult> {
  const load = async (contentRoot: string) => {
    const result = await loadContent(contentRoot);
    const policy = options.policy ?? resolve(contentRoot) === bundledContentDir();
    // Explain rubrics are calibrated: always against the author's example answers, and with the content bar
    // against the model answer, the key points' labels and the ways of gaming a rubric.
    const [{ calibrateCatalog }, { loadNlp }] = await Promise.all([
      import("../quiz/explain/calibrate.js"),
      import("../quiz/explain/nlp.js"),
    ]);
    if (result.catalog.quizzes.some((q) => q.questions.some((x) => x.type === "explain"))) await loadNlp();
    const calibration = calibrateCatalog(result.catalog, policy);
    if (!policy) return { ...result, issues: [...result.issues, ...calibration].sort(byPlace) };
    const { checkCodeWidth, checkPolicy } = await import("./policy.js");
    const issues = [
      ...result.issues,
      ...calibration,
      ...checkPolicy(result.catalog),
      ...(await checkCodeWidth(result.catalog)),
    ].sort(byPlace);
    return { ...result, issues };
  };
  if (paths.length === 0) return load(root);
  const issues: ContentIssue[] = [];
  const byRoot = new Map<string, { abs: string; isDir: boolean }[]>();
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) {
      issues.push({ file: display(abs), line: 1, message: "no such file or folder" });
      continue;
    }
    const contentRoot = contentRootOf(abs);
    if (!contentRoot) {
      issues.push({
        file: display(abs),
        line: 1,
        message: "not inside a content folder (a folder with lessons/ and quizzes/)",
      });
      continue;
    }
    const isDir = (await stat(abs)).isDirectory();
    byRoot.set(contentRoot, [...(byRoot.get(contentRoot) ?? []), { abs, isDir }]);
  }
  let summary = "";
  let catalog: Catalog = { lessons: [], quizzes: [], synonyms: [] };
  for (const [contentRoot, wanted] of byRoot) {
    const result = await load(contentRoot);
    ({ summary, catalog } = result);
    const inside = (file: string) => {
      const abs = resolve(file);
      return wanted.some(
        (w) => abs === w.abs || (w.isDir && (abs.startsWith(w.abs + sep) || w.abs === contentRoot)),
      );
    };
    issues.push(...result.issues.filter((issue) => inside(issue.file)));
  }
  return { catalog, issues, summary };
}

/**
 * Prerequisites first; among lessons that are ready, those more lessons build on (directly or not) first,
 * then by id: the six-stages lesson, which everything builds on, comes before lessons nothing needs.
 */
function studyOrder(lessons: Lesson[]): Lesson[] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const dependents = new Map<string, Set<string>>();
  const addDependent = (prerequisite: string, dependent: string, seen: Set<string>) => {
    if (seen.has(prerequisite)) return; // a cycle: stop here
    seen.add(prerequisite);
    const set = dependents.get(prerequisite) ?? new Set<string>();
    set.add(dependent);
    dependents.set(prerequisite, set);
    for (const p of byId.get(prerequisite)?.prerequisites ?? []) addDependent(p, dependent, seen);
  };
  for (const l of lessons) for (const p of l.prerequisites) addDependent(p, l.id, new Set());
  const weight = (id: string) => dependents.get(id)?.size ?? 0;
  const done = new Set<string>();
  const ordered: Lesson[] = [];
  let remaining = [...lessons];
  while (remaining.length > 0) {
    const ready = remaining.filter((l) => l.prerequisites.every((p) => done.has(p) || !byId.has(p)));
    // A prerequisite cycle: take the rest as they are rather than lose lessons.
    const batch = ready.length > 0 ? ready : remaining;
    batch.sort((a, b) => weight(b.id) - weight(a.id) || a.id.localeCompare(b.id));
    const next = batch[0] as Lesson;
    ordered.push(next);
    done.add(next.id);
    remaining = remaining.filter((l) => l !== next);
  }
  return ordered;
}

function summarise(catalog: Catalog): string {
  const questions = catalog.quizzes.flatMap((q) => q.questions);
  const perStage = STAGE_NUMBERS.map((s) => `stage ${s}: ${questions.filter((q) => q.stage === s).length}`);
  const reviewOnly = questions.filter((q) => q.reviewOnly).length;
  // The pools an attempt draws from: the smallest is the one a retake most likely repeats.
  const pools = catalog.quizzes.flatMap((quiz) =>
    quiz.stages.map((s) => quiz.questions.filter((q) => q.stage === s.stage && !q.reviewOnly).length),
  );
  const pooled =
    pools.length > 0 ? `; pools of ${Math.min(...pools)} to ${Math.max(...pools)} per stage` : "";
  return `${catalog.lessons.length} lesson${catalog.lessons.length === 1 ? "" : "s"}, ${questions.length} questions (${perStage.join(", ")})${reviewOnly ? `, ${reviewOnly} of them review-only` : ""}${pooled}`;
}
