/** Where the content is: a small module of its own, so the terminal can find it before the engine loads. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding lessons/ and quizzes/: TUTOR_CONTENT_DIR, else the bundled one, else the working folder. */
export function defaultContentDir(): string {
  if (process.env.TUTOR_CONTENT_DIR) return resolve(process.env.TUTOR_CONTENT_DIR);
  return bundledContentDir() ?? process.cwd();
}

/** The content shipped with the tutor: the nearest folder above this module with lessons/ and package.json. */
export function bundledContentDir(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "lessons")) && existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
