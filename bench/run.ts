// `npm run bench`: runs every bench/*.bench.ts in turn. A bench file either does its work when imported,
// or exports a default async function that does it. Each prints its own figures.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts files${only.length > 0 ? ` matching ${only.join(", ")}` : ""}`);
  process.exitCode = 1;
}

for (const name of files) {
  console.log(`\n== ${name}`);
  const mod = (await import(pathToFileURL(join(here, name)).href)) as { default?: unknown };
  if (typeof mod.default === "function") await (mod.default as () => Promise<void>)();
}
