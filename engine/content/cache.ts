/**
 * A cache of the parsed content, so start-up reads one JSON file instead of lexing every lesson. It is keyed
 * by each content file's path, size and modification time, and by MODEL_VERSION: any edit, added or removed
 * file, or change to the parsed model makes a fresh parse. Only content that passed the check is cached.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomically } from "../files/write-atomically.js";
import type { Catalog } from "./model.js";

/** Bump when the shape of Catalog (or what the parsers put in it, or accept) changes. */
export const MODEL_VERSION = 6;

const CONTENT_FOLDERS = ["lessons", "quizzes"];

/** Path, size and modification time of every content file, hashed with the model version. */
export async function fingerprint(root: string): Promise<string> {
  const hash = createHash("sha256").update(`model ${MODEL_VERSION}\n`);
  for (const folder of CONTENT_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    const names = (await readdir(dir)).sort();
    // A dangling link is no content to fingerprint (the check reports it), not a reason to fail.
    const stats = await Promise.all(names.map((name) => stat(join(dir, name)).catch(() => undefined)));
    names.forEach((name, i) => {
      const s = stats[i];
      if (s?.isFile()) hash.update(`${folder}/${name} ${s.size} ${s.mtimeMs}\n`);
    });
  }
  return hash.digest("hex");
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
