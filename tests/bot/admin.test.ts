import { appendFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  buttonLabelled,
  callbackOf,
  copyFixtures,
  deferredResult,
  EPHEMERAL,
  type Harness,
  startHarness,
} from "./harness.js";
import { BOB, button, MANAGE_GUILD, slash, str, sub } from "./payloads.js";

let h: Harness;
let content: string | undefined;
afterEach(async () => {
  await h.dispose();
  if (content) await rm(content, { recursive: true, force: true });
  content = undefined;
});

const admin = { permissions: MANAGE_GUILD };

describe("/tutor (Manage Server only)", () => {
  it("refuses members without Manage Server, for both subcommands, before doing anything", async () => {
    h = await startHarness();
    for (const name of ["stats", "reload"]) {
      const requests = await h.send(slash("tutor", [sub(name)]));
      expect(requests).toHaveLength(1);
      expect(callbackOf(requests)).toEqual({
        type: 4,
        data: expect.objectContaining({
          content: "Only members with the Manage Server permission can use `/tutor`.",
          flags: EPHEMERAL,
          allowed_mentions: { parse: [] },
        }),
      });
    }
  });

  it("refuses in a direct message, where there is no server to manage", async () => {
    h = await startHarness();
    const requests = await h.send(slash("tutor", [sub("stats")], { guildId: null }));
    expect(callbackOf(requests).data?.content).toBe(
      "`/tutor` works in a server, where it shows that server's members.",
    );
  });

  it("shows the server's most missed questions and most chosen wrong options", async () => {
    h = await startHarness();
    for (const [userId, option] of [
      ["300000000000000001", "B"],
      [BOB, "B"],
      ["300000000000000003", "C"],
      ["300000000000000004", "A"],
    ] as const) {
      const quiz = deferredResult(await h.send(slash("quiz", [str("lesson", "pipe-buffers")], { userId })), {
        type: 5,
        ephemeral: true,
      });
      await h.send(button(buttonLabelled(quiz, option).custom_id, { userId }));
    }
    // Answers elsewhere do not count here.
    const other = { userId: "300000000000000005", guildId: "200000000000000077" };
    const quiz = deferredResult(await h.send(slash("quiz", [str("lesson", "pipe-buffers")], other)), {
      type: 5,
      ephemeral: true,
    });
    await h.send(button(buttonLabelled(quiz, "C").custom_id, other));

    const body = deferredResult(await h.send(slash("tutor", [sub("stats")], admin)), {
      type: 5,
      ephemeral: true,
    });
    const stats = body.embeds?.[0];
    expect(stats?.title).toBe("Quiz statistics of this server");
    expect(stats?.description).toBe("4 answers given in this server.");
    expect(stats?.fields?.[0]).toEqual({
      name: "Questions missed most",
      value:
        "**1.** `pipe-where-bytes-wait` (pipe-buffers): missed 3 of 4 (75%)\n   After `write()` returns on the write end of a pipe, where are the bytes?",
    });
    expect(stats?.fields?.[1]).toEqual({
      name: "Wrong options chosen most",
      value:
        "**1.** `pipe-where-bytes-wait` option B chosen 2×\n   “Already in the reader's buffer”\n**2.** `pipe-where-bytes-wait` option C chosen 1×\n   “On disk, in a temporary file”",
    });
  });

  it("reloads the content, and keeps the old content when the new one is broken", async () => {
    content = await copyFixtures();
    h = await startHarness({ contentDir: content });
    const ok = deferredResult(await h.send(slash("tutor", [sub("reload")], admin)), {
      type: 5,
      ephemeral: true,
    });
    expect(ok.content).toBe("🔄 Reloaded: 2 lessons, 15 questions.");

    await appendFile(join(content, "quizzes", "pipe-sizes.md"), "\n### sizes-broken (sideways)\n\nWhat?\n");
    const broken = deferredResult(await h.send(slash("tutor", [sub("reload")], admin)), {
      type: 5,
      ephemeral: true,
    });
    expect(broken.content).toMatch(
      /^⚠️ The content has \d+ problems?, so the lessons in use stay as they were:\n```\n/,
    );
    expect(broken.content).toContain("sideways");
    expect(broken.content).toContain("pipe-sizes.md:");
    expect(h.tutor.lessons()).toHaveLength(2);
    expect(h.tutor.question("sizes-cost")).toBeDefined();
    expect(h.logs.some((line) => line.includes("content reload refused"))).toBe(true);
  });
});
