/**
 * Replaces a file all at once: the text goes to a temp file of its own (pid and random suffix, so writers never
 * share one) that is renamed over the target, so a reader sees the old file or the new one, never half of one,
 * and a failed write leaves no temp file behind. A durable write also fsyncs the temp file before the rename
 * and the folder after it, so the new file survives a power cut.
 *
 * Not write-file-atomic: it does not sync the folder, and it reads `__filename`, which the ES module bundle
 * (scripts/build.mjs) does not have, so every save failed there.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

export interface WriteOptions {
  /** Sync to disk before returning: for data that cannot be rebuilt, not for caches. */
  durable: boolean;
  /** Runs after the temp file is written and before it replaces the target; throwing leaves the target as it was. */
  beforeRename?: () => Promise<void>;
}

export async function writeAtomically(
  file: string,
  text: string,
  { durable, beforeRename }: WriteOptions,
): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename?.();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (durable) await syncDir(dirname(file));
}

/** Makes the rename itself durable. Some platforms cannot open a folder for syncing; that is not an error. */
async function syncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Windows and some file systems refuse fsync on a directory.
  } finally {
    await handle?.close();
  }
}
