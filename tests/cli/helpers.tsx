// Shared by the terminal tests: a real engine over the small fixture content and a temp data folder,
// the app rendered with ink-testing-library, keys, and waiting for a frame or for React to be idle (never
// for a duration).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, render } from "ink-testing-library";
import stripAnsi from "strip-ansi";
import { afterEach, beforeEach } from "vitest";
import { App } from "../../cli/app.js";
import type { Route } from "../../cli/routes.js";
import { terminalSafe } from "../../cli/terminal-text.js";
import { type Question, type Response, Tutor } from "../../engine/index.js";
import { rightResponse } from "../helpers/answers.js";
import { AS_WRITTEN } from "../helpers/engine.js";
import { reactBusy } from "../helpers/react-tasks.js";
import { expectOk } from "../helpers/result.js";
import { WAIT_MS, waitUntil } from "../helpers/wait.js";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "cli");
export const LEARNER = "local";

export const KEY = {
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  enter: "\r",
  escape: "\u001b",
  space: " ",
  tab: "\t",
  ctrlD: "\u0004",
  backspace: "\u007f",
} as const;

export interface Harness {
  tutor: Tutor;
  dataDir: string;
  /** Re-opens the engine on the same data, as the next start of the app would. */
  reopen(now?: () => Date): Promise<Tutor>;
  cleanup(): Promise<void>;
}

export async function openHarness(now?: () => Date): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "tutor-cli-test-"));
  const opened: Tutor[] = [];
  const open = async (clock?: () => Date) => {
    const tutor = await Tutor.open({
      contentDir: FIXTURES,
      dataDir,
      random: AS_WRITTEN,
      ...(clock ? { now: clock } : {}),
    });
    opened.push(tutor);
    return tutor;
  };
  const tutor = await open(now);
  return {
    tutor,
    dataDir,
    reopen: open,
    async cleanup() {
      for (const t of opened) await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh harness for each test of the file, and the app unmounted and the data folder removed after it.
 * Read it inside tests: `h.tutor` is the current test's engine.
 */
export function harnessPerTest(): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await openHarness();
  });
  afterEach(async () => {
    cleanup();
    await current?.cleanup();
    current = undefined;
  });
  const now = (): Harness => {
    if (!current) throw new Error("the harness is only there inside a test");
    return current;
  };
  return {
    get tutor() {
      return now().tutor;
    },
    get dataDir() {
      return now().dataDir;
    },
    reopen: (clock) => now().reopen(clock),
    cleanup: () => now().cleanup(),
  };
}

export type Rendered = ReturnType<typeof render> & {
  /** Waits until the last frame passes `check` (a predicate or a string it must contain); returns that frame. */
  frame(check: string | RegExp | ((frame: string) => boolean), what?: string): Promise<string>;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Resolves once React has nothing left to do: renders committed and their effects (key handlers) run. */
  idle(): Promise<void>;
  /** Whether Ink listens to the keyboard; false once the app has quit and let go of it. */
  listening(): boolean;
  /** Makes the terminal `columns` wide, as a resize does. */
  resize(columns: number, rows?: number): void;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns of the event loop until React's scheduler has no task left (after Ink's own queued input): renders
 * committed and their effects run. See tests/helpers/react-tasks.ts.
 */
export async function reactIdle(): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  do {
    await nextTurn();
    if (Date.now() > deadline) throw new Error("React never finished its scheduled work");
  } while (reactBusy());
}

export function renderApp(tutor: Tutor, initial?: Route, now?: () => Date): Rendered {
  const rendered = render(
    // The engine as the app gets it from open-tutor.ts: its text made safe for the terminal.
    <App
      tutor={terminalSafe(tutor)}
      learnerId={LEARNER}
      {...(initial ? { initial } : {})}
      {...(now ? { now } : {})}
    />,
  );
  const listening = () => rendered.stdin.listenerCount("readable") > 0;
  const frame = async (check: string | RegExp | ((frame: string) => boolean), what?: string) => {
    const test =
      typeof check === "string"
        ? (f: string) => f.includes(check)
        : check instanceof RegExp
          ? (f: string) => check.test(f)
          : check;
    const last = () => stripAnsi(rendered.lastFrame() ?? "");
    // Poll until the screen shows what is awaited, then let the effects of that render run: a key written
    // before the screen's handler is attached would go to the previous one. Returns the frame that matched.
    let matched = "";
    await waitUntil(
      () => {
        matched = last();
        return test(matched);
      },
      what ?? String(check),
      () => `; last frame:\n${last()}`,
    );
    await reactIdle();
    return matched;
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      // Ink listens once a screen's useInput effect has run.
      await waitUntil(listening, "Ink listening to the keyboard");
      await reactIdle();
      rendered.stdin.write(key);
      // Ink parses the key (a lone escape on the next turn), React commits and runs the effects.
      await reactIdle();
    }
  };
  const resize = (columns: number, rows = 24) => {
    Object.defineProperty(rendered.stdout, "columns", { value: columns, configurable: true });
    Object.defineProperty(rendered.stdout, "rows", { value: rows, configurable: true });
    rendered.stdout.emit("resize");
  };
  return Object.assign(rendered, {
    frame,
    press,
    type: (text: string) => press(text),
    idle: reactIdle,
    listening,
    resize,
  });
}

/** The option index of the correct (or a wrong) answer, read from the fixture question. */
export function optionIndex(tutor: Tutor, questionId: string, correct: boolean): number {
  const question = tutor.question(questionId);
  if (!question || !("options" in question)) throw new Error(`${questionId} is not a choice question`);
  return question.options.findIndex((o) => o.correct === correct);
}

/** Answers the current question of the stored session directly through the engine (to set up a state). */
export async function answerDirectly(
  tutor: Tutor,
  response: (questionId: string) => Response,
): Promise<void> {
  const state = await tutor.current(LEARNER);
  if (!state?.question) throw new Error("no current question");
  expectOk(
    await tutor.answer(LEARNER, { questionId: state.question.id, response: response(state.question.id) }),
  );
}

/** Passes stages 1..`upTo` of a fixture lesson through the engine, answering everything right. */
export async function passStages(tutor: Tutor, lessonId: string, upTo: number): Promise<void> {
  for (let stage = 1; stage <= upTo; stage++) {
    expectOk(await tutor.startQuiz(LEARNER, lessonId, stage));
    for (;;) {
      const state = await tutor.current(LEARNER);
      if (!state?.question) break;
      // The question as shown (options in this attempt's order).
      await answerDirectly(tutor, () => rightResponse(state.question as Question));
    }
  }
}

/** Carries the shown (shuffled) items of an order question into the right order with the keys. */
export async function arrangeByKeys(app: Rendered, shuffled: readonly number[]): Promise<void> {
  const shown = [...shuffled];
  let cursor = 0;
  for (let place = 0; place < shown.length; place++) {
    const at = shown.indexOf(place);
    for (; cursor < at; cursor++) await app.press(KEY.down);
    for (; cursor > at; cursor--) await app.press(KEY.up);
    // Pick the item up, carry it up into its place, drop it.
    await app.press(KEY.space);
    for (; cursor > place; cursor--) await app.press(KEY.up);
    await app.press(KEY.space);
    shown.splice(at, 1);
    shown.splice(place, 0, place);
  }
}

/** Answers the app's current question right, with the keys a learner would press. */
export async function answerRightByKeys(app: Rendered, tutor: Tutor): Promise<void> {
  const state = await tutor.current(LEARNER);
  const q = state?.question;
  if (!q) throw new Error("no current question");
  switch (q.type) {
    case "single":
    case "true-false":
    case "multiple":
      for (const [i, option] of q.options.entries()) if (option.correct) await app.press(String(i + 1));
      await app.press(KEY.enter);
      return;
    case "order":
      await arrangeByKeys(app, q.shuffled);
      await app.press(KEY.enter);
      return;
    case "short":
      await app.type(q.accepted[0] as string);
      await app.press(KEY.enter);
      return;
    case "numeric":
      await app.type(String(q.answer));
      await app.press(KEY.enter);
      return;
    case "explain":
      await app.type(q.keyPoints.map((k) => `It is true that ${k.text}.`).join(" "));
      await app.press(KEY.ctrlD);
      return;
  }
}
