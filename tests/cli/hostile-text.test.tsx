// Control characters and escape sequences never reach the terminal, from the content or from learners: the
// app and the plain reports get the engine through terminal-text.ts. Old stored text (kept before the engine
// cleaned answers) and a lesson title with escapes in it stand for what the engine could still hand out.
import { afterEach, describe, expect, it, vi } from "vitest";
import { journal } from "../../cli/commands/journal.js";
import { LEARNER_ID } from "../../cli/open-tutor.js";
import type { Tutor } from "../../engine/index.js";
import {
  ANY_CONTROL,
  CLEAN_EXPLANATION,
  HOSTILE_EXPLANATION,
  RED,
  RESET,
  SET_TITLE,
} from "../helpers/hostile.js";
import { FIXTURES, harnessPerTest, KEY, LEARNER, passStages, renderApp } from "./helpers.js";

const h = harnessPerTest();

/** The stage-2 explanation as an older version stored it, escapes and all. */
async function storeHostileExplanation(tutor: Tutor): Promise<void> {
  await tutor.store.update(LEARNER, (doc) => {
    const entry = doc.journal.find((e) => e.stage === 2);
    if (!entry) throw new Error("no stage-2 entry to make hostile");
    entry.text = HOSTILE_EXPLANATION;
  });
}

/** What the terminal received, escapes included: only Ink's own colours may be there (SGR, `ESC[…m`). */
function expectNoHostileBytes(raw: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Ink's own colours are allowed
  const withoutStyles = raw.replace(/\u001b\[[0-9;]*m/g, "");
  expect(withoutStyles).not.toMatch(ANY_CONTROL);
  expect(raw).not.toContain("pwned");
  expect(raw).not.toContain(`${RED}wait`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hostile text in the terminal", () => {
  it("shows a lesson title with escapes in it as its words alone", async () => {
    const hostile = Object.create(h.tutor) as Tutor;
    hostile.overview = async (learnerId) => {
      const overview = await h.tutor.overview(learnerId);
      return {
        ...overview,
        catalog: overview.catalog.map((entry) => ({
          ...entry,
          title: `${SET_TITLE}${RED}wait${RESET} ${entry.title}\u0007\u0000`,
        })),
      };
    };
    const app = renderApp(hostile);
    const frame = await app.frame("wait TCP reads");
    expect(frame).toContain("wait TCP reads");
    expectNoHostileBytes(app.lastFrame() ?? "");
  });

  it("shows then and now without the escapes an old stage-2 explanation was kept with", async () => {
    await passStages(h.tutor, "tcp-reads", 5);
    await storeHostileExplanation(h.tutor);
    const app = renderApp(h.tutor, { name: "quiz", lessonId: "tcp-reads", stage: 6 });
    await app.frame("Your reflection");
    await app.type("Small messages are cheaper to copy than page tricks cost.");
    await app.press(KEY.ctrlD);
    const frame = await app.frame("Then and now");
    expect(frame).toContain("The handshake is done by the kernel;");
    expectNoHostileBytes(app.lastFrame() ?? "");
  });

  it("prints the journal report without them", async () => {
    await passStages(h.tutor, "tcp-reads", 2);
    await storeHostileExplanation(h.tutor);
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const code = await journal(undefined, {}, { dataDir: h.dataDir, contentDir: FIXTURES });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out).toContain(CLEAN_EXPLANATION.split("\n")[0]);
    expectNoHostileBytes(out);
    expect(LEARNER_ID).toBe(LEARNER);
  });
});
