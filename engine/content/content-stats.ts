/**
 * Path, size and modification time of every content file, one line each: what tells that the content changed.
 * No hashing here (node:crypto costs milliseconds to load): the content cache hashes it, the home snapshot
 * (progress/home-snapshot.ts), read before the first frame, compares a cheap hash of it.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const CONTENT_FOLDERS = ["lessons", "quizzes"];

export async function contentStats(root: string): Promise<string> {
  const lines: string[] = [];
  for (const folder of CONTENT_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    const names = (await readdir(dir)).sort();
    // A dangling link is no content to fingerprint (the check reports it), not a reason to fail.
    const stats = await Promise.all(names.map((name) => stat(join(dir, name)).catch(() => undefined)));
    names.forEach((name, i) => {
      const s = stats[i];
      if (s?.isFile()) lines.push(`${folder}/${name} ${s.size} ${s.mtimeMs}\n`);
    });
  }
  return lines.join("");
}

/** FNV-1a, twice with different offsets: 64 bits, enough to tell that a list of files changed (not a secret). */
export function cheapHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
