// Real failures inside the app: the engine's words on screen, and the app exits with the error.
import { cleanup, render } from "ink-testing-library";
import stripAnsi from "strip-ansi";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../cli/app.js";
import { type TerminalTutor, terminalSafe } from "../../cli/terminal-text.js";
import { ContentError, StoreError, type Tutor } from "../../engine/index.js";
import { waitUntil } from "../helpers/wait.js";
import { LEARNER, openHarness } from "./helpers.js";

afterEach(() => {
  cleanup();
});

/**
 * The first frame that shows `text`. Every frame is searched, not only the last: the app exits right after
 * drawing a failure, and where CI is set Ink then rewrites the output with its last frame on exit.
 */
async function frameOf(app: ReturnType<typeof render>, text: string): Promise<string> {
  const find = () => app.frames.map((f) => stripAnsi(f)).find((f) => f.includes(text));
  await waitUntil(
    () => find() !== undefined,
    text,
    () => `:\n${stripAnsi(app.lastFrame() ?? "")}`,
  );
  return find() as string;
}

describe("failures", () => {
  it("shows the first frame while the engine opens, then the content errors if the lessons are malformed", async () => {
    let reject: (error: unknown) => void = () => undefined;
    const opening = new Promise<TerminalTutor>((_, no) => {
      reject = no;
    });
    const app = render(<App tutor={opening} learnerId={LEARNER} />);
    expect(await frameOf(app, "Loading the lessons")).toContain("Six stages tutor");
    reject(
      new ContentError([
        { file: "lessons/torn-pages.md", line: 7, message: "stage `Articulate` is missing" },
      ]),
    );
    const frame = await frameOf(app, "problem");
    expect(frame).toContain("1 problem in the lesson content:");
    expect(frame).toContain("lessons/torn-pages.md:7: stage `Articulate` is missing");
    expect(frame).toContain("Run `tutor check` after fixing them.");
    expect(frame).not.toMatch(/\n\s+at /);
  });

  it("shows a store error raised while a screen loads", async () => {
    const h = await openHarness();
    try {
      const broken = Object.create(h.tutor) as Tutor;
      broken.overview = () =>
        Promise.reject(
          new StoreError("STORE_IO", "Could not read /data/learners/local.json: EACCES", "/data"),
        );
      const app = render(<App tutor={terminalSafe(broken)} learnerId={LEARNER} />);
      const frame = await frameOf(app, "Could not read");
      expect(frame).toContain("Could not read /data/learners/local.json: EACCES");
    } finally {
      await h.cleanup();
    }
  });
});
