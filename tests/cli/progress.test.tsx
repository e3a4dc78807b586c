import { cleanup } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, KEY, openHarness, passStages, renderApp } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  cleanup();
  await h.cleanup();
});

describe("progress screen", () => {
  it("shows stages passed per lesson, completion, streak, the activity heatmap and reviews coming due", async () => {
    // Three answers today: stage 1 (two questions) and stage 2 (one).
    await passStages(h.tutor, "tcp-reads", 2);
    const app = renderApp(h.tutor, { name: "progress" });
    const frame = await app.frame("Study activity");
    expect(frame).toContain("2 of 12 stages passed (17%)");
    expect(frame).toContain("Streak: 1 day (longest 1) · studied today");
    expect(frame).toMatch(/■■□··· 2\/6 TCP reads/);
    expect(frame).toMatch(/□····· 0\/6 Torn pages/);
    expect(frame).toContain("Study activity, last 12 weeks");
    // Seven weekday rows, and today's cell at the level for three answers; every other day empty.
    const grid = frame
      .split("\n")
      .filter((l) => /^(Mon|Wed|Fri|Sun| {3}) [·░▒▓█ ]/.test(l) && !l.includes("less"));
    expect(grid).toHaveLength(7);
    const cells = grid.join("").replace(/[^·░▒▓█]/g, "");
    expect(cells.length).toBe(84);
    expect(cells.replace(/·/g, "")).toBe("▒");
    expect(frame).toContain("less · ░ ▒ ▓ █ more");
    expect(frame).toContain("Reviews due now: 0");
    expect(frame).toMatch(/today\s+\w{3}\s+\w{3}/);
  });

  it("goes back home on escape", async () => {
    const app = renderApp(h.tutor, { name: "progress" });
    await app.frame("Study activity");
    await app.press(KEY.escape);
    await app.frame("Six stages tutor");
  });
});
