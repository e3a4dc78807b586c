/**
 * Moves a data folder of the first format (one pretty-printed learners/<encoded id>.json per learner, with every
 * answer inside it) to the current one: a small document and an answer log per learner. Each old file is kept,
 * unchanged, under backup-v1/learners/. Answers that are not answer records (null, a string, a record missing its
 * question) go to a quarantine file beside the new document, with a notice. Runs when a store opens a folder that
 * still has old files, under a folder-wide lock, so two processes starting together migrate once.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StageNumber } from "../content/model.js";
import { writeAtomically } from "../files/write-atomically.js";
import { type DayClock, studyDay } from "../time/study-day.js";
import { isAnswerRecord } from "./doc-check.js";
import { lockFile } from "./lock.js";
import { type AnswerRecord, DOC_VERSION, emptyDoc, type LearnerDoc } from "./model.js";
import { DOC_SUFFIX, fileStem, isDocName, LOG_SUFFIX } from "./names.js";
import { countAnswer } from "./tallies.js";

export const BACKUP_DIR = "backup-v1";

interface MigrateOptions {
  clock: DayClock;
  now: Date;
  staleMs: number;
  notice: (message: string) => void;
}

/** An old learner file: `<encoded id>.json`, not one of ours, not a file moved aside. */
function isOldName(name: string): boolean {
  return name.endsWith(".json") && !isDocName(name) && !name.includes(".quarantine-");
}

/** Returns how many files were migrated. */
export async function migrateOldFiles(
  store: { dir: string; learnersDir: string },
  names: string[],
  options: MigrateOptions,
): Promise<number> {
  if (!names.some(isOldName)) return 0;
  const lock = await lockFile(join(store.dir, "migrating"), { staleMs: options.staleMs });
  let migrated = 0;
  try {
    // Another process may have migrated them while this one waited for the lock.
    const left = (await readdir(store.learnersDir)).filter(isOldName);
    if (left.length === 0) return 0;
    const backup = join(store.dir, BACKUP_DIR, "learners");
    await mkdir(backup, { recursive: true });
    for (const name of left) {
      lock.check();
      const file = join(store.learnersDir, name);
      await migrateFile(store.learnersDir, file, name, options);
      await rename(file, join(backup, name));
      migrated++;
    }
    options.notice(
      `Moved ${migrated} learner file(s) in ${store.learnersDir} to the current format (a small document and an answer log each). The old files are kept in ${backup}.`,
    );
  } finally {
    await lock.release();
  }
  return migrated;
}

async function migrateFile(
  learnersDir: string,
  file: string,
  name: string,
  options: MigrateOptions,
): Promise<void> {
  let data: Record<string, unknown>;
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error("not a JSON object");
    data = parsed as Record<string, unknown>;
  } catch (error) {
    options.notice(
      `${file} could not be read (${(error as Error).message}) and was not migrated; it is kept with the backups.`,
    );
    return;
  }
  const learnerId = typeof data.learnerId === "string" && data.learnerId ? data.learnerId : idFromName(name);
  const { history, ...rest } = data;
  const fresh = emptyDoc(learnerId, options.now);
  const doc: LearnerDoc = {
    ...fresh,
    ...rest,
    learnerId,
    version: DOC_VERSION,
    rev: 0,
    log: { count: 0, bytes: 0 },
    totals: fresh.totals,
    days: {},
    questions: {},
  } as LearnerDoc;
  // The answer that passed a stage is the one recorded at the time the stage was marked passed.
  const passes = new Set<string>();
  for (const [lessonId, stages] of Object.entries((doc.passed ?? {}) as LearnerDoc["passed"])) {
    for (const [stage, at] of Object.entries(stages ?? {})) passes.add(`${lessonId}|${stage}|${at}`);
  }
  const lines: string[] = [];
  const bad: unknown[] = [];
  for (const item of Array.isArray(history) ? history : []) {
    if (!isAnswerRecord(item)) {
      bad.push(item);
      continue;
    }
    const record = { ...(item as AnswerRecord) };
    const at = Date.parse(record.at);
    countAnswer(doc, record, Number.isNaN(at) ? undefined : studyDay(new Date(at), options.clock));
    record.seq = lines.length + 1;
    const pass = `${record.lessonId}|${record.stage as StageNumber}|${record.at}`;
    if (passes.delete(pass)) record.passedStage = true;
    lines.push(`${JSON.stringify(record)}\n`);
  }
  const stem = join(learnersDir, fileStem(learnerId));
  const text = lines.join("");
  const log = `${stem}${LOG_SUFFIX}`;
  await rm(log, { force: true });
  await writeAtomically(log, text, { durable: true });
  doc.log = { count: lines.length, bytes: Buffer.byteLength(text) };
  doc.rev = 1;
  await writeAtomically(`${stem}${DOC_SUFFIX}`, `${JSON.stringify(doc)}\n`, { durable: true });
  if (bad.length > 0) {
    const quarantine = `${stem}.quarantine-${options.now.toISOString().replace(/[:.]/g, "-")}.json`;
    await writeFile(quarantine, `${JSON.stringify({ learnerId, from: file, history: bad }, null, 2)}\n`);
    options.notice(
      `${bad.length} unreadable answer(s) in ${file} (${learnerId}) were not migrated; they are in ${quarantine}.`,
    );
  }
}

/** The id an old file name encodes; the name itself when it is not valid percent-encoding (such as "50%"). */
function idFromName(name: string): string {
  const stem = name.slice(0, -".json".length);
  try {
    return decodeURIComponent(stem);
  } catch {
    return stem;
  }
}
