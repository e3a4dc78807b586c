/** The facade both front ends call for every use case. Rules live here and below, never in cli/ or bot/. */

import { join } from "node:path";
import { type AskResult, ask } from "./ask/ask.js";
import { type LlmConfig, llmConfigFromEnv } from "./ask/llm.js";
import type { SectionIndex } from "./ask/search.js";
import { checkContent, defaultContentDir, type LoadResult, loadContent } from "./content/load.js";
import {
  type Catalog,
  isStageNumber,
  type Lesson,
  type Question,
  STAGE_NUMBERS,
  type StageNumber,
} from "./content/model.js";
import { ContentError } from "./errors.js";
import { currentStage, DEFAULT_PASS_MARK, latestAnswers, passesStage, stagesOf } from "./journey/stages.js";
import { xpOf } from "./journey/xp.js";
import {
  type AnswerRecord,
  emptyDoc,
  type JournalEntry,
  type JournalKind,
  type LearnerDoc,
  type Session,
} from "./progress/model.js";
import { defaultDataDir, JsonProgressStore, type ProgressStore } from "./progress/store.js";
import { grade } from "./quiz/grade.js";
import { isDue, ratingFor, review } from "./review/scheduler.js";
import { addDays, type DayClock, streakOf, studyDay } from "./time/study-day.js";
import type {
  AnswerInput,
  AnswerOutcome,
  CatalogEntry,
  LeaderboardRow,
  NextStep,
  Overview,
  ProgressSummary,
  QuizState,
  QuizStats,
  Refusal,
  RefusalCode,
  Result,
  StageProgress,
  StageView,
} from "./tutor-types.js";

export interface TutorOptions {
  /** Folder holding lessons/ and quizzes/. Default: the bundled content. */
  contentDir?: string;
  /** Folder for progress. Default: TUTOR_DATA_DIR, else the XDG data folder. Ignored when `store` is given. */
  dataDir?: string;
  store?: ProgressStore;
  now?: () => Date;
  /** Share of a stage's questions to answer right to pass it. Default 0.8. */
  passMark?: number;
  /** For study days and streaks. Default: this machine's time zone. */
  timeZone?: string;
  /** Hour at which a new study day starts. Default 4. */
  dayStartHour?: number;
  /** Where the parsed content is cached between starts. Default: cache/ in the data folder; false for none. */
  contentCache?: string | false;
  /** A language model for `ask`. Default: from TUTOR_LLM_URL and TUTOR_LLM_MODEL; false for none. */
  llm?: LlmConfig | false;
}

const MAX_TEXT = 4000;
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const refuse = (code: RefusalCode, message: string, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});

/** The most cards one review session asks; QuizState.moreDue counts the rest. */
const REVIEW_SESSION_SIZE = 20;

export class Tutor {
  private catalogData: Catalog;
  private questionIndex = new Map<string, Question>();
  private byStage = new Map<string, Question[]>();
  private readonly now: () => Date;
  private readonly passMark: number;
  private readonly clock: DayClock;
  private readonly llm: LlmConfig | undefined;
  private searchIndex: SectionIndex | undefined;

  private constructor(
    private readonly contentDir: string,
    private readonly cacheDir: string | undefined,
    readonly store: ProgressStore,
    loaded: LoadResult,
    options: TutorOptions,
  ) {
    this.catalogData = loaded.catalog;
    this.index();
    this.now = options.now ?? (() => new Date());
    this.passMark = options.passMark ?? DEFAULT_PASS_MARK;
    this.clock = { timeZone: options.timeZone, dayStartHour: options.dayStartHour ?? 4 };
    this.llm = options.llm === false ? undefined : (options.llm ?? llmConfigFromEnv());
  }

  /** Loads and checks the content; throws ContentError listing every problem. */
  static async open(options: TutorOptions = {}): Promise<Tutor> {
    const contentDir = options.contentDir ?? defaultContentDir();
    const store = options.store ?? new JsonProgressStore(options.dataDir ?? defaultDataDir(), options.now);
    const cacheDir = options.contentCache ?? (options.store ? false : join(store.dir, "cache"));
    const loaded = await loadContent(contentDir, cacheDir ? { cacheDir } : {});
    if (loaded.issues.length > 0) throw new ContentError(loaded.issues, contentDir);
    return new Tutor(contentDir, cacheDir || undefined, store, loaded, options);
  }

  get dataDir(): string {
    return this.store.dir;
  }

  // ---- content ---------------------------------------------------------------------------------

  lessons(): Lesson[] {
    return this.catalogData.lessons;
  }

  lesson(id: string): Lesson | undefined {
    return this.catalogData.lessons.find((l) => l.id === id);
  }

  /** By id, or by a title fragment that names one lesson; otherwise a refusal with the closest id. */
  findLesson(text: string): Result<Lesson> {
    const wanted = text.trim().toLowerCase();
    const byId = this.catalogData.lessons.find((l) => l.id === wanted);
    if (byId) return ok(byId);
    // "io_uring", "io uring" and "io-uring" all name the same lessons.
    const fold = (s: string) =>
      s
        .toLowerCase()
        .replace(/[-_\s]+/g, " ")
        .trim();
    const folded = fold(wanted);
    const matching = folded
      ? this.catalogData.lessons.filter((l) => fold(l.title).includes(folded) || fold(l.id).includes(folded))
      : [];
    if (matching.length === 1) return ok(matching[0] as Lesson);
    if (matching.length > 1) {
      return refuse(
        "unknown-lesson",
        `\`${text}\` matches ${matching.length} lessons: ${matching.map((l) => l.id).join(", ")}. Name one of them.`,
        { suggestion: (matching[0] as Lesson).id },
      );
    }
    const suggestion = closest(
      wanted,
      this.catalogData.lessons.map((l) => l.id),
    );
    return refuse(
      "unknown-lesson",
      `There is no lesson \`${text}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
      {
        ...(suggestion ? { suggestion } : {}),
      },
    );
  }

  question(id: string): Question | undefined {
    return this.questionIndex.get(id);
  }

  questionsFor(lessonId: string, stage: StageNumber): Question[] {
    return this.byStage.get(`${lessonId}#${stage}`) ?? [];
  }

  /** Re-reads the content. On any problem the old content stays and ContentError lists the problems. */
  async reload(): Promise<{ lessons: number; questions: number }> {
    const loaded = await loadContent(this.contentDir, this.cacheDir ? { cacheDir: this.cacheDir } : {});
    if (loaded.issues.length > 0) throw new ContentError(loaded.issues, this.contentDir);
    this.catalogData = loaded.catalog;
    this.index();
    this.searchIndex = undefined;
    return { lessons: loaded.catalog.lessons.length, questions: this.questionIndex.size };
  }

  check(paths: string[] = []): Promise<LoadResult> {
    return checkContent(this.contentDir, paths);
  }

  /** Answers a question from the lessons: ranked passages with their lesson and stage, and a verdict. */
  async ask(question: string): Promise<AskResult> {
    if (!this.searchIndex) {
      // The search index (minisearch) loads with the first question, not with the engine.
      const { SectionIndex } = await import("./ask/search.js");
      this.searchIndex ??= new SectionIndex(this.catalogData.lessons, this.catalogData.synonyms);
    }
    return ask(this.searchIndex, question, this.llm);
  }

  /** Whether `ask` answers through a language model. */
  get usesModel(): boolean {
    return this.llm !== undefined;
  }

  // ---- journey ---------------------------------------------------------------------------------

  async catalog(learnerId: string): Promise<CatalogEntry[]> {
    return this.entries(await this.store.read(learnerId));
  }

  async openStage(learnerId: string, lessonId: string, stage?: number): Promise<Result<StageView>> {
    return this.inOpenStage(learnerId, lessonId, stage, (doc, lesson, n, stages): Result<StageView> => {
      const progress = stages[n - 1] as StageProgress;
      const at = this.now().toISOString();
      const read = { ...doc.read[lesson.id] };
      read[n] ??= at;
      doc.read[lesson.id] = read;
      progress.read = true;
      doc.lastVisited = { lessonId: lesson.id, stage: n, at };
      const content = lesson.stages[n - 1];
      return ok({
        lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, sources: lesson.sources },
        stage: n,
        title: progress.title,
        markdown: content?.markdown ?? "",
        sections: content?.sections ?? [],
        status: progress.status,
        stages,
        questionCount: progress.total,
      });
    });
  }

  /**
   * What the learner should do next: continue a quiz, do due reviews, read or answer a stage, or nothing.
   * With `reviews: false`, due reviews are passed over: for a command that asks only what to learn next.
   */
  async nextStep(learnerId: string, options: { reviews?: boolean } = {}): Promise<NextStep> {
    return this.nextStepOf(await this.store.read(learnerId), options);
  }

  /** What a home screen shows, from one read of the learner's file: the catalog, the next step, streak and reviews due. */
  async overview(learnerId: string): Promise<Overview> {
    const doc = await this.store.read(learnerId);
    const { streak, dueNow } = this.progressOf(learnerId, doc, { weeks: 1, days: 1 });
    return { catalog: this.entries(doc), next: this.nextStepOf(doc), streak, dueNow };
  }

  private nextStepOf(doc: LearnerDoc, options: { reviews?: boolean } = {}): NextStep {
    const session = this.sessionState(doc);
    if (session && !session.done) {
      const where =
        session.mode === "review"
          ? "your review"
          : `the stage ${session.stage} quiz of ${this.lesson(session.lessonId ?? "")?.title}`;
      return {
        kind: "continue-quiz",
        quiz: session,
        message: `Continue ${where}: question ${session.index + 1} of ${session.total}.`,
      };
    }
    const due = this.dueIds(doc).length;
    if (due > 0 && options.reviews !== false) {
      return { kind: "review", due, message: `${due} review${due === 1 ? "" : "s"} due.` };
    }
    const entries = this.entries(doc);
    const visited =
      doc.lastVisited && entries.find((e) => e.id === doc.lastVisited?.lessonId && !e.completed);
    const next =
      visited || entries.find((e) => !e.completed && e.prerequisitesMet) || entries.find((e) => !e.completed);
    if (!next)
      return { kind: "done", message: "Every stage of every lesson is passed. Keep up the reviews." };
    const stage = next.currentStage;
    const title = next.stages[stage - 1]?.title;
    if (!next.stages[stage - 1]?.read) {
      return {
        kind: "read",
        lessonId: next.id,
        stage,
        message: `Read stage ${stage} (${title}) of ${next.title}.`,
      };
    }
    return {
      kind: "quiz",
      lessonId: next.id,
      stage,
      message: `Answer the stage ${stage} (${title}) questions of ${next.title}.`,
    };
  }

  // ---- quizzes and reviews ---------------------------------------------------------------------

  async startQuiz(learnerId: string, lessonId: string, stage?: number): Promise<Result<QuizState>> {
    return this.inOpenStage(learnerId, lessonId, stage, (doc, lesson, n): Result<QuizState> => {
      const session: Session = {
        mode: "quiz",
        lessonId: lesson.id,
        stage: n,
        questionIds: this.questionsFor(lesson.id, n).map((q) => q.id),
        index: 0,
        startedAt: this.now().toISOString(),
        results: [],
      };
      doc.session = session;
      doc.lastVisited = { lessonId: lesson.id, stage: n, at: session.startedAt };
      return ok(this.sessionState(doc) as QuizState);
    });
  }

  /** A review session of the cards due now, the most overdue first, at most `limit` of them. */
  async startReview(learnerId: string, limit = REVIEW_SESSION_SIZE): Promise<Result<QuizState>> {
    return this.store.update(learnerId, (doc): Result<QuizState> => {
      const ids = this.dueIds(doc).slice(0, limit);
      if (ids.length === 0)
        return refuse("nothing-due", "No reviews are due. Come back later, or learn something new.");
      doc.session = {
        mode: "review",
        questionIds: ids,
        index: 0,
        startedAt: this.now().toISOString(),
        results: [],
      };
      return ok(this.sessionState(doc) as QuizState);
    });
  }

  async current(learnerId: string): Promise<QuizState | undefined> {
    return this.sessionState(await this.store.read(learnerId));
  }

  async endSession(learnerId: string): Promise<void> {
    await this.store.update(learnerId, (doc) => {
      delete doc.session;
    });
  }

  async answer(learnerId: string, input: AnswerInput): Promise<Result<AnswerOutcome>> {
    const question = this.question(input.questionId);
    if (!question) return refuse("unknown-question", `There is no question \`${input.questionId}\`.`);
    const lesson = this.lesson(question.lessonId) as Lesson;
    return this.store.update(learnerId, (doc): Result<AnswerOutcome> => {
      const session = this.sessionState(doc);
      if (!session) return refuse("no-session", "There is no quiz in progress. Start one first.");
      if (session.question?.id !== question.id) {
        return refuse(
          "stale-question",
          "That question is no longer the current one: the quiz has moved on.",
          {
            current: session,
          },
        );
      }
      const result = grade(question, input.response, lesson.jargon);
      const stagesBefore = this.stagesFor(lesson, doc);
      const before = stagesBefore[question.stage - 1];
      if (result.invalid) {
        return ok({
          question,
          grade: result,
          stage: {
            lessonId: lesson.id,
            stage: question.stage,
            before: before?.status ?? "available",
            after: before?.status ?? "available",
            passedNow: false,
            lessonCompleted: false,
            progress: before as NonNullable<typeof before>,
            stages: stagesBefore,
          },
          nextDue: new Date(doc.cards[question.id]?.due ?? this.now()),
          quiz: session,
        });
      }
      const now = this.now();
      const at = now.toISOString();
      const hintUsed = input.hintUsed === true;
      const record: AnswerRecord = {
        questionId: question.id,
        lessonId: lesson.id,
        stage: question.stage,
        at,
        correct: result.correct,
        score: result.score,
        hintUsed,
        mode: session.mode,
        ...(input.guildId ? { guildId: input.guildId } : {}),
        ...(input.response.kind === "choice" ? { selected: input.response.selected } : {}),
        ...(input.response.kind === "order" ? { selected: input.response.order } : {}),
        ...(input.response.kind === "text" ? { text: input.response.text.slice(0, MAX_TEXT) } : {}),
      };
      doc.history.push(record);
      const card = review(doc.cards[question.id], now, ratingFor(result.correct, hintUsed));
      doc.cards[question.id] = card;

      let stagesAfter = this.stagesFor(lesson, doc);
      let progress = stagesAfter[question.stage - 1] as NonNullable<(typeof stagesAfter)[number]>;
      // A stage passes on one attempt: the right answers in this quiz, not old answers mixed with new ones.
      const rightThisAttempt =
        session.mode === "quiz"
          ? session.results.filter((r) => r.correct).length + (result.correct ? 1 : 0)
          : 0;
      const passedNow = progress.status !== "passed" && passesStage(progress, rightThisAttempt);
      if (passedNow) {
        doc.passed[lesson.id] = { ...doc.passed[lesson.id], [question.stage]: at };
        stagesAfter = this.stagesFor(lesson, doc);
        progress = stagesAfter[question.stage - 1] as typeof progress;
      }

      let journal: JournalEntry | undefined;
      if (question.type === "explain" && input.response.kind === "text") {
        journal = {
          lessonId: lesson.id,
          stage: question.stage,
          questionId: question.id,
          kind: journalKind(question.stage),
          text: input.response.text.slice(0, MAX_TEXT),
          at,
          covered: (result.keyPoints ?? []).filter((k) => k.covered).map((k) => k.text),
          missed: (result.keyPoints ?? []).filter((k) => !k.covered).map((k) => k.text),
        };
        doc.journal.push(journal);
      }

      const stored = doc.session as Session;
      stored.results.push({ questionId: question.id, correct: result.correct });
      stored.index += 1;
      const quiz = this.sessionState(doc) as QuizState;
      if (quiz.done) delete doc.session;

      return ok({
        question,
        grade: result,
        stage: {
          lessonId: lesson.id,
          stage: question.stage,
          before: before?.status ?? "available",
          after: progress.status,
          passedNow,
          ...(passedNow && question.stage < 6 ? { unlocked: (question.stage + 1) as StageNumber } : {}),
          lessonCompleted: passedNow && stagesAfter.every((s) => s.status === "passed"),
          progress,
          stages: stagesAfter,
        },
        nextDue: new Date(card.due),
        ...(journal ? { journal } : {}),
        quiz,
      });
    });
  }

  // ---- journal and progress --------------------------------------------------------------------

  async journal(learnerId: string, lessonId?: string): Promise<JournalEntry[]> {
    const doc = await this.store.read(learnerId);
    return doc.journal.filter((e) => !lessonId || e.lessonId === lessonId);
  }

  /** The learner's latest stage-2 explanation beside their latest stage-6 reflection. */
  async thenAndNow(
    learnerId: string,
    lessonId: string,
  ): Promise<{ then?: JournalEntry; now?: JournalEntry }> {
    const entries = await this.journal(learnerId, lessonId);
    const then = entries.filter((e) => e.stage === 2).at(-1);
    const now = entries.filter((e) => e.stage === 6).at(-1);
    return { ...(then ? { then } : {}), ...(now ? { now } : {}) };
  }

  async progress(
    learnerId: string,
    options: { weeks?: number; days?: number } = {},
  ): Promise<ProgressSummary> {
    return this.progressOf(learnerId, await this.store.read(learnerId), options);
  }

  private progressOf(
    learnerId: string,
    doc: LearnerDoc,
    options: { weeks?: number; days?: number },
  ): ProgressSummary {
    const weeks = options.weeks ?? 12;
    const days = options.days ?? 7;
    const now = this.now();
    const lessons = this.entries(doc);
    const stagesTotal = lessons.length * STAGE_NUMBERS.length;
    const stagesPassed = lessons.reduce((sum, l) => sum + l.passedStages, 0);
    const today = studyDay(now, this.clock);
    const perDay = new Map<string, number>();
    for (const record of doc.history) {
      // A hand-edited record with an unreadable time counts for nothing rather than breaking the summary.
      if (Number.isNaN(Date.parse(record.at))) continue;
      const day = studyDay(new Date(record.at), this.clock);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const streak = streakOf(new Set(perDay.keys()), today);
    const activity = Array.from({ length: weeks * 7 }, (_, i) => {
      const day = addDays(today, i - weeks * 7 + 1);
      return { day, count: perDay.get(day) ?? 0 };
    });
    const known = Object.entries(doc.cards).filter(([id]) => this.questionIndex.has(id));
    const dueByDay = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
    for (const [, card] of known) {
      const due = new Date(card.due);
      if (Number.isNaN(due.getTime())) continue;
      const day = due <= now ? today : studyDay(due, this.clock);
      const slot = dueByDay.find((d) => d.day === day);
      if (slot) slot.count++;
    }
    return {
      learnerId,
      lessons,
      stagesPassed,
      stagesTotal,
      completion: stagesTotal > 0 ? stagesPassed / stagesTotal : 0,
      streak: { ...streak, studiedToday: perDay.has(today), today },
      xp: xpOf(doc.history),
      answers: doc.history.length,
      activity,
      dueNow: known.filter(([, card]) => isDue(card, now)).length,
      dueByDay,
    };
  }

  // ---- groups ----------------------------------------------------------------------------------

  /** XP per learner: in one Discord server when guildId is given, over the last 7 days or all time. */
  async leaderboard(options: {
    guildId?: string;
    period: "week" | "all";
    limit?: number;
  }): Promise<LeaderboardRow[]> {
    const since = options.period === "week" ? this.now().getTime() - 7 * 86_400_000 : 0;
    const rows: LeaderboardRow[] = [];
    for (const doc of await this.allDocs()) {
      const include = (r: AnswerRecord) =>
        (!options.guildId || r.guildId === options.guildId) && new Date(r.at).getTime() >= since;
      const counted = doc.history.filter(include);
      if (counted.length === 0) continue;
      const stagesPassed = Object.values(doc.passed).reduce(
        (sum, stages) =>
          sum + Object.values(stages ?? {}).filter((at) => at && new Date(at).getTime() >= since).length,
        0,
      );
      rows.push({
        learnerId: doc.learnerId,
        xp: xpOf(doc.history, include),
        answers: counted.length,
        correct: counted.filter((r) => r.correct).length,
        stagesPassed,
      });
    }
    rows.sort((a, b) => b.xp - a.xp || b.correct - a.correct || a.learnerId.localeCompare(b.learnerId));
    return rows.slice(0, options.limit ?? 10);
  }

  /** Which questions are missed most, and which wrong options are chosen most (per server when guildId is given). */
  async stats(options: { guildId?: string; limit?: number } = {}): Promise<QuizStats> {
    const limit = options.limit ?? 10;
    const perQuestion = new Map<string, { wrong: number; total: number }>();
    const perOption = new Map<string, number>();
    let answers = 0;
    for (const doc of await this.allDocs()) {
      for (const r of doc.history) {
        if (options.guildId && r.guildId !== options.guildId) continue;
        const question = this.question(r.questionId);
        if (!question) continue;
        answers++;
        const entry = perQuestion.get(r.questionId) ?? { wrong: 0, total: 0 };
        entry.total++;
        if (!r.correct) entry.wrong++;
        perQuestion.set(r.questionId, entry);
        if ("options" in question && r.selected) {
          for (const option of r.selected) {
            if (question.options[option] && !question.options[option].correct) {
              const key = `${r.questionId}#${option}`;
              perOption.set(key, (perOption.get(key) ?? 0) + 1);
            }
          }
        }
      }
    }
    const mostMissed = [...perQuestion.entries()]
      .filter(([, e]) => e.wrong > 0)
      .map(([questionId, e]) => ({ questionId, lessonId: this.question(questionId)?.lessonId ?? "", ...e }))
      .sort(
        (a, b) =>
          b.wrong - a.wrong ||
          b.wrong / b.total - a.wrong / a.total ||
          a.questionId.localeCompare(b.questionId),
      )
      .slice(0, limit);
    const wrongOptions = [...perOption.entries()]
      .map(([key, count]) => {
        const [questionId, option] = key.split("#") as [string, string];
        const question = this.question(questionId);
        const text = question && "options" in question ? (question.options[Number(option)]?.text ?? "") : "";
        return { questionId, option: Number(option), text, count };
      })
      .sort((a, b) => b.count - a.count || a.questionId.localeCompare(b.questionId))
      .slice(0, limit);
    return { answers, mostMissed, wrongOptions };
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  // ---- internals -------------------------------------------------------------------------------

  private stagesFor(lesson: Lesson, doc: LearnerDoc, latest = latestAnswers(doc)): StageProgress[] {
    return stagesOf(lesson, (s) => this.questionsFor(lesson.id, s), doc, latest, this.passMark);
  }

  /**
   * Runs `work` on the learner's document for a stage they may open: the named one, or their current one.
   * An unknown lesson or stage number, or a locked stage, is refused before anything is written.
   */
  private async inOpenStage<T>(
    learnerId: string,
    lessonId: string,
    stage: number | undefined,
    work: (doc: LearnerDoc, lesson: Lesson, n: StageNumber, stages: StageProgress[]) => Result<T>,
  ): Promise<Result<T>> {
    const found = this.findLesson(lessonId);
    if (!found.ok) return found;
    const lesson = found.value;
    if (stage !== undefined && !isStageNumber(stage)) {
      return refuse("unknown-stage", `There is no stage ${stage}: stages are numbered 1 to 6.`);
    }
    return this.store.update(learnerId, (doc): Result<T> => {
      const stages = this.stagesFor(lesson, doc);
      const n = stage ?? currentStage(stages);
      if (stages[n - 1]?.status === "locked") {
        return refuse("stage-locked", `Stage ${n} of ${lesson.title} is locked: pass stage ${n - 1} first.`);
      }
      return work(doc, lesson, n, stages);
    });
  }

  private index(): void {
    this.questionIndex = new Map();
    this.byStage = new Map();
    for (const quiz of this.catalogData.quizzes) {
      for (const q of quiz.questions) {
        this.questionIndex.set(q.id, q);
        const key = `${q.lessonId}#${q.stage}`;
        const list = this.byStage.get(key);
        if (list) list.push(q);
        else this.byStage.set(key, [q]);
      }
    }
  }

  private entries(doc: LearnerDoc): CatalogEntry[] {
    const latest = latestAnswers(doc);
    const completed = new Set<string>();
    const entries = this.catalogData.lessons.map((lesson) => {
      const stages = this.stagesFor(lesson, doc, latest);
      const passedStages = stages.filter((s) => s.status === "passed").length;
      if (passedStages === STAGE_NUMBERS.length) completed.add(lesson.id);
      return {
        id: lesson.id,
        title: lesson.title,
        summary: lesson.summary,
        tags: lesson.tags,
        prerequisites: lesson.prerequisites,
        prerequisitesMet: false,
        stages,
        passedStages,
        completed: passedStages === STAGE_NUMBERS.length,
        currentStage: currentStage(stages),
      };
    });
    for (const entry of entries) entry.prerequisitesMet = entry.prerequisites.every((p) => completed.has(p));
    return entries;
  }

  private sessionState(doc: LearnerDoc): QuizState | undefined {
    const s = doc.session;
    if (!s) return undefined;
    // Questions removed from the content since the session began are skipped, never a crash.
    const ids = s.questionIds;
    let index = s.index;
    while (index < ids.length && !this.question(ids[index] as string)) index++;
    const question = index < ids.length ? this.question(ids[index] as string) : undefined;
    return {
      mode: s.mode,
      ...(s.lessonId ? { lessonId: s.lessonId } : {}),
      ...(s.stage ? { stage: s.stage } : {}),
      index,
      total: ids.length,
      results: s.results,
      ...(question ? { question } : {}),
      done: question === undefined,
      ...(s.mode === "review" ? { moreDue: this.moreDue(doc, ids.slice(index)) } : {}),
    };
  }

  /** Cards due now other than the ones still ahead in the session. */
  private moreDue(doc: LearnerDoc, ahead: string[]): number {
    const asked = new Set(ahead);
    return this.dueIds(doc).filter((id) => !asked.has(id)).length;
  }

  private dueIds(doc: LearnerDoc): string[] {
    const now = this.now();
    return Object.entries(doc.cards)
      .filter(([id, card]) => this.questionIndex.has(id) && isDue(card, now))
      .sort(([, a], [, b]) => a.due.localeCompare(b.due))
      .map(([id]) => id);
  }

  private async allDocs(): Promise<LearnerDoc[]> {
    const docs: LearnerDoc[] = [];
    for (const id of await this.store.learners()) {
      try {
        docs.push(await this.store.read(id));
      } catch {
        // One unreadable learner file (already moved aside and reported on its own) must not hide the others.
        docs.push(emptyDoc(id, this.now()));
      }
    }
    return docs;
  }
}

function journalKind(stage: StageNumber): JournalKind {
  if (stage === 2) return "explanation";
  if (stage === 4) return "design";
  if (stage === 6) return "reflection";
  return "note";
}

/** The candidate with the smallest edit distance, if it is close enough to be a plausible typo. */
function closest(text: string, candidates: string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = id.includes(text) && text.length >= 3 ? 0 : editDistance(text, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(best.id.length / 2)) ? best.id : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
