// Global setup of the "process" project (vitest.config.ts): bundles the front ends once per run, into a
// temporary folder, never into dist/ (where a `tutor` someone started may be running). The tests that
// start the bin or the bot read the folder with inject("buildDir").
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    buildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "tutor-test-build-"));
  const root = join(import.meta.dirname, "..", "..");
  execFileSync(process.execPath, ["scripts/build.mjs", dir], { cwd: root, stdio: "inherit" });
  project.provide("buildDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
