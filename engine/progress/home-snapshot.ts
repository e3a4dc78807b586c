/**
 * The home screen as last computed, kept so the next start can draw it complete before the engine has loaded.
 * It is used only while it is certainly still true: the content and the learner's file are unchanged (their sizes
 * and modification times are in its key, taken before the learner's file was read) and no card has fallen due and
 * no new study day has begun since (its `validUntil`). Anything else, and the home screen waits for the engine as
 * before. Only the JSON store's learners have one.
 *
 * Reading it loads no node:crypto (milliseconds of the first frame): the snapshot's file is named by a cheap hash
 * of the learner's id, and it names the learner's document (whose name is a SHA-256 of the id) itself.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { cheapHash, contentStats } from "../content/content-stats.js";
import type { Overview } from "../tutor-types.js";

export interface Snapshot {
  /** Whose home screen it is: two ids could share a file name, never a snapshot. */
  learnerId: string;
  /** The learner's document in the learners folder (progress/names.ts), whose size and time are in the key. */
  learnerFile: string;
  key: string;
  validUntil: string;
  overview: Overview;
}

export function snapshotFile(dataDir: string, learnerId: string): string {
  return join(dataDir, "cache", `home-${cheapHash(learnerId)}.json`);
}

/** The learner file's size and time, as the key holds them. */
async function stampOf(dataDir: string, learnerFile: string): Promise<string> {
  const file = await stat(join(dataDir, "learners", learnerFile)).catch(() => undefined);
  return file ? `${file.size} ${file.mtimeMs}` : "none";
}

/** The content's fingerprint and the learner file's size and time: any change to either makes a new key. */
export async function snapshotKey(dataDir: string, contentDir: string, learnerFile: string): Promise<string> {
  const [content, stamp] = await Promise.all([contentStats(contentDir), stampOf(dataDir, learnerFile)]);
  return `${cheapHash(content)} ${stamp}`;
}

/** The snapshot kept for this learner and the stamp of the learner file it names, if there is one. */
async function readKept(
  dataDir: string,
  learnerId: string,
): Promise<{ snapshot: Snapshot; stamp: string } | undefined> {
  const snapshot = JSON.parse(await readFile(snapshotFile(dataDir, learnerId), "utf8")) as Snapshot;
  const file = snapshot.learnerFile;
  if (snapshot.learnerId !== learnerId || typeof file !== "string" || !file || basename(file) !== file) {
    return undefined;
  }
  return { snapshot, stamp: await stampOf(dataDir, file) };
}

/** The home screen kept for this learner, if it is still true at `now`. */
export async function readHomeSnapshot(
  dataDir: string,
  contentDir: string,
  learnerId: string,
  now: Date,
): Promise<Overview | undefined> {
  try {
    const [kept, content] = await Promise.all([readKept(dataDir, learnerId), contentStats(contentDir)]);
    if (!kept) return undefined;
    const { snapshot, stamp } = kept;
    if (snapshot.key !== `${cheapHash(content)} ${stamp}`) return undefined;
    if (!(now.getTime() < Date.parse(snapshot.validUntil))) return undefined;
    return snapshot.overview;
  } catch {
    return undefined;
  }
}
