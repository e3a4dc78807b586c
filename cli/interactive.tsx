/** Runs an interactive command: checks for a terminal, opens the engine, renders the app until the learner leaves. */
import { render } from "ink";
import type { Overview, Tutor } from "../engine/index.js";
import { App, loadScreens } from "./app.js";
import { EXIT_FAILED, EXIT_OK } from "./exit-codes.js";
import { keyboard } from "./keyboard.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "./open-tutor.js";
import type { Route } from "./routes.js";
import type { TerminalTutor } from "./terminal-text.js";

/** Ends the command with a message instead of opening the app. */
export interface Stop {
  code: number;
  message: string;
}

export type Launch =
  | {
      /** Checks the command line against the content without changing anything. */
      validate?: (tutor: Tutor) => Stop | undefined;
      /** Decides the first screen; may start a quiz. Runs only with a terminal. */
      start: (tutor: Tutor) => Promise<Route | Stop>;
    }
  /** A screen that needs no checks: its first frame is drawn at once, while the engine loads and reads the lessons. */
  | {
      immediate: Route;
      /** The home screen kept from the last start, if still true: makes the first frame complete. */
      preview?: Promise<Overview | undefined>;
    };

const RENDER_OPTIONS = {
  exitOnCtrlC: true,
  // Each new frame is drawn at once. At Ink's default (30 frames a second) a frame that comes within 34 ms of
  // the one before waits out the rest of that time: the catalog, read some 10 ms after the frame drawn when
  // the engine opened, waited for nothing. These screens change on keys, not in animations.
  maxFps: 0,
};

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
  if ("immediate" in launch) {
    if (!hasTerminal()) return noTerminal(command);
    // The app draws its first frame at once and fills it in when the engine has loaded and read the lessons.
    const preview = await launch.preview;
    const opening = openTutor(globals);
    // The app shows a failure to open (content or store errors); here it only must not go unhandled.
    opening.catch(() => undefined);
    try {
      return await runApp(opening, launch.immediate, preview);
    } finally {
      await (await opening.catch(() => undefined))?.close();
    }
  }
  const tutor = await openTutor(globals);
  try {
    const invalid = launch.validate?.(tutor);
    if (invalid) return stop(invalid);
    if (!hasTerminal()) return noTerminal(command);
    const first = await launch.start(tutor);
    if (isStop(first)) return stop(first);
    // The first frame is that screen's, not a blank one while its module loads.
    await loadScreens();
    return await runApp(tutor, first);
  } finally {
    // Every answer was saved as it was given; this waits for any write still in flight.
    await tutor.close();
  }
}

async function runApp(
  tutor: TerminalTutor | Promise<TerminalTutor>,
  first: Route,
  preview?: Overview,
): Promise<number> {
  const app = render(<App tutor={tutor} learnerId={LEARNER_ID} initial={first} preview={preview} />, {
    ...RENDER_OPTIONS,
    // One key at a time, and only keys: see keyboard.ts.
    stdin: keyboard(process.stdin),
  });
  try {
    await app.waitUntilExit();
    return EXIT_OK;
  } catch (error) {
    // The app has shown the words already; a bug also gets its stack.
    const { describeError } = await import("./errors.js");
    if (!describeError(error))
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT_FAILED;
  }
}

function noTerminal(command: string): number {
  process.stderr.write(
    `tutor: \`${command}\` is interactive and needs a terminal (stdin and stdout must be a TTY).\n` +
      "In scripts and pipes use the plain commands: tutor lessons, tutor progress, tutor journal (each with --json).\n",
  );
  return EXIT_FAILED;
}

function stop(s: Stop): number {
  const stream = s.code === EXIT_OK ? process.stdout : process.stderr;
  stream.write(`${s.code === EXIT_OK ? "" : "tutor: "}${s.message}\n`);
  return s.code;
}
