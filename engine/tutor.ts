/**
 * The facade both front ends call for every use case. It owns the loaded content, the store and the clock, and
 * hands each call to the use-case module that holds its rules (journey/, review/, progress/, groups/, ask/).
 * Rules live there and below, never here and never in cli/ or bot/.
 */

import { basename, join } from "node:path";
import { type AskResult, ask } from "./ask/ask.js";
import { type LlmConfig, llmConfigFromEnv } from "./ask/llm.js";
import type { SectionIndex } from "./ask/search.js";
import { Library } from "./content/library.js";
import { checkContent, defaultContentDir, type LoadResult, loadContent } from "./content/load.js";
import type { Lesson, Question, StageNumber } from "./content/model.js";
import type { EngineContext } from "./context.js";
import { ok, refuse } from "./context.js";
import { ContentError, StoreError } from "./errors.js";
import { type LeaderboardOptions, leaderboard } from "./groups/leaderboard.js";
import { type StatsOptions, stats } from "./groups/stats.js";
import { answer } from "./journey/answer.js";
import { catalogOf } from "./journey/catalog.js";
import { journalOf, thenAndNowOf } from "./journey/journal.js";
import { type NextStepOptions, nextStepOf, resumeQuiz } from "./journey/next-step.js";
import { assessableIn, selfAssess } from "./journey/self-assess.js";
import { sessionState } from "./journey/session.js";
import { attemptAt, openStage, retryMissed, seeAnswers, startQuiz } from "./journey/stage-session.js";
import { DEFAULT_PASS_MARK } from "./journey/stages.js";
import { snapshotKey } from "./progress/home-snapshot.js";
import { writeHomeSnapshot } from "./progress/home-snapshot-write.js";
import type { AnswerRecord, JournalEntry } from "./progress/model.js";
import { databaseSettings, isDatabaseUrl, openStore } from "./progress/open-store.js";
import {
  defaultDataDir,
  JsonProgressStore,
  type ProgressStore,
  type RebuildReport,
} from "./progress/store.js";
import { progressOf, type SummaryOptions } from "./progress/summary.js";
import { overviewValidUntil } from "./progress/valid-until.js";
import { deleteData, exportData } from "./progress/your-data.js";
import type { Grade } from "./quiz/model.js";
import {
  type ClaimedReminder,
  claimReminder,
  remindersToTry,
  setReminders,
  switchOffUnreachable,
  takeReminderNotice,
} from "./reminders/reminders.js";
import { resumeReview, startReview } from "./review/session.js";
import { setTimeZone, settingsOf } from "./settings/settings.js";
import { closest } from "./text/closest.js";
import { stripControls } from "./text/controls.js";
import { timeZonesMatching } from "./time/time-zone.js";
import type {
  AnswerInput,
  AnswerOutcome,
  Assessable,
  AttemptStatus,
  CatalogEntry,
  DisputeReport,
  LeaderboardRow,
  LearnerExport,
  LearnerSettingsView,
  NextStep,
  Overview,
  ProgressSummary,
  QuizState,
  QuizStats,
  ReminderSettings,
  Result,
  Resumed,
  SelfAssessInput,
  SelfAssessOutcome,
  ShownAnswer,
  StageView,
  TutorOptions,
} from "./tutor-types.js";

export class Tutor {
  private readonly ctx: EngineContext;
  private readonly llm: LlmConfig | undefined;
  private searchIndex: SectionIndex | undefined;
  /** Home snapshots being written (progress/home-snapshot.ts). */
  private readonly snapshots = new Set<Promise<void>>();

  private constructor(
    private readonly contentDir: string,
    private readonly cacheDir: string | undefined,
    readonly store: ProgressStore,
    loaded: LoadResult,
    options: TutorOptions,
  ) {
    this.ctx = {
      library: new Library(loaded.catalog),
      store,
      now: options.now ?? (() => new Date()),
      passMark: options.passMark ?? DEFAULT_PASS_MARK,
      clock: { timeZone: options.timeZone, dayStartHour: options.dayStartHour ?? 4 },
      random: options.random ?? Math.random,
    };
    this.llm = options.llm === false ? undefined : (options.llm ?? llmConfigFromEnv());
  }

  /** Loads and checks the content; throws ContentError listing every problem. */
  static async open(options: TutorOptions = {}): Promise<Tutor> {
    const contentDir = options.contentDir ?? defaultContentDir();
    const storeOptions = {
      ...(options.now ? { now: options.now } : {}),
      clock: { timeZone: options.timeZone, dayStartHour: options.dayStartHour ?? 4 },
    };
    const databaseUrl = options.store
      ? undefined
      : options.databaseUrl?.trim() || process.env.TUTOR_DATABASE_URL?.trim() || undefined;
    let store: ProgressStore;
    if (options.store) store = options.store;
    else if (databaseUrl) {
      if (!isDatabaseUrl(databaseUrl)) {
        throw new StoreError(
          "STORE_CONFIG",
          "The database URL should be a PostgreSQL URL such as postgres://user@host:5432/tutor; for a folder, use --data-dir or TUTOR_DATA_DIR.",
          "databaseUrl",
        );
      }
      const { poolSize, statementTimeoutMs } = databaseSettings();
      store = await openStore(databaseUrl, {
        ...storeOptions,
        dataDir: options.dataDir ?? defaultDataDir(),
        poolSize,
        statementTimeoutMs,
      });
    } else store = new JsonProgressStore(options.dataDir ?? defaultDataDir(), storeOptions);
    try {
      const cacheDir = options.contentCache ?? (options.store ? false : join(store.dir, "cache"));
      const loaded = await loadContent(contentDir, cacheDir ? { cacheDir } : {});
      if (loaded.issues.length > 0) throw new ContentError(loaded.issues, contentDir);
      return new Tutor(contentDir, cacheDir || undefined, store, loaded, options);
    } catch (error) {
      if (!options.store) await store.close().catch(() => undefined);
      throw error;
    }
  }

  get dataDir(): string {
    return this.store.dir;
  }

  /** Where progress is kept, for messages: a database's host:port/database (never its password), else the folder. */
  get progressLocation(): string {
    const where = (this.store as { where?: unknown }).where;
    return typeof where === "string" ? where : this.store.dir;
  }

  lessons(): Lesson[] {
    return this.ctx.library.lessons;
  }

  lesson(id: string): Lesson | undefined {
    return this.ctx.library.lesson(id);
  }

  /** By id, or by a title fragment that names one lesson; otherwise a refusal with the closest id. */
  findLesson(text: string): Result<Lesson> {
    return this.ctx.library.findLesson(text);
  }

  question(id: string): Question | undefined {
    return this.ctx.library.question(id);
  }

  questionsFor(lessonId: string, stage: StageNumber): Question[] {
    return this.ctx.library.questionsFor(lessonId, stage);
  }

  /** Re-reads the content. On any problem the old content stays and ContentError lists the problems. */
  async reload(): Promise<{ lessons: number; questions: number }> {
    const loaded = await loadContent(this.contentDir, this.cacheDir ? { cacheDir: this.cacheDir } : {});
    if (loaded.issues.length > 0) throw new ContentError(loaded.issues, this.contentDir);
    this.ctx.library = new Library(loaded.catalog);
    this.searchIndex = undefined;
    return { lessons: loaded.catalog.lessons.length, questions: this.ctx.library.questionCount };
  }

  check(paths: string[] = []): Promise<LoadResult> {
    return checkContent(this.contentDir, paths);
  }

  /** Answers a question from the lessons: ranked passages with their lesson and stage, and a verdict. */
  async ask(question: string): Promise<AskResult> {
    if (!this.searchIndex) {
      // The search index (minisearch) loads with the first question, not with the engine.
      const { SectionIndex } = await import("./ask/search.js");
      this.searchIndex ??= new SectionIndex(this.ctx.library.lessons, this.ctx.library.catalog.synonyms);
    }
    return ask(this.searchIndex, question, this.llm);
  }

  /**
   * Grades a text answer without recording it (`tutor grade`): offline, or for an explain question by the
   * configured model when `model` is set (falling back to offline). Refused for an unknown or a choice question.
   */
  async grade(questionId: string, text: string, options: { model?: boolean } = {}): Promise<Result<Grade>> {
    const question = this.ctx.library.question(questionId);
    if (!question) {
      const near = closest(questionId, [...this.ctx.library.questionIdList()]);
      return refuse(
        "unknown-question",
        `There is no question \`${questionId}\`.${near ? ` Did you mean \`${near}\`?` : ""}`,
      );
    }
    if (!["explain", "short", "numeric"].includes(question.type))
      return refuse(
        "unknown-question",
        `\`${questionId}\` is a ${question.type} question: it takes a choice, not text.`,
      );
    const lesson = this.ctx.library.lesson(question.lessonId) as Lesson;
    const { gradeText } = await import("./quiz/grade-text.js");
    const llm = options.model ? this.llm : undefined;
    return ok(await gradeText(question, lesson, this.ctx.library.catalog.synonyms, stripControls(text), llm));
  }

  /** Whether `ask` answers through a language model. */
  get usesModel(): boolean {
    return this.llm !== undefined;
  }

  async catalog(learnerId: string): Promise<CatalogEntry[]> {
    return catalogOf(this.ctx, await this.store.read(learnerId));
  }

  openStage(learnerId: string, lessonId: string, stage?: number): Promise<Result<StageView>> {
    return openStage(this.ctx, learnerId, lessonId, stage);
  }

  /** What the learner should do next: continue a quiz, do due reviews, read or answer a stage, or nothing. */
  async nextStep(learnerId: string, options: NextStepOptions = {}): Promise<NextStep> {
    return nextStepOf(this.ctx, await this.store.read(learnerId), options);
  }

  /**
   * What a home screen shows, from one read of the learner's file: the catalog, the next step, streak and reviews
   * due. With the JSON store it is also kept as a snapshot for the next start (progress/home-snapshot.ts).
   */
  async overview(learnerId: string): Promise<Overview> {
    const kept = this.cacheDir && this.store instanceof JsonProgressStore ? this.store : undefined;
    // The snapshot names the learner's file, so that reading it needs no hash of the id (progress/names.ts).
    const learnerFile = kept ? basename(kept.pathsOf(learnerId).doc) : "";
    // The key is taken before the read: a write after it changes the file, and so the key the next start sees.
    const key = kept ? await snapshotKey(kept.dir, this.contentDir, learnerFile) : undefined;
    const doc = await this.store.read(learnerId);
    const { lessons, streak, dueNow } = progressOf(this.ctx, learnerId, doc, { weeks: 1, days: 1 });
    const overview = { catalog: lessons, next: nextStepOf(this.ctx, doc, {}, lessons), streak, dueNow };
    if (kept && key !== undefined) {
      const validUntil = overviewValidUntil(this.ctx, doc).toISOString();
      const snapshot = { learnerId, learnerFile, key, validUntil, overview };
      // Not awaited: the home screen does not wait for its own snapshot. close() does.
      const write = writeHomeSnapshot(kept.dir, learnerId, snapshot);
      this.snapshots.add(write);
      void write.finally(() => this.snapshots.delete(write));
    }
    return overview;
  }

  startQuiz(learnerId: string, lessonId: string, stage?: number): Promise<Result<QuizState>> {
    return startQuiz(this.ctx, learnerId, lessonId, stage);
  }

  /** The retry of a stage's missed questions: once, the same study day as the first round, answers still hidden. */
  retryMissed(learnerId: string, lessonId: string, stage: number): Promise<Result<QuizState>> {
    return retryMissed(this.ctx, learnerId, lessonId, stage);
  }

  /** "Give up and see the answers" after an attempt: every answer of the stage, and when to try again. */
  seeAnswers(
    learnerId: string,
    lessonId: string,
    stage: number,
  ): Promise<Result<{ answers: ShownAnswer[]; status: AttemptStatus }>> {
    return seeAnswers(this.ctx, learnerId, lessonId, stage);
  }

  /** Where the learner's attempt at a stage stands: missed questions, retry, when to try again. */
  attempt(learnerId: string, lessonId: string, stage: number): Promise<Result<AttemptStatus>> {
    return attemptAt(this.ctx, learnerId, lessonId, stage);
  }

  /** "Carry on" with no lesson named: the session in progress, else due reviews, else the next stage's quiz. */
  resumeQuiz(
    learnerId: string,
    options: NextStepOptions & { stage?: number } = {},
  ): Promise<Result<Resumed>> {
    return resumeQuiz(this.ctx, learnerId, options);
  }

  /** A new review session of the cards due now, the most overdue first, at most `limit` of them. */
  startReview(learnerId: string, limit?: number): Promise<Result<QuizState>> {
    return startReview(this.ctx, learnerId, limit);
  }

  /** The review in progress, else a new one. */
  resumeReview(learnerId: string): Promise<Result<QuizState>> {
    return resumeReview(this.ctx, learnerId);
  }

  async current(learnerId: string): Promise<QuizState | undefined> {
    return sessionState(this.ctx, await this.store.read(learnerId));
  }

  async endSession(learnerId: string): Promise<void> {
    await this.store.update(learnerId, (doc) => {
      delete doc.session;
    });
  }

  answer(learnerId: string, input: AnswerInput): Promise<Result<AnswerOutcome>> {
    return answer(this.ctx, learnerId, input, this.llm);
  }

  /**
   * Self-assessment of the learner's latest explain answer, as in Anki: disputed key points and a recall rating
   * (again, hard, good, easy) that schedules the review instead of the automatic rating. The rules of what the
   * learner's word may change are in journey/self-assess.ts.
   */
  selfAssess(
    learnerId: string,
    questionId: string,
    input: SelfAssessInput,
  ): Promise<Result<SelfAssessOutcome>> {
    return selfAssess(this.ctx, learnerId, questionId, input);
  }

  /** The learner's explain answer open to self-assessment, if any. */
  async assessment(learnerId: string): Promise<Assessable | undefined> {
    return assessableIn(await this.store.read(learnerId));
  }

  /** For authors: how often learners disputed each key point, per question, with examples; reads only the disputes files. */
  async disputes(): Promise<DisputeReport> {
    const { disputeReport } = await import("./groups/disputes.js");
    return disputeReport(this.store.dir);
  }

  async journal(learnerId: string, lessonId?: string): Promise<JournalEntry[]> {
    return journalOf(await this.store.read(learnerId), lessonId);
  }

  /** The learner's latest stage-2 explanation beside their latest stage-6 reflection. */
  async thenAndNow(
    learnerId: string,
    lessonId: string,
  ): Promise<{ then?: JournalEntry; now?: JournalEntry }> {
    return thenAndNowOf(await this.store.read(learnerId), lessonId);
  }

  async progress(learnerId: string, options: SummaryOptions = {}): Promise<ProgressSummary> {
    return progressOf(this.ctx, learnerId, await this.store.read(learnerId), options);
  }

  /** Every answer the learner gave, oldest first, streamed from their answer log. */
  history(learnerId: string): AsyncIterable<AnswerRecord> {
    return this.store.history(learnerId);
  }

  /** Recounts the server figures (leaderboards, stats) from every learner's answer log. */
  rebuildFigures(): Promise<RebuildReport> {
    return this.store.rebuild();
  }

  async settings(learnerId: string): Promise<LearnerSettingsView> {
    return settingsOf(this.ctx, await this.store.read(learnerId));
  }

  /** The learner's IANA time zone for study days, streaks and reminders; an unknown name is refused. */
  setTimeZone(learnerId: string, zone: string): Promise<Result<LearnerSettingsView>> {
    return setTimeZone(this.ctx, learnerId, zone);
  }

  /** Time zone names matching what was typed so far, for autocomplete. */
  timeZones(text: string, limit?: number): string[] {
    return timeZonesMatching(text, limit);
  }

  /** Daily review reminders on (at a local hour, default 18) or off. */
  setReminders(learnerId: string, on: boolean, hour?: number): Promise<Result<ReminderSettings>> {
    return setReminders(this.ctx, learnerId, on, hour);
  }

  /** Learners whose reminder hour has come today; each must still be claimed before a message is sent. */
  remindersToTry(): Promise<string[]> {
    return remindersToTry(this.ctx);
  }

  /** Today's reminder for the learner, claimed under their lock (so it is sent once), or undefined. */
  claimReminder(learnerId: string): Promise<ClaimedReminder | undefined> {
    return claimReminder(this.ctx, learnerId);
  }

  /** The learner's direct messages are closed: reminders off, with a note for their next command. */
  remindersUnreachable(learnerId: string): Promise<void> {
    return switchOffUnreachable(this.ctx, learnerId);
  }

  /** The note about reminders switched off, once. */
  reminderNotice(learnerId: string): Promise<string | undefined> {
    return takeReminderNotice(this.ctx, learnerId);
  }

  /** Everything kept about the learner as one JSON document; undefined when nothing is kept. */
  exportData(learnerId: string): Promise<LearnerExport | undefined> {
    return exportData(this.ctx, learnerId);
  }

  /** Removes the learner everywhere (progress, journal, settings, reminders, server figures). */
  deleteData(learnerId: string): Promise<boolean> {
    return deleteData(this.ctx, learnerId);
  }

  leaderboard(options: LeaderboardOptions): Promise<LeaderboardRow[]> {
    return leaderboard(this.ctx, options);
  }

  stats(options: StatsOptions = {}): Promise<QuizStats> {
    return stats(this.ctx, options);
  }

  async close(): Promise<void> {
    await Promise.all([...this.snapshots]);
    await this.store.close();
  }
}
