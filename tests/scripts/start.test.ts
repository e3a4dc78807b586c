// `npm start` builds only when dist/ is missing or older than a source: checked on a real folder tree.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { isStale } from "../../scripts/start.mjs";

const stale = isStale as (root: string) => boolean;

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "tutor-start-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ["cli", "engine/journey", "bot", "scripts", "dist"])
    mkdirSync(join(root, dir), { recursive: true });
  const old = new Date(Date.now() - 60_000);
  for (const file of [
    "cli/index.ts",
    "engine/journey/answer.ts",
    "bot/app.ts",
    "scripts/build.mjs",
    "package.json",
  ]) {
    writeFileSync(join(root, file), "x");
    utimesSync(join(root, file), old, old);
  }
  for (const dir of ["cli", "engine/journey", "engine", "bot", "scripts"])
    utimesSync(join(root, dir), old, old);
  for (const file of ["tutor.js", "bot.js", "bot-deploy.js"]) writeFileSync(join(root, "dist", file), "x");
  return root;
}

describe("npm start's build check", () => {
  it("does not build when every bundle is newer than every source", () => {
    expect(stale(tree())).toBe(false);
  });

  it("builds on a fresh clone, where dist/ has no bundle", () => {
    const root = tree();
    rmSync(join(root, "dist"), { recursive: true });
    expect(stale(root)).toBe(true);
  });

  it("builds when one bundle is missing", () => {
    const root = tree();
    rmSync(join(root, "dist", "bot.js"));
    expect(stale(root)).toBe(true);
  });

  it("builds when a source deep in a folder changed after the build", () => {
    const root = tree();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "engine/journey/answer.ts"), later, later);
    expect(stale(root)).toBe(true);
  });

  it("builds when a source file was added or removed (its folder changed)", () => {
    const root = tree();
    rmSync(join(root, "bot/app.ts"));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "bot"), later, later);
    expect(stale(root)).toBe(true);
  });

  it("builds when the dependencies changed (package-lock.json)", () => {
    const root = tree();
    writeFileSync(join(root, "package-lock.json"), "{}");
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "package-lock.json"), later, later);
    expect(stale(root)).toBe(true);
  });
});
