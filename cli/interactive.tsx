/** Runs an interactive command: checks for a terminal, opens the engine, renders the app until the learner leaves. */
import { render } from "ink";
import type { Tutor } from "../engine/index.js";
import { App } from "./app.js";
import { describeError, EXIT_FAILED, EXIT_OK } from "./errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "./open-tutor.js";
import type { Route } from "./routes.js";

/** Ends the command with a message instead of opening the app. */
export interface Stop {
  code: number;
  message: string;
}

export interface Launch {
  /** Checks the command line against the content without changing anything. */
  validate?: (tutor: Tutor) => Stop | undefined;
  /** Decides the first screen; may start a quiz. Runs only with a terminal. */
  start: (tutor: Tutor) => Promise<Route | Stop>;
}

export function isStop(value: Route | Stop): value is Stop {
  return "code" in value;
}

export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

export async function runInteractive(
  command: string,
  globals: GlobalOptions,
  launch: Launch,
): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const invalid = launch.validate?.(tutor);
    if (invalid) return stop(invalid);
    if (!hasTerminal()) {
      process.stderr.write(
        `tutor: \`${command}\` is interactive and needs a terminal (stdin and stdout must be a TTY).\n` +
          "In scripts and pipes use the plain commands: tutor lessons, tutor progress, tutor journal (each with --json).\n",
      );
      return EXIT_FAILED;
    }
    const first = await launch.start(tutor);
    if (isStop(first)) return stop(first);
    const app = render(<App tutor={tutor} learnerId={LEARNER_ID} initial={first} />, { exitOnCtrlC: true });
    try {
      await app.waitUntilExit();
      return EXIT_OK;
    } catch (error) {
      // The app has shown the words already; a bug also gets its stack.
      if (!describeError(error))
        process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      return EXIT_FAILED;
    }
  } finally {
    // Every answer was saved as it was given; this waits for any write still in flight.
    await tutor.close();
  }
}

function stop(s: Stop): number {
  const stream = s.code === EXIT_OK ? process.stdout : process.stderr;
  stream.write(`${s.code === EXIT_OK ? "" : "tutor: "}${s.message}\n`);
  return s.code;
}
