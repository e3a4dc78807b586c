import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { App } from "../../cli/app.js";
import { terminalSafe } from "../../cli/terminal-text.js";
import { readHomeSnapshot } from "../../engine/snapshot.js";
import { waitUntil } from "../helpers/wait.js";
import { FIXTURES, harnessPerTest, KEY, LEARNER, passStages, renderApp } from "./helpers.js";

const h = harnessPerTest();

describe("home screen", () => {
  it("shows every lesson with its six stages as a bar, the streak, reviews due and continue as the default", async () => {
    await passStages(h.tutor, "tcp-reads", 2);
    const app = renderApp(h.tutor);
    const frame = await app.frame("TCP reads");
    expect(frame).toContain("Six stages tutor");
    // Two stages passed, the third open, the rest locked.
    expect(frame).toMatch(/■■□··· 2\/6 TCP reads/);
    expect(frame).toMatch(
      /□····· 0\/6 Torn pages, or what happens when a crash interrupts a page write halfway/,
    );
    expect(frame).toContain("streak 1 day");
    expect(frame).toContain("0 reviews due");
    expect(frame).toMatch(/▶ Continue: Read stage 3 \(Limitations\) of TCP reads/);
  });

  it("opens where the learner left off on enter", async () => {
    const app = renderApp(h.tutor);
    await app.frame("Continue: Read stage 1");
    await app.press(KEY.enter);
    const frame = await app.frame("TCP-READS-STAGE-ONE");
    expect(frame).toContain("1. Understand");
  });

  it("opens the lesson under the cursor", async () => {
    const app = renderApp(h.tutor);
    await app.frame("Torn pages");
    await app.press(KEY.down, KEY.down);
    expect(await app.frame("▶ □····· 0/6 Torn pages")).toBeTruthy();
    await app.press(KEY.enter);
    await app.frame("TORN-PAGES-STAGE-ONE");
  });

  it("counts the reviews that are due and leads continue to them", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    // A month later every card answered is due.
    const later = new Date(Date.now() + 40 * 86_400_000);
    const tutor = await h.reopen(() => later);
    const app = renderApp(tutor, undefined, () => later);
    const frame = await app.frame("reviews due");
    expect(frame).toContain("2 reviews due");
    expect(frame).toContain("▶ Continue: 2 reviews due.");
    await app.press(KEY.enter);
    await app.frame("Review");
  });

  it("keeps to 60 columns when the terminal is narrowed", async () => {
    const app = renderApp(h.tutor);
    const wide = await app.frame("Torn pages");
    // At 100 columns the long title is shown whole.
    expect(wide).toContain("a page write halfway");
    app.resize(60, 20);
    const frame = await app.frame(
      (f) => f.split("\n").every((line) => line.length <= 60),
      "a frame within 60 columns",
    );
    expect(frame).toContain("Six stages tutor");
    expect(frame).toContain("streak 0 days · 0 reviews due");
    expect(frame).toMatch(/□····· 0\/6 Torn pages, or what happens.*…/);
    expect(frame).toContain("q quit");
  });

  it("goes to progress with p and quits with q", async () => {
    const app = renderApp(h.tutor);
    await app.frame("Torn pages");
    await app.press("p");
    await app.frame("Study activity");
    await app.press(KEY.escape);
    // Home with its lessons, not the opening frame it shows while it reads the learner's file.
    await app.frame(
      (f) => f.includes("Six stages tutor") && f.includes("Torn pages"),
      "home with its lessons",
    );
    expect(app.stdin.listenerCount("readable")).toBe(1);
    await app.press("q");
    // Quitting unmounts the app, which lets go of the keyboard.
    await waitUntil(() => !app.listening(), "the app letting go of the keyboard");
    expect(app.stdin.listenerCount("readable")).toBe(0);
  });
});

describe("home screen kept from the last start", () => {
  it("draws the kept home screen complete while the engine loads, then the engine's own", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    // A start computes the home screen and keeps it.
    await h.tutor.overview(LEARNER);
    await h.tutor.close();
    const kept = await readHomeSnapshot(h.tutor.dataDir, FIXTURES, LEARNER, new Date());
    expect(kept?.next.message).toMatch(/stage 2/);
    // The next start: the engine has not loaded yet, and the home screen is there, complete, with its hostile
    // text made safe on the way in (open-tutor.ts reads it through withoutControls).
    let open: (t: ReturnType<typeof terminalSafe>) => void = () => undefined;
    const engine = new Promise<ReturnType<typeof terminalSafe>>((resolve) => {
      open = resolve;
    });
    const app = render(<App tutor={engine} learnerId={LEARNER} preview={kept} />);
    await waitUntil(() => (app.lastFrame() ?? "").includes("Continue:"), "the kept home screen");
    expect(app.lastFrame()).toMatch(/■□···· 1\/6 TCP reads/);
    expect(app.lastFrame()).not.toContain("Loading the lessons");
    open(terminalSafe(h.tutor));
    await waitUntil(() => app.stdin.listenerCount("readable") > 0, "the keys once the engine is there");
    expect(app.lastFrame()).toMatch(/■□···· 1\/6 TCP reads/);
    app.unmount();
  });
});
