// `npm start`, `npm run bot`, `npm run bot:deploy`: runs a bundle from dist/, building it first only when it is
// missing or older than any file it is built from. The check is one stat per source file (a few milliseconds),
// so a second start costs what `npx tutor` costs; the bundle then runs in this same process (no second node).
// Usage: node scripts/start.mjs <tutor|bot|bot-deploy> [arguments for the app]
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLES = ["tutor.js", "bot.js", "bot-deploy.js"];
/** What the bundles are built from: the code, the build scripts and what decides the dependencies' versions. */
const SOURCE_DIRS = ["cli", "engine", "bot", "scripts"];
const SOURCE_FILES = ["package.json", "package-lock.json", "tsconfig.json"];

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time among the sources (files and folders, so a deleted file counts too). */
function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    newest = Math.max(newest, mtimeOf(dir) ?? 0);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, mtimeOf(path) ?? 0);
    }
  };
  for (const dir of SOURCE_DIRS) visit(join(root, dir));
  for (const file of SOURCE_FILES) newest = Math.max(newest, mtimeOf(join(root, file)) ?? 0);
  return newest;
}

/** True when some bundle in `root`/dist is missing or older than the newest source. */
export function isStale(root = here) {
  const built = BUNDLES.map((name) => mtimeOf(join(root, "dist", name)));
  if (built.some((t) => t === undefined)) return true;
  return newestSource(root) > Math.min(...built);
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const [, , name = "tutor", ...rest] = process.argv;
  if (!BUNDLES.includes(`${name}.js`)) {
    console.error(`usage: node scripts/start.mjs <tutor|bot|bot-deploy> [arguments]`);
    process.exit(2);
  }
  if (isStale()) {
    console.error("Building the app (the sources changed since the last build)...");
    execFileSync(process.execPath, [join(here, "scripts/build.mjs")], { cwd: here, stdio: "inherit" });
  }
  // The bundle reads its arguments from process.argv as if it had been started itself.
  const bundle = join(here, "dist", `${name}.js`);
  process.argv = [process.argv[0], bundle, ...rest];
  await import(pathToFileURL(bundle).href);
}
