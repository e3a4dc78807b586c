// The keys every screen shares: esc goes back home, q quits wherever no text is being typed, and the footer says so.
import { describe, expect, it } from "vitest";
import { waitUntil } from "../helpers/wait.js";
import { harnessPerTest, KEY, passStages, type Rendered, renderApp } from "./helpers.js";

const h = harnessPerTest();

/** Quitting unmounts the app, which lets go of the keyboard. */
async function quits(app: Rendered): Promise<boolean> {
  await waitUntil(() => !app.listening(), "the app letting go of the keyboard").catch(() => undefined);
  return app.stdin.listenerCount("readable") === 0;
}

const QUIT = "q quit (all saved)";

describe("keys on every screen", () => {
  it("home: esc does not quit (it is home already), q does", async () => {
    const app = renderApp(h.tutor);
    const frame = await app.frame("Torn pages");
    expect(frame).toContain(QUIT);
    await app.press(KEY.escape);
    // Everything the key set off has run (press waits for React to be idle): the app is still there.
    await app.idle();
    expect(app.stdin.listenerCount("readable")).toBe(1);
    expect(await app.frame("Six stages tutor")).toContain("Torn pages");
    await app.press("q");
    expect(await quits(app)).toBe(true);
  });

  it("reader: esc goes home, q quits, and the footer says both", async () => {
    const app = renderApp(h.tutor, { name: "reader", lessonId: "tcp-reads" });
    const frame = await app.frame("TCP-READS-STAGE-ONE");
    expect(frame).toContain("esc home");
    expect(frame).toContain(QUIT);
    await app.press("q");
    expect(await quits(app)).toBe(true);
  });

  it("progress: q quits", async () => {
    const app = renderApp(h.tutor, { name: "progress" });
    expect(await app.frame("Study activity")).toContain(QUIT);
    await app.press("q");
    expect(await quits(app)).toBe(true);
  });

  it("a choice question: q quits, and the answer given before it is saved", async () => {
    const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 1 });
    await app.frame("What does recv() do");
    await app.press("1", KEY.enter);
    const feedback = await app.frame("✔ Right");
    expect(feedback).toContain(QUIT);
    await app.press(KEY.enter);
    const question = await app.frame("Select all that apply");
    expect(question).toContain("esc home");
    expect(question).toContain(QUIT);
    await app.press("q");
    expect(await quits(app)).toBe(true);
    expect((await h.tutor.progress("local")).answers).toBe(1);
  });

  it("a typed answer: q is a letter, not quit, and the footer does not offer it", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 2 });
    const frame = await app.frame("Your explanation");
    expect(frame).not.toContain(QUIT);
    await app.type("quick");
    await app.frame("quick");
    expect(app.stdin.listenerCount("readable")).toBe(1);
  });

  it("the quiz summary: q quits instead of going home", async () => {
    const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 1 });
    await app.frame("What does recv() do");
    await app.press("2", KEY.enter);
    await app.frame("✘ Not quite");
    await app.press(KEY.enter);
    await app.frame("Select all that apply");
    await app.press("3", KEY.enter);
    await app.frame("✘ Not quite");
    await app.press(KEY.enter);
    expect(await app.frame("0 of 2 right")).toContain(QUIT);
    await app.press("q");
    expect(await quits(app)).toBe(true);
  });
});
