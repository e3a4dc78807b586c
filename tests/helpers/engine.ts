import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { type AnswerRecord, Tutor, type TutorOptions } from "../../engine/index.js";

export const FIXTURE_CONTENT = new URL("../fixtures/content/", import.meta.url).pathname;

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = "tutor-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A controllable clock. */
export function clock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
    advanceDays: (days: number) => {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}

export async function openTutor(options: TutorOptions = {}): Promise<Tutor> {
  return Tutor.open({ contentDir: FIXTURE_CONTENT, dataDir: tempDir(), timeZone: "UTC", ...options });
}

/**
 * A pinned shuffle seed under which the screen-test fixtures (tests/fixtures/cli and bot) show their questions and
 * options in the order written, so a screen test can name "option 2". The engine tests (attempts, test-wise) use
 * real random seeds and check the shuffle itself.
 */
export const AS_WRITTEN = (): number => 0.032057904987595975;

/** A learner's answers, read from their answer log through the store. */
export async function historyOf(
  source: { history(learnerId: string): AsyncIterable<AnswerRecord> },
  learnerId: string,
): Promise<AnswerRecord[]> {
  const records: AnswerRecord[] = [];
  for await (const record of source.history(learnerId)) records.push(record);
  return records;
}
