/**
 * A cache of the parsed content, so start-up reads one JSON file instead of lexing every lesson. It is keyed
 * by each content file's path, size and modification time, and by MODEL_VERSION: any edit, added or removed
 * file, or change to the parsed model makes a fresh parse. Only content that passed the check is cached.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomically } from "../files/write-atomically.js";
import { contentStats } from "./content-stats.js";
import type { Catalog } from "./model.js";

/** Bump when the shape of Catalog (or what the parsers put in it, or accept) changes. */
export const MODEL_VERSION = 6;

/** Path, size and modification time of every content file, hashed with the model version. */
export async function fingerprint(root: string): Promise<string> {
  return createHash("sha256")
    .update(`model ${MODEL_VERSION}\n${await contentStats(root)}`)
    .digest("hex");
}

/** One cache file per content folder, named after its path. */
function cacheFile(cacheDir: string, root: string): string {
  return join(cacheDir, `content-${createHash("sha256").update(root).digest("hex").slice(0, 16)}.json`);
}

export async function readCached(cacheDir: string, root: string, key: string): Promise<Catalog | undefined> {
  try {
    const cached = JSON.parse(await readFile(cacheFile(cacheDir, root), "utf8")) as {
      key?: string;
      catalog?: Catalog;
    };
    return cached.key === key ? cached.catalog : undefined;
  } catch {
    // Missing, unreadable or half-written: parse the content instead.
    return undefined;
  }
}

export async function writeCached(
  cacheDir: string,
  root: string,
  key: string,
  catalog: Catalog,
): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    // Not durable: a cache lost to a power cut only costs the next start a parse.
    await writeAtomically(cacheFile(cacheDir, root), JSON.stringify({ key, catalog }), { durable: false });
  } catch {
    // A cache that cannot be written only costs the next start a parse.
  }
}
