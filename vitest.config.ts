import { defineConfig } from "vitest/config";

// Two projects; `npm test` runs both, `vitest run --project unit` (or process) one of them.
// - process: tests that need node processes of their own. They start node (the built bin, the bot's entry
//   points through tsx, concurrent store writers), or, for markdown-colour, need a fresh one: chalk fixes
//   its colour level when it first loads. Each file runs isolated, as vitest does by default.
// - unit: everything else, in workers that keep loaded modules from one test file to the next (isolate:
//   false), so discord.js, Ink and the engine are imported once per worker instead of once per file.
//   Test files must not leave state behind: temp folders go with onTestFinished, spies are restored.
const PROCESS_TESTS = [
  "tests/cli/bin.test.ts",
  "tests/cli/disputes-bin.test.ts",
  "tests/cli/markdown-colour.test.ts",
  "tests/bot/startup.test.ts",
  "tests/bot/shards.test.ts",
  "tests/engine/store-processes.test.ts",
  "tests/cli/data-migrate-bin.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.{ts,tsx}"],
          exclude: PROCESS_TESTS,
          isolate: false,
          // Before Ink loads: lets the terminal tests wait for React to be idle instead of for a duration.
          setupFiles: ["tests/helpers/react-tasks.ts"],
        },
      },
      {
        extends: true,
        // The bin and the bot are bundled once for the run, into a temporary folder (not dist/).
        test: { name: "process", include: PROCESS_TESTS, globalSetup: ["tests/helpers/build-once.ts"] },
      },
    ],
  },
});
