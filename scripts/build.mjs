// Bundles each front end into one ES module so start-up loads one file, not hundreds of modules.
// Type-checking is `tsc --noEmit` (npm run typecheck); this only bundles.
import { existsSync } from "node:fs";
import { build } from "esbuild";

const entries = [
  { in: "cli/tutor.tsx", out: "dist/tutor.js" },
  { in: "bot/index.ts", out: "dist/bot.js" },
  { in: "bot/deploy.ts", out: "dist/bot-deploy.js" },
].filter((entry) => existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "bundle",
      // Some CommonJS dependencies call require(); give the ES module bundle one.
      banner: {
        js: "#!/usr/bin/env node\nimport { createRequire as __tutorCreateRequire } from 'node:module'; const require = __tutorCreateRequire(import.meta.url);",
      },
      // react-devtools-core is an optional peer of ink, loaded only when DEV=true.
      external: ["react-devtools-core"],
      logLevel: "warning",
      legalComments: "none",
    }),
  ),
);
