/**
 * Runs what `npm run bot` and `npm run bot:deploy` start: the bundles, built once for the run by
 * tests/helpers/build-once.ts into a temporary folder, in a clean environment and an empty working directory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";
import { waitUntil } from "../helpers/wait.js";
import { FIXTURES } from "./harness.js";

const BUNDLES = { bot: "bot.js", "bot:deploy": "bot-deploy.js" } as const;

export interface Run {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they came. */
  output: () => string;
  exit: Promise<number | null>;
  /** Resolves when the output matches (polling; bounded by `ms`, WAIT_MS by default). */
  waitForOutput(pattern: RegExp, ms?: number): Promise<void>;
  /** SIGKILL if still running (for cleanups). */
  kill(): void;
}

export function runBundle(
  script: keyof typeof BUNDLES,
  env: Record<string, string>,
  cwd: string,
  args: string[] = [],
): Run {
  const child = spawn(process.execPath, [join(inject("buildDir"), BUNDLES[script]), ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: cwd,
      TUTOR_CONTENT_DIR: FIXTURES,
      TUTOR_DATA_DIR: join(cwd, "data"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const exit = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  return {
    child,
    output: () => text,
    exit,
    waitForOutput: (pattern, ms) =>
      waitUntil(
        () => pattern.test(text),
        `${pattern} in the output`,
        () => `:\n${text}`,
        ms,
      ),
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
