/** A learner's own data: all of it as one JSON document to take away, or all of it removed. */
import { rm } from "node:fs/promises";
import type { EngineContext } from "../context.js";
import { setIndexEntryOf } from "../reminders/index-file.js";
import type { LearnerExport } from "../tutor-types.js";
import { snapshotFile } from "./home-snapshot.js";

export const EXPORT_FORMAT = "six-stages-tutor/learner-data";

/** Everything kept about the learner; undefined when nothing is. */
export async function exportData(ctx: EngineContext, learnerId: string): Promise<LearnerExport | undefined> {
  const data = await ctx.store.export(learnerId);
  if (!data) return undefined;
  return { format: EXPORT_FORMAT, version: 1, exportedAt: ctx.now().toISOString(), learnerId, data };
}

/**
 * Removes the learner everywhere: their document (answers, cards, journal, settings), server figures, reminders,
 * and the home screen kept for their next start.
 */
export async function deleteData(ctx: EngineContext, learnerId: string): Promise<boolean> {
  await setIndexEntryOf(ctx.store, learnerId, undefined);
  const removed = await ctx.store.delete(learnerId);
  await rm(snapshotFile(ctx.store.dir, learnerId), { force: true });
  return removed;
}
