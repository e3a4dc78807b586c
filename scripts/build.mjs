// Bundles each front end into one ES module so start-up loads one file, not hundreds of modules.
// Type-checking is `tsc --noEmit` (npm run typecheck); this only bundles.
// Usage: node scripts/build.mjs [outdir]   (default dist; the tests build into a temporary folder)
import { chmodSync, existsSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { build } from "esbuild";
import { stringWidthPrefilter } from "./string-width-prefilter.mjs";

const outdir = resolve(process.argv[2] ?? "dist");

const entries = [
  // The terminal app is split: the first frame loads the entry and Ink's chunk; the engine, the screens and
  // the markdown renderer load after it, each when first needed.
  { in: "cli/tutor.tsx", out: join(outdir, "tutor.js"), chunks: "tutor-chunks" },
  { in: "bot/index.ts", out: join(outdir, "bot.js") },
  { in: "bot/deploy.ts", out: join(outdir, "bot-deploy.js") },
].filter((entry) => existsSync(entry.in));

const noDevtools = {
  name: "no-devtools",
  setup(b) {
    b.onResolve({ filter: /\/devtools\.js$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/ink/`) ? { path: "ink-devtools", namespace: "stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: 'throw new Error("React devtools are not part of the bundle: run the sources with tsx to use them.");',
    }));
  },
};

for (const entry of entries) if (entry.chunks) rmSync(join(dirname(entry.out), entry.chunks), { recursive: true, force: true });

await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [entry.in],
      ...(entry.chunks
        ? {
            splitting: true,
            outdir: dirname(entry.out),
            entryNames: basename(entry.out, ".js"),
            chunkNames: `${entry.chunks}/[name]-[hash]`,
          }
        : { outfile: entry.out }),
      bundle: true,
      // resvg (the bot's /progress picture) is a native module: loaded from node_modules on first use, never bundled.
      // pg's optional native binding (pg-native) is never used: the pure-JS client is.
      external: ["@resvg/resvg-js", "pg-native"],
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "bundle",
      // Some CommonJS dependencies call require(); give the ES module bundle one.
      banner: {
        js: "#!/usr/bin/env node\nimport { createRequire as __tutorCreateRequire } from 'node:module'; const require = __tutorCreateRequire(import.meta.url);",
      },
      // ink imports its devtools (react-devtools-core, ws) only when DEV=true; in one ES module an external
      // import would be hoisted and fail at start, so the bundle carries a stub that says so instead.
      // string-width builds its emoji regex only when a grapheme could be an emoji: see the plugin.
      plugins: [noDevtools, stringWidthPrefilter],
      // React's production build: the development one is larger, slower and only for debugging.
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "warning",
      legalComments: "none",
    }),
  ),
);

// The entry points run as commands (`npx tutor`, the package's bin): npm sets the executable bit only when it
// installs the package, so a rebuilt dist/tutor.js would otherwise be "Permission denied".
for (const entry of entries) chmodSync(entry.out, 0o755);
