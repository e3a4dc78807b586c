/**
 * The home screen as last computed, kept so the next start can draw it complete before the engine has loaded.
 * It is used only while it is certainly still true: the content and the learner's file are unchanged (their sizes
 * and modification times are in its key, taken before the learner's file was read) and no card has fallen due and
 * no new study day has begun since (its `validUntil`). Anything else, and the home screen waits for the engine as
 * before. Only the JSON store's learners have one.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { cheapHash, contentStats } from "../content/content-stats.js";
import type { Overview } from "../tutor-types.js";
import { DOC_SUFFIX, fileStem } from "./names.js";

export interface Snapshot {
  key: string;
  validUntil: string;
  overview: Overview;
}

export function snapshotFile(dataDir: string, learnerId: string): string {
  return join(dataDir, "cache", `home-${fileStem(learnerId)}.json`);
}

/** The content's fingerprint and the learner file's size and time: any change to either makes a new key. */
export async function snapshotKey(dataDir: string, contentDir: string, learnerId: string): Promise<string> {
  const file = await stat(join(dataDir, "learners", `${fileStem(learnerId)}${DOC_SUFFIX}`)).catch(
    () => undefined,
  );
  return `${cheapHash(await contentStats(contentDir))} ${file ? `${file.size} ${file.mtimeMs}` : "none"}`;
}

/** The home screen kept for this learner, if it is still true at `now`. */
export async function readHomeSnapshot(
  dataDir: string,
  contentDir: string,
  learnerId: string,
  now: Date,
): Promise<Overview | undefined> {
  try {
    const [text, key] = await Promise.all([
      readFile(snapshotFile(dataDir, learnerId), "utf8"),
      snapshotKey(dataDir, contentDir, learnerId),
    ]);
    const snapshot = JSON.parse(text) as Snapshot;
    if (snapshot.key !== key || !(now.getTime() < Date.parse(snapshot.validUntil))) return undefined;
    return snapshot.overview;
  } catch {
    return undefined;
  }
}
