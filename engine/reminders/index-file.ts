/**
 * Who wants reminders: a small JSON file beside the learners' documents (reminders.json in the data folder),
 * learner id -> hour and time zone; or, for a store that keeps it itself (`ProgressStore.reminderIndex`, the
 * PostgreSQL store, shared by every machine), the store's. The scheduler reads only this file each hour, so its cost grows with the
 * learners who opted in, never with every learner. The learner's own document stays the authority: a reminder is
 * claimed there, under the learner's lock, before it is sent; this file only says whom to look at.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { writeAtomically } from "../files/write-atomically.js";
import type { LearnerDoc } from "../progress/model.js";
import type { ProgressStore } from "../progress/store.js";

export interface ReminderEntry {
  hour: number;
  timeZone?: string;
}

export type ReminderIndex = Record<string, ReminderEntry>;

/**
 * The learner's entry as their document has it: their hour, and their zone when they set one, while reminders are
 * on. A store that keeps the index itself, or puts a learner back whole (restore), writes this.
 */
export function reminderEntryOf(doc: LearnerDoc): ReminderEntry | undefined {
  const r = doc.reminders;
  if (!(r?.on === true && Number.isInteger(r.hour) && r.hour >= 0 && r.hour <= 23)) return undefined;
  const zone = doc.settings?.timeZone;
  return typeof zone === "string" && zone !== "" ? { hour: r.hour, timeZone: zone } : { hour: r.hour };
}

/** The store's part: its data folder, and its own index when it keeps one. */
type IndexHolder = Pick<ProgressStore, "dir" | "reminderIndex">;

/** The index of `store`: its own when it keeps one, else reminders.json in its folder. */
export function readIndexOf(store: IndexHolder): Promise<ReminderIndex> {
  return store.reminderIndex ? store.reminderIndex() : readIndex(store.dir);
}

/** Sets one learner's entry in reminders.json; nothing for a store whose index follows the documents. */
export async function setIndexEntryOf(
  store: IndexHolder,
  learnerId: string,
  entry: ReminderEntry | undefined,
): Promise<void> {
  if (!store.reminderIndex) await setIndexEntry(store.dir, learnerId, entry);
}

export const indexPath = (dataDir: string) => join(dataDir, "reminders.json");

export async function readIndex(dataDir: string): Promise<ReminderIndex> {
  let text: string;
  try {
    text = await readFile(indexPath(dataDir), "utf8");
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as ReminderIndex) : {};
  } catch {
    // A damaged index is rebuilt as learners turn reminders on again; their documents still say what they chose.
    return {};
  }
}

/** Sets (or with undefined, removes) one learner's entry, under a lock shared by every process on the folder. */
export async function setIndexEntry(
  dataDir: string,
  learnerId: string,
  entry: ReminderEntry | undefined,
): Promise<void> {
  const file = indexPath(dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: 5_000,
    retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 100 },
  });
  try {
    const index = await readIndex(dataDir);
    if (entry) index[learnerId] = entry;
    else delete index[learnerId];
    await writeAtomically(file, JSON.stringify(index), { durable: true });
  } finally {
    await release().catch(() => undefined);
  }
}
