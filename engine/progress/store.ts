/**
 * Where learners' progress lives. `ProgressStore` is the one contract every store implements (tests/engine/
 * store-contract.ts runs against any of them). The JSON store, the embedded default, keeps per learner:
 *
 *   learners/<stem>.doc.json        the small document, compact JSON, replaced whole (temp, fsync, rename)
 *   learners/<stem>.answers.jsonl   the answer log: one AnswerRecord per line, appended and fsynced per answer
 *   servers/answers.jsonl           every answer once more, for the server figures (server-log.ts)
 *
 * <stem> is a safe fixed-length name for the id (names.ts); the id itself is inside the document. A write holds
 * the learner's lock (proper-lockfile) and is fenced: it lands only if the document and log are still the ones it
 * read and the lock was never lost, so a process that stalled past the stale time never overwrites newer data.
 * The log is synced per answer and written first; the document is replaced after it (not synced: recoverLog
 * brings a document that fell behind its log up to date), so an acknowledged answer survives a crash or power cut.
 */
import { readFileSync, statSync } from "node:fs";
import { stat as fsStat, mkdir, readdir, readFile, rename, rm, truncate, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { StoreError } from "../errors.js";
import { appendLines, readLines } from "../files/lines.js";
import { writeAtomically } from "../files/write-atomically.js";
import { type ReminderIndex, readIndex, reminderEntryOf, setIndexEntry } from "../reminders/index-file.js";
import type { DayClock } from "../time/study-day.js";
import { studyDay } from "../time/study-day.js";
import { checkDoc, isAnswerRecord } from "./doc-check.js";
import { Figures, type LeaderboardEntry, type LeaderboardQuery, type QuestionFigure } from "./figures.js";
import { type HeldLock, lockFile } from "./lock.js";
import { migrateOldFiles } from "./migrate-v1.js";
import {
  type AnswerRecord,
  DOC_VERSION,
  type DocWriter,
  type ExportedLearner,
  emptyDoc,
  type LearnerDoc,
} from "./model.js";
import { DOC_SUFFIX, fileStem, isDocName, LOG_SUFFIX } from "./names.js";
import { figureEvent, ServerLog } from "./server-log.js";
import { countAnswer } from "./tallies.js";
import { StoreWork } from "./work-queue.js";

export interface ProgressStore {
  readonly dir: string;
  /** The learner's small document (no history); a new one when the learner has none yet. */
  read(learnerId: string): Promise<LearnerDoc>;
  /**
   * Read-modify-write under the learner's lock: `fn` changes the fresh document and may append answers to the
   * log through `writer`; both land together or not at all. Returns what `fn` returns.
   */
  update<T>(learnerId: string, fn: (doc: LearnerDoc, writer: DocWriter) => T): Promise<T>;
  /** The learner's answers, oldest first, streamed from the log. */
  history(learnerId: string): AsyncIterable<AnswerRecord>;
  /** Ids of every learner with a document (reads every document: for maintenance, not for requests). */
  learners(): Promise<string[]>;
  /** XP per learner over every answer, or one server's, since a time or all time; the top `limit` rows. */
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardEntry[]>;
  /** Per question: answers, wrong answers, options chosen; over every answer or one server's. */
  questionFigures(guildId?: string): Promise<QuestionFigure[]>;
  /** Recounts the server figures from every learner's log. */
  rebuild(): Promise<RebuildReport>;
  /**
   * Everything kept about the learner, as one JSON-ready document (the answer history included), read under the
   * learner's lock; undefined when nothing is kept. Reads only: a learner with no data gets no file for asking.
   */
  export(learnerId: string): Promise<ExportedLearner | undefined>;
  /**
   * Replaces everything kept about the learner with `learner` (an export: the document and its history exactly as
   * given, seq, xp and unknown fields kept). Idempotent. Server figures include the restored answers once rebuild()
   * has run (migrate calls it once at the end); a store may keep them exact at once.
   */
  restore(learner: ExportedLearner): Promise<void>;
  /**
   * Removes everything kept about the learner, under their lock, and their part in every server figure; true when
   * there was something to remove. A later read starts a new, empty learner.
   */
  delete(learnerId: string): Promise<boolean>;
  /** Resolves when every read and write started so far has finished (and let go of its lock). */
  close(): Promise<void>;
  /**
   * Who asked for daily reminders, for a store that keeps this itself, shared by every process and machine using
   * it (the PostgreSQL store reads it from the documents). Absent: the engine keeps reminders.json in `dir`.
   */
  reminderIndex?(): Promise<ReminderIndex>;
}

export interface RebuildReport {
  learners: number;
  answers: number;
  /** Documents or log lines that could not be read, with why; left where they are. */
  skipped: string[];
}

export interface StoreOptions {
  now?: () => Date;
  /** The study days of answers migrated from an old folder. Default: this machine's zone, days from 4 a.m. */
  clock?: DayClock;
  /** A lock not refreshed for this long is taken over by another process. Default 10 s. */
  lockStaleMs?: number;
  /** Where notices go (a torn line dropped, records quarantined, a folder migrated). Default: console.warn. */
  onNotice?: (message: string) => void;
}

export { defaultDataDir } from "./data-dir.js";

export function corruptName(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
}

const READ_ONLY = new Set(["EACCES", "EPERM", "EROFS"]);
/** A temp file of a writer that is gone (writeAtomically names them <file>.<pid>.<hex>.tmp). */
const TEMP = /\.(\d+)\.[0-9a-f]+\.tmp$/;
const TEMP_MAX_AGE_MS = 3_600_000;

interface Cached {
  stamp: string;
  text: string;
  doc: LearnerDoc;
}

export class JsonProgressStore implements ProgressStore {
  readonly learnersDir: string;
  readonly server: ServerLog;
  private readonly now: () => Date;
  private readonly staleMs: number;
  private readonly notice: (message: string) => void;
  private readonly clock: DayClock;
  private readonly work = new StoreWork();
  /**
   * Parsed documents with the file identity and text they were read from. A read without the lock reuses one while
   * the file's identity (inode, size, mtime) is unchanged; a write compares the text itself, which holds the
   * revision, so a reused inode number within the clock's granularity can never pass an old document for new.
   */
  private readonly cache = new Map<string, Cached>();
  private opened: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    options: StoreOptions = {},
  ) {
    this.learnersDir = join(dir, "learners");
    this.now = options.now ?? (() => new Date());
    this.staleMs = options.lockStaleMs ?? 10_000;
    this.notice = options.onNotice ?? ((message) => console.warn(`tutor store: ${message}`));
    this.clock = options.clock ?? { dayStartHour: 4 };
    this.server = new ServerLog(join(dir, "servers"), this.notice);
  }

  pathsOf(learnerId: string): { doc: string; log: string } {
    const stem = join(this.learnersDir, fileStem(learnerId));
    return { doc: `${stem}${DOC_SUFFIX}`, log: `${stem}${LOG_SUFFIX}` };
  }

  read(learnerId: string): Promise<LearnerDoc> {
    return this.work.track(
      (async () => {
        await this.open();
        return structuredClone((await this.load(learnerId, undefined)).doc);
      })(),
    );
  }

  update<T>(learnerId: string, fn: (doc: LearnerDoc, writer: DocWriter) => T): Promise<T> {
    return this.work.serially(learnerId, async () => {
      await this.open();
      const lock = await lockFile(this.pathsOf(learnerId).doc, { staleMs: this.staleMs });
      try {
        return await this.write(learnerId, lock, fn);
      } finally {
        await lock.release();
      }
    });
  }

  async *history(learnerId: string): AsyncGenerator<AnswerRecord> {
    yield* this.answersOf(learnerId, await this.read(learnerId));
  }

  /** The answers `doc` counts: its log up to where the document says it ends (the log only ever grows). */
  private async *answersOf(learnerId: string, doc: LearnerDoc): AsyncGenerator<AnswerRecord> {
    let skipped = 0;
    for await (const line of readLines(this.pathsOf(learnerId).log, 0, doc.log.bytes)) {
      let record: unknown;
      try {
        record = JSON.parse(line.text);
      } catch {
        record = undefined;
      }
      if (isAnswerRecord(record)) yield record as AnswerRecord;
      else skipped++;
    }
    if (skipped > 0) {
      this.notice(`${skipped} unreadable answer(s) in ${this.pathsOf(learnerId).log} were skipped.`);
    }
  }

  /**
   * Throws STORE_CORRUPT, naming the files, when a document cannot be read or names no learner: a list without
   * them would let `tutor data migrate` leave learners behind without a word.
   */
  async learners(): Promise<string[]> {
    await this.open();
    const ids: string[] = [];
    const unreadable: { file: string; why: string }[] = [];
    for (const name of await this.names()) {
      if (!isDocName(name)) continue;
      const file = join(this.learnersDir, name);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        // Deleted since the folder was listed: not a learner any more.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw ioError(file, error);
      }
      if (text === "") continue;
      try {
        const data = JSON.parse(text) as { learnerId?: unknown };
        if (typeof data?.learnerId === "string") ids.push(data.learnerId);
        else unreadable.push({ file, why: "it names no learner" });
      } catch (error) {
        unreadable.push({ file, why: (error as Error).message });
      }
    }
    if (unreadable.length > 0) {
      throw new StoreError(
        "STORE_CORRUPT",
        `${unreadable.length} learner document(s) could not be read, so the list of learners would be incomplete: ${unreadable
          .slice(0, 5)
          .map((u) => `${u.file} (${u.why})`)
          .join(
            "; ",
          )}${unreadable.length > 5 ? "; ..." : ""}. Repair them, or move them out of ${this.learnersDir}, and try again.`,
        unreadable.length === 1 ? (unreadable[0]?.file as string) : this.learnersDir,
      );
    }
    return ids;
  }

  async leaderboard(query: LeaderboardQuery): Promise<LeaderboardEntry[]> {
    await this.open();
    return (await this.work.track(this.server.current())).leaderboard(query);
  }

  async questionFigures(guildId?: string): Promise<QuestionFigure[]> {
    await this.open();
    return (await this.work.track(this.server.current())).questions(guildId);
  }

  async rebuild(): Promise<RebuildReport> {
    await this.open();
    return this.recount();
  }

  private async recount(): Promise<RebuildReport> {
    const offset = await this.server.size();
    const figures = new Figures();
    const report: RebuildReport = { learners: 0, answers: 0, skipped: [] };
    for (const name of await this.names()) {
      if (!isDocName(name)) continue;
      const file = join(this.learnersDir, name);
      const checked = checkDoc(await readFile(file, "utf8").catch(() => ""), "", this.now());
      if (!checked.ok || !checked.doc.learnerId) {
        report.skipped.push(`${file}: ${checked.ok ? "it names no learner" : checked.reason}`);
        continue;
      }
      const { doc } = checked;
      report.learners++;
      const log = file.slice(0, -DOC_SUFFIX.length) + LOG_SUFFIX;
      let bad = 0;
      for await (const line of readLines(log, 0, doc.log.bytes)) {
        let record: unknown;
        try {
          record = JSON.parse(line.text);
        } catch {
          record = undefined;
        }
        if (!isAnswerRecord(record)) {
          bad++;
          continue;
        }
        figures.add(figureEvent(doc.learnerId, record as AnswerRecord));
        report.answers++;
      }
      if (bad > 0) report.skipped.push(`${log}: ${bad} unreadable line(s)`);
    }
    await this.server.replace(figures, offset);
    return report;
  }

  async close(): Promise<void> {
    await this.work.drained();
  }

  /** Everything kept about the learner, the answer history included; undefined when nothing is kept. */
  async export(learnerId: string): Promise<ExportedLearner | undefined> {
    await this.open();
    if ((await stampOf(this.pathsOf(learnerId).doc)) === "none") return undefined;
    // One reading of the document, and the log up to where it ends: the history is the one the document counts,
    // even when the learner answers while this runs. A learner read only to be exported (migrate reads every one)
    // is not kept in the cache, so memory does not grow with the learners exported.
    const cached = this.cache.has(learnerId);
    try {
      const doc = await this.read(learnerId);
      const history: AnswerRecord[] = [];
      for await (const record of this.answersOf(learnerId, doc)) history.push(record);
      return { ...doc, history };
    } finally {
      if (!cached) this.cache.delete(learnerId);
    }
  }

  /**
   * Removes the learner's document, answer log and any copies moved aside, under their lock and after any write
   * of theirs already started; then recounts the server figures without them (a full recount: deleting a learner is
   * rare, and their answers cannot be taken out of the shared server log one by one).
   */
  delete(learnerId: string): Promise<boolean> {
    return this.work.serially(learnerId, async () => {
      await this.open();
      const paths = this.pathsOf(learnerId);
      const stem = basename(paths.doc).slice(0, -DOC_SUFFIX.length);
      const lock = await lockFile(paths.doc, { staleMs: this.staleMs });
      let removed = false;
      try {
        for (const name of await this.names()) {
          if (
            name !== `${stem}${DOC_SUFFIX}` &&
            name !== `${stem}${LOG_SUFFIX}` &&
            !name.startsWith(`${stem}.`)
          )
            continue;
          if (name.endsWith(".lock")) continue;
          await rm(join(this.learnersDir, name), { force: true });
          removed = true;
        }
        this.cache.delete(learnerId);
      } finally {
        await lock.release();
      }
      if (removed) await this.recount();
      return removed;
    });
  }

  /**
   * Replaces the learner's answer log and then their document with the export's, each written whole (temp file,
   * fsync, rename), under their lock and fenced: if another process changed either file while this one held the
   * lock, the write is refused. The document is kept as given (revision, tallies, unknown fields), but for its
   * place in the log, which is this store's own: the restored log's length and size. The server figures are not
   * touched (the learner's old answers cannot be taken out of them one by one): rebuild() counts the restored ones.
   * A crash between the two renames leaves the new log under the old document; restoring again sets both right.
   */
  restore(learner: ExportedLearner): Promise<void> {
    const { history, ...given } = learner;
    const learnerId = given.learnerId;
    const problem = restoreProblem(learner);
    if (problem) {
      return Promise.reject(
        new StoreError(
          "STORE_CORRUPT",
          `The data of learner ${JSON.stringify(learnerId)} cannot be restored: ${problem}. Nothing was written.`,
          typeof learnerId === "string" ? this.pathsOf(learnerId).doc : this.dir,
        ),
      );
    }
    return this.work.serially(learnerId, async () => {
      await this.open();
      const paths = this.pathsOf(learnerId);
      const lock = await lockFile(paths.doc, { staleMs: this.staleMs });
      try {
        const docBefore = docText(paths.doc);
        const fence = async (logSize: number) => {
          lock.check();
          if (docText(paths.doc) !== docBefore || (await sizeOf(paths.log)) !== logSize) {
            throw new StoreError(
              "STORE_LOCK_LOST",
              `Another process changed ${paths.doc} while this process held its lock (the lock was taken over after a stall), so the restore was refused rather than overwrite newer progress.`,
              paths.doc,
            );
          }
        };
        const logText = history.map((record) => `${JSON.stringify(record)}\n`).join("");
        const bytes = Buffer.byteLength(logText);
        const logBefore = await sizeOf(paths.log);
        await writeAtomically(paths.log, logText, { durable: true, beforeRename: () => fence(logBefore) });
        // The next answer is numbered after every restored one, even when the history has gaps in its numbers.
        const count = history.reduce(
          (n, r) => Math.max(n, typeof r.seq === "number" ? r.seq : 0),
          history.length,
        );
        const doc: LearnerDoc = { ...given, log: { count, bytes } };
        const text = `${JSON.stringify(doc)}\n`;
        await writeAtomically(paths.doc, text, { durable: true, beforeRename: () => fence(bytes) });
        // Not cached: a migration restores every learner, and the next read finds the file.
        this.cache.delete(learnerId);
        // The reminder check reads reminders.json, not the documents: keep the learner's entry as the document has it
        // (written only when it differs, so a migration of learners without reminders never rewrites the file).
        const entry = reminderEntryOf(doc);
        if (JSON.stringify((await readIndex(this.dir))[learnerId]) !== JSON.stringify(entry))
          await setIndexEntry(this.dir, learnerId, entry);
      } catch (error) {
        throw error instanceof StoreError ? error : ioError(paths.doc, error);
      } finally {
        await lock.release();
      }
    });
  }

  /** Once per store: the folder made, an old-format folder migrated, temp files of dead writers removed. */
  private open(): Promise<void> {
    this.opened ??= (async () => {
      try {
        await mkdir(this.learnersDir, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new StoreError(
          READ_ONLY.has(code) ? "STORE_READ_ONLY" : "STORE_IO",
          `Could not use ${this.dir} as the data folder (${code}). Point --data-dir or TUTOR_DATA_DIR at a folder you can write to.`,
          this.dir,
          undefined,
          { cause: error },
        );
      }
      const names = await this.names();
      await this.removeStaleTemps(this.learnersDir, names);
      await this.removeStaleTemps(this.server.dir, await readdir(this.server.dir).catch(() => []));
      const migrated = await migrateOldFiles(this, names, {
        clock: this.clock,
        now: this.now(),
        staleMs: this.staleMs,
        notice: this.notice,
      });
      if (migrated > 0) await this.recount();
    })();
    // A failed open (a folder that cannot be used) is tried again by the next call.
    this.opened.catch(() => {
      this.opened = undefined;
    });
    return this.opened;
  }

  private async names(): Promise<string[]> {
    return readdir(this.learnersDir).catch(() => []);
  }

  private async removeStaleTemps(dir: string, names: string[]): Promise<void> {
    const cutoff = Date.now() - TEMP_MAX_AGE_MS;
    for (const name of names) {
      const pid = TEMP.exec(name)?.[1];
      if (!pid) continue;
      const file = join(dir, name);
      const old = await fsStat(file).then(
        (s) => s.mtimeMs < cutoff,
        () => false,
      );
      if (Number(pid) === process.pid || (!old && isAlive(Number(pid)))) continue;
      await rm(file, { force: true }).catch(() => undefined);
    }
  }

  /**
   * The learner's document, from the cache while the file is unchanged. Bad records are quarantined and a
   * document that cannot be used is moved aside, both under the lock (taken here when `lock` is not given).
   */
  private async load(
    learnerId: string,
    lock: HeldLock | undefined,
  ): Promise<{ doc: LearnerDoc; text: string }> {
    const { doc: file } = this.pathsOf(learnerId);
    const stamp = await stampOf(file);
    const cached = this.cache.get(learnerId);
    if (!lock && cached && cached.stamp === stamp) return cached;
    if (stamp === "none") {
      this.cache.delete(learnerId);
      return { doc: emptyDoc(learnerId, this.now()), text: "" };
    }
    let text: string;
    try {
      text = docText(file);
      if (text === "") return { doc: emptyDoc(learnerId, this.now()), text: "" };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return { doc: emptyDoc(learnerId, this.now()), text: "" };
      throw new StoreError(
        "STORE_IO",
        `Could not read ${file}: ${(error as Error).message}`,
        file,
        undefined,
        {
          cause: error,
        },
      );
    }
    if (cached && cached.text === text) return cached;
    const checked = checkDoc(text, learnerId, this.now());
    if (checked.ok && !checked.bad) {
      checked.doc.learnerId ||= learnerId;
      // The stamp was taken before the read: a write in between only makes the next look miss the cache.
      const fresh = { stamp, text, doc: checked.doc };
      this.cache.set(learnerId, fresh);
      return fresh;
    }
    if (!lock) {
      const held = await lockFile(file, { staleMs: this.staleMs });
      try {
        return await this.load(learnerId, held);
      } finally {
        await held.release();
      }
    }
    this.cache.delete(learnerId);
    const movedTo = corruptName(file, this.now());
    if (!checked.ok) {
      const { log } = this.pathsOf(learnerId);
      await rename(file, movedTo);
      await rename(log, corruptName(log, this.now())).catch(() => undefined);
      throw new StoreError(
        "STORE_CORRUPT",
        `The progress file ${file} could not be read: ${checked.reason}. It was moved aside to ${movedTo}, with its answer log beside it, and nothing in them was deleted; the next start begins fresh progress. Repair the moved file and put both back to restore that progress.`,
        file,
        movedTo,
      );
    }
    const bad = checked.bad as NonNullable<typeof checked.bad>;
    const quarantine = `${file.slice(0, -DOC_SUFFIX.length)}.quarantine-${this.now().toISOString().replace(/[:.]/g, "-")}.json`;
    await writeFile(quarantine, `${JSON.stringify({ learnerId, from: file, ...bad }, null, 2)}\n`);
    const doc = checked.doc;
    doc.rev++;
    lock.check();
    await writeAtomically(file, `${JSON.stringify(doc)}\n`, { durable: true });
    const count = Object.keys(bad.cards).length + bad.journal.length;
    throw new StoreError(
      "STORE_CORRUPT",
      `${count} unreadable record(s) in the progress file ${file} (${describeBad(bad)}) were moved to ${quarantine}; the rest of the progress is kept. Try again; repair the records and put them back to restore them.`,
      file,
      quarantine,
    );
  }

  private async write<T>(
    learnerId: string,
    lock: HeldLock,
    fn: (doc: LearnerDoc, writer: DocWriter) => T,
  ): Promise<T> {
    const paths = this.pathsOf(learnerId);
    const loaded = await this.load(learnerId, lock);
    const { doc, bytes: logBytes, recovered } = await this.recoverLog(paths.log, loaded.doc);
    const working = structuredClone(doc);
    const records: AnswerRecord[] = [];
    const result = fn(working, { append: (record) => records.push(record) });
    if (!recovered && records.length === 0 && JSON.stringify(working) === JSON.stringify(doc)) return result;

    // Fenced: the document must still be the one read under the lock, and the log the size it was.
    const fence = async (logSize: number) => {
      lock.check();
      const now = docText(paths.doc);
      if (now !== loaded.text || (await sizeOf(paths.log)) !== logSize) {
        throw new StoreError(
          "STORE_LOCK_LOST",
          `Another process changed ${paths.doc} while this process held its lock (the lock was taken over after a stall), so this write was refused rather than overwrite newer progress.`,
          paths.doc,
        );
      }
    };
    let bytes = logBytes;
    if (records.length > 0) {
      records.forEach((record, i) => {
        record.seq = doc.log.count + i + 1;
      });
      lock.check();
      const text = records.map((r) => `${JSON.stringify(r)}\n`).join("");
      const size = await appendLines(paths.log, text, { durable: true, expectedSize: logBytes }).catch(
        (error) => {
          throw ioError(paths.log, error);
        },
      );
      if (size === undefined) await fence(logBytes);
      bytes = size as number;
    }
    working.version = DOC_VERSION;
    working.rev = doc.rev + 1;
    working.log = { count: doc.log.count + records.length, bytes };
    // Not synced: the answer log (synced above) is what makes an answer durable. A document that a power cut
    // takes back to an older revision is brought up to date from the log by the next write (recoverLog).
    const text = `${JSON.stringify(working)}\n`;
    await writeAtomically(paths.doc, text, {
      durable: false,
      beforeRename: () => fence(bytes),
    }).catch((error) => {
      throw error instanceof StoreError ? error : ioError(paths.doc, error);
    });
    this.cache.set(learnerId, { stamp: await stampOf(paths.doc), text, doc: working });
    await this.publish(learnerId, doc.log.count, records);
    return result;
  }

  /**
   * The answer log is written (and synced) before the document, so after a crash or a power cut it can be ahead of
   * the document. Whole answers past what the document counts are counted into it (the answer was saved; what the
   * document would have changed besides, such as the card, was not); a torn last line, a write cut short, is
   * dropped. Both with a notice.
   */
  private async recoverLog(
    log: string,
    doc: LearnerDoc,
  ): Promise<{ doc: LearnerDoc; bytes: number; recovered: boolean }> {
    const size = await sizeOf(log);
    if (size < doc.log.bytes) {
      this.notice(
        `${log} is ${doc.log.bytes - size} byte(s) shorter than its document says: answers were removed from it outside the tutor. New answers are added after what is left.`,
      );
    }
    if (size <= doc.log.bytes) return { doc, bytes: size, recovered: false };
    const adopted = structuredClone(doc);
    let count = 0;
    for await (const line of readLines(log, doc.log.bytes, size)) {
      let record: AnswerRecord | undefined;
      try {
        record = JSON.parse(line.text) as AnswerRecord;
      } catch {
        break;
      }
      if (!isAnswerRecord(record) || record.seq !== adopted.log.count + 1) break;
      const at = Date.parse(record.at);
      countAnswer(adopted, record, Number.isNaN(at) ? undefined : studyDay(new Date(at), this.clock));
      adopted.log = { count: adopted.log.count + 1, bytes: line.end };
      count++;
    }
    if (count > 0) {
      this.notice(
        `Counted ${count} answer(s) at the end of ${log} that were saved in the answer log but not yet in the learner's document (the program stopped between the two).`,
      );
    }
    if (adopted.log.bytes < size) {
      await truncate(log, adopted.log.bytes);
      this.notice(
        `Dropped ${size - adopted.log.bytes} byte(s) at the end of ${log}: an answer whose saving was cut short (the program stopped mid-write), never confirmed.`,
      );
    }
    return { doc: count > 0 ? adopted : doc, bytes: adopted.log.bytes, recovered: true };
  }

  /**
   * Adds the answers to the server figures, with any earlier ones of this learner the figures lack (a crash
   * between saving and publishing). A failure here loses nothing: the next write or `tutor data rebuild` fills it.
   */
  private async publish(learnerId: string, countBefore: number, records: AnswerRecord[]): Promise<void> {
    try {
      const figures = await this.server.current();
      const events = [];
      const have = figures.publishedOf(learnerId);
      if (have < countBefore) {
        for await (const record of this.history(learnerId)) {
          const seq = record.seq ?? 0;
          if (seq > have && seq <= countBefore) events.push(figureEvent(learnerId, record));
        }
      }
      for (const record of records) events.push(figureEvent(learnerId, record));
      await this.server.publish(events);
    } catch (error) {
      this.notice(
        `The answer was saved, but the server figures could not be updated (${(error as Error).message}); \`tutor data rebuild\` recounts them.`,
      );
    }
  }
}

/** Why an export cannot be restored as it is, or undefined when it can. */
function restoreProblem(learner: ExportedLearner): string | undefined {
  if (typeof learner?.learnerId !== "string") return "it names no learner";
  if (!Array.isArray(learner.history)) return 'its "history" is not a list';
  const bad = learner.history.findIndex((record) => !isAnswerRecord(record));
  if (bad !== -1) return `answer ${bad + 1} of its history is not an answer record`;
  const { history: _, ...doc } = learner;
  const checked = checkDoc(JSON.stringify(doc), learner.learnerId, new Date());
  if (!checked.ok) return checked.reason;
  if (checked.bad) return "it holds unreadable review cards or journal entries";
  return undefined;
}

function describeBad(bad: { cards: Record<string, unknown>; journal: unknown[] }): string {
  const parts = [];
  const cards = Object.keys(bad.cards);
  if (cards.length > 0) parts.push(`review card${cards.length === 1 ? "" : "s"} of ${cards.join(", ")}`);
  if (bad.journal.length > 0)
    parts.push(`${bad.journal.length} journal entr${bad.journal.length === 1 ? "y" : "ies"}`);
  return parts.join("; ");
}

function ioError(file: string, error: unknown): StoreError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return new StoreError(
    READ_ONLY.has(code) ? "STORE_READ_ONLY" : "STORE_IO",
    `Could not save ${file}: ${(error as Error).message}`,
    file,
    undefined,
    { cause: error },
  );
}

// The small reads of a write (a stat, a document of a few kilobytes) are synchronous: microseconds each, where a
// trip through libuv's thread pool costs far more on a busy machine, and a write makes several. The answer log's
// append and sync, and reads that grow with data, stay asynchronous.

/** Which file is there now: every write renames a new file into place, so this changes with every write. */
async function stampOf(file: string): Promise<string> {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.ino}:${s.size}:${s.mtimeNs}` : "none";
}

async function sizeOf(file: string): Promise<number> {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

/** A learner's document as text ("" when there is none). */
function docText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
