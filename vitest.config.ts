import { defineConfig } from "vitest/config";

// Tests that start node processes (the built bin, the bot's entry points through tsx, concurrent store
// writers) are their own project: they are slower and sensitive to load, and can be run alone with
// `vitest run --project process`. `npm test` runs both projects.
const PROCESS_TESTS = [
  "tests/cli/bin.test.ts",
  "tests/bot/startup.test.ts",
  "tests/engine/store-processes.test.ts",
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
          // Before Ink loads: lets the terminal tests wait for React to be idle instead of for a duration.
          setupFiles: ["tests/helpers/react-tasks.ts"],
        },
      },
      {
        extends: true,
        test: { name: "process", include: PROCESS_TESTS },
      },
    ],
  },
});
