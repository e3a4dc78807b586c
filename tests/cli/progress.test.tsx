import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Tutor } from "../../engine/index.js";
import { harnessPerTest, KEY, passStages, renderApp } from "./helpers.js";

const BUNDLED = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const h = harnessPerTest();

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

  // The bundled lessons: a catalog long enough that progress is taller than these terminals.
  it.each([
    [100, 30],
    [60, 24],
  ])(
    "scrolls at %ix%i: the top first, then End, Home, PgDn, PgUp and the arrows move through it",
    async (columns, rows) => {
      const bundled = await Tutor.open({ contentDir: BUNDLED, dataDir: h.dataDir });
      try {
        const app = renderApp(bundled, { name: "progress" });
        app.resize(columns, rows);
        const fits = (f: string) =>
          f.split("\n").length < rows && f.split("\n").every((l) => l.length <= columns);
        const top = await app.frame(
          (f) => fits(f) && f.includes("stages passed") && f.includes("↑↓ scroll"),
          `the top of progress within ${columns}x${rows}`,
        );
        expect(top).not.toContain("Reviews due now");
        await app.press("\u001b[F"); // End
        const end = await app.frame((f) => fits(f) && f.includes("Reviews due now"), "the end of progress");
        expect(end).not.toContain("stages passed");
        await app.press("\u001b[H"); // Home
        await app.frame(
          (f) => f.includes("stages passed") && !f.includes("Reviews due now"),
          "the top again",
        );
        await app.press("\u001b[6~"); // PgDn
        await app.frame((f) => fits(f) && !f.includes("stages passed"), "the next page");
        await app.press("\u001b[5~"); // PgUp
        await app.frame("stages passed", "the top after PgUp");
        await app.press(KEY.down);
        await app.frame((f) => !f.includes("stages passed"), "one row down");
        await app.press(KEY.up);
        await app.frame("stages passed", "one row up");
      } finally {
        await bundled.close();
      }
    },
  );

  it("goes back home on escape", async () => {
    const app = renderApp(h.tutor, { name: "progress" });
    await app.frame("Study activity");
    await app.press(KEY.escape);
    await app.frame("Six stages tutor");
  });
});
