import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { historyOf } from "../helpers/engine.js";
import { passStages } from "./answers.js";
import {
  allText,
  buttonLabelled,
  buttonsOf,
  callbackOf,
  deferredResult,
  EPHEMERAL,
  type Harness,
  type MessageBody,
  selectOf,
  startHarness,
} from "./harness.js";
import {
  ALICE,
  autocomplete,
  BOB,
  bool,
  button,
  GUILD_ID,
  int,
  select,
  slash,
  str,
  user,
  userOption,
} from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
const DAY = 86_400_000;
let h: Harness;
let now: Date;

beforeEach(async () => {
  now = new Date("2025-03-10T12:00:00Z");
  h = await startHarness({ now: () => now });
});
afterEach(async () => {
  await h.dispose();
});

async function command(...args: Parameters<typeof slash>): Promise<MessageBody> {
  return deferredResult(await h.send(slash(...args)), { type: 5, ephemeral: true });
}

describe("/lessons", () => {
  it("lists the catalog with the caller's stage progress, only to the caller", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2]);
    const body = await command("lessons");
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds?.[0]?.title).toBe("Lessons");
    expect(body.embeds?.[0]?.description).toBe(
      [
        "**1. Pipe buffers** `pipe-buffers`",
        "   ✅✅🔓🔒🔒🔒 2/6 · on stage 3: Limitations",
        "   What happens to the bytes between write() on one end of a pipe and read() on the other.",
        "",
        "**2. Pipe sizes in practice** `pipe-sizes`",
        "   🔓🔒🔒🔒🔒🔒 0/6 · on stage 1: Understand",
        "   How to choose the size of a pipe's buffer, and when it matters.",
        "   ↳ best after: `pipe-buffers`",
      ].join("\n"),
    );
    expect(body.embeds?.[0]?.footer?.text).toContain("2 of 12 stages passed");
    expect(body.components).toEqual([]);
  });

  it("shows another member their own progress, not the caller's", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const body = await command("lessons", [], { userId: BOB });
    expect(body.embeds?.[0]?.description).toContain("🔓🔒🔒🔒🔒🔒 0/6 · on stage 1: Understand");
    expect(body.embeds?.[0]?.description).not.toContain("✅");
  });
});

describe("/learn", () => {
  it("shows the caller's current stage as pages of embeds with paging, stage and quiz controls", async () => {
    const body = await command("learn", [str("lesson", "pipe-buffers")]);
    expect(body.content).toBe("📘 **Pipe buffers** · Stage 1 of 6: **Understand** 🔓\n🔓🔒🔒🔒🔒🔒");
    expect(body.embeds?.map((e) => e.title)).toEqual([
      "Understand",
      "The buffer is a ring of pages",
      "Full buffers and blocking writers",
    ]);
    expect(body.embeds?.at(-1)?.footer?.text).toBe("Page 1 of 2 · Stage 1 of 6 · 2 questions");
    // The diagram's code block arrives whole.
    expect(body.embeds?.[1]?.description).toContain("```text\n writer process");
    expect(body.embeds?.[1]?.description).toMatch(/\^head\n```/);
    expect(buttonsOf(body).map((b) => [b.label, b.custom_id, b.disabled ?? false])).toEqual([
      ["◀ Previous", "learn:page:pipe-buffers:1:0", true],
      ["Page 1 of 2", "learn:page:pipe-buffers:1:0:here", true],
      ["Next ▶", "learn:page:pipe-buffers:1:1", false],
      ["Start the stage 1 questions (2)", "quiz:start:pipe-buffers:1", false],
      // The next stage can be read ahead, locked or not.
      ["Read stage 2: Articulate ▶", "learn:page:pipe-buffers:2:0", false],
    ]);
    expect(selectOf(body).options.map((o) => [o.label, o.value, o.default])).toEqual([
      ["Stage 1: Understand", "1", true],
      ["Stage 2: Articulate", "2", false],
      ["Stage 3: Limitations", "3", false],
      ["Stage 4: Build something better", "4", false],
      ["Stage 5: Its limitations", "5", false],
      ["Stage 6: Appreciate", "6", false],
    ]);
    const doc = await h.tutor.store.read(LEARNER);
    expect(doc.read["pipe-buffers"]?.[1]).toBeDefined();
  });

  it("pages forward and back, and every part of the stage appears on some page", async () => {
    const first = await command("learn", [str("lesson", "pipe-buffers")]);
    const second = deferredResult(await h.send(button(buttonLabelled(first, "Next ▶").custom_id)), {
      type: 6,
    });
    expect(second.embeds?.map((e) => e.title)).toEqual(["Sizing the buffer", "Sources"]);
    expect(second.embeds?.[1]?.description).toBe("• https://man7.org/linux/man-pages/man7/pipe.7.html");
    expect(second.embeds?.at(-1)?.footer?.text).toBe("Page 2 of 2 · Stage 1 of 6 · 2 questions");
    expect(buttonLabelled(second, "Next ▶").disabled).toBe(true);
    const back = deferredResult(await h.send(button(buttonLabelled(second, "◀ Previous").custom_id)), {
      type: 6,
    });
    expect(back.embeds).toEqual(first.embeds);
    const text = `${allText(first)}\n${allText(second)}`;
    const stage = h.tutor.lesson("pipe-buffers")?.stages[0]?.markdown ?? "";
    for (const paragraph of stage.split(/\n\n+/).filter((p) => !p.startsWith("#") && !p.startsWith("```"))) {
      expect(text).toContain(paragraph);
    }
  });

  it("moves to any stage from the menu; a locked one can be read, its questions cannot be started", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const first = await command("learn", [str("lesson", "pipe-buffers")]);
    expect(first.content).toContain("Stage 2 of 6: **Articulate**");
    const menu = selectOf(first);
    expect(menu.options.map((o) => [o.value, o.description])).toEqual([
      ["1", "Passed · 2/2 right"],
      ["2", "Open · 0/1 answered"],
      ["3", "Locked: read it now, answer after stage 2"],
      ["4", "Locked: read it now, answer after stage 3"],
      ["5", "Locked: read it now, answer after stage 4"],
      ["6", "Locked: read it now, answer after stage 5"],
    ]);
    const stage1 = deferredResult(await h.send(select(menu.custom_id, ["1"])), { type: 6 });
    expect(stage1.content).toContain("Stage 1 of 6: **Understand** ✅");
    expect(buttonLabelled(stage1, "Read stage 2: Articulate ▶").custom_id).toBe(
      "learn:page:pipe-buffers:2:0",
    );
    const locked = deferredResult(await h.send(select(menu.custom_id, ["4"])), { type: 6 });
    expect(locked.content).toContain("Stage 4 of 6");
    const start = buttonLabelled(locked, "Questions open after stage 3");
    expect(start.disabled).toBe(true);
    const asked = await command("learn", [str("lesson", "pipe-buffers"), int("stage", 5)]);
    expect(asked.content).toContain("Stage 5 of 6");
    // The quiz stays gated, whatever sends the press.
    const refused = deferredResult(await h.send(button(start.custom_id)), { type: 5, ephemeral: true });
    expect(refused.content).toContain(
      "The stage 4 questions of Pipe buffers are locked: pass stage 3 first.",
    );
    // Reading ahead does not move the learner's place: /learn without a stage is still stage 2.
    expect((await command("learn", [str("lesson", "pipe-buffers")])).content).toContain("Stage 2 of 6");
  });

  it("finds a lesson by a title typed by hand", async () => {
    const body = await command("learn", [str("lesson", "sizes in practice")]);
    expect(body.content).toContain("**Pipe sizes in practice** · Stage 1 of 6");
  });

  it("starts the stage's questions in a new ephemeral message", async () => {
    const lesson = await command("learn", [str("lesson", "pipe-buffers")]);
    const requests = await h.send(button(buttonLabelled(lesson, /^Start the stage 1 questions/).custom_id));
    const quiz = deferredResult(requests, { type: 5, ephemeral: true });
    expect(quiz.embeds?.[0]?.title).toBe("Question 1 of 2");
  });
});

describe("autocomplete of the lesson option", () => {
  it("matches ids and titles, prefix matches first, answered with choices", async () => {
    const requests = await h.send(autocomplete("learn", [str("lesson", "siz", true)]));
    expect(requests).toHaveLength(1);
    expect(callbackOf(requests)).toEqual({
      type: 8,
      data: { choices: [{ name: "Pipe sizes in practice (pipe-sizes)", value: "pipe-sizes" }] },
    });
    const all = callbackOf(await h.send(autocomplete("quiz", [str("lesson", "", true)])));
    expect(all.data?.choices).toEqual([
      { name: "Pipe buffers (pipe-buffers)", value: "pipe-buffers" },
      { name: "Pipe sizes in practice (pipe-sizes)", value: "pipe-sizes" },
    ]);
    const byTitle = callbackOf(await h.send(autocomplete("journal", [str("lesson", "practice", true)])));
    expect(byTitle.data?.choices).toEqual([
      { name: "Pipe sizes in practice (pipe-sizes)", value: "pipe-sizes" },
    ]);
    const none = callbackOf(await h.send(autocomplete("learn", [str("lesson", "zzz", true)])));
    expect(none).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe("/journal", () => {
  it("says how it fills while it is empty", async () => {
    const body = await command("journal");
    expect(body.content).toContain("Your journal is empty.");
  });

  it("shows the learner's explanations, designs and reflections, newest first, filtered by lesson", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3, 4]);
    await passStages(h.tutor, LEARNER, "pipe-sizes", [1, 2]);
    const body = await command("journal");
    expect(body.content).toBe("📓 Your journal: 3 entries, newest first.");
    expect(body.embeds?.map((e) => e.title)).toEqual([
      "Explanation · Pipe sizes in practice · Stage 2: Articulate",
      "Design proposal · Pipe buffers · Stage 4: Build something better",
      "Explanation · Pipe buffers · Stage 2: Articulate",
    ]);
    expect(body.embeds?.[2]?.fields?.[0]).toEqual({
      name: "Covered",
      value:
        "✅ The bytes wait in a buffer in the kernel\n✅ A writer that fills the buffer sleeps until there is room\n✅ The reader copies the bytes out of the kernel",
    });
    const one = await command("journal", [str("lesson", "pipe-sizes")]);
    expect(one.embeds?.map((e) => e.title)).toEqual([
      "Explanation · Pipe sizes in practice · Stage 2: Articulate",
    ]);
  });

  it("pages through a long journal", async () => {
    for (let i = 0; i < 3; i++) await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2]);
    await passStages(h.tutor, LEARNER, "pipe-sizes", [1, 2]);
    await passStages(h.tutor, LEARNER, "pipe-sizes", [2]);
    const first = await command("journal");
    expect(first.content).toBe("📓 Your journal: 5 entries, newest first · page 1 of 2.");
    expect(first.embeds).toHaveLength(4);
    const older = buttonLabelled(first, "Older ▶");
    expect(older.custom_id).toBe("journal:page:*:1:next");
    const second = deferredResult(await h.send(button(older.custom_id)), { type: 6 });
    expect(second.embeds).toHaveLength(1);
    expect(second.content).toBe("📓 Your journal: 5 entries, newest first · page 2 of 2.");
  });
});

describe("/progress", () => {
  it("shows the caller's card only to them", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const body = await command("progress");
    const card = body.embeds?.[0];
    expect(card?.title).toBe("Progress of Alice");
    expect(card?.description?.split("\n")).toEqual([
      "▰▱▱▱▱▱▱▱▱▱ **8%** · 1 of 12 stages passed",
      "",
      "✅🔓🔒🔒🔒🔒 **Pipe buffers** 1/6",
      "🔓🔒🔒🔒🔒🔒 **Pipe sizes in practice** 0/6",
    ]);
    expect(card?.fields?.map((f) => f.name)).toEqual([
      "Streak",
      "XP",
      "Reviews",
      "Last 14 days",
      "Last 12 weeks",
    ]);
    expect(card?.fields?.[4]?.value).toBe("2 answers on 1 day");
    expect(card?.fields?.[0]?.value).toBe("🔥 1 day (longest 1)");
    expect(card?.fields?.[1]?.value).toMatch(/^⭐ \d+ · 2 answers$/);
    expect(card?.fields?.[2]?.value).toBe("🔁 0 due now\nComing: 2 in 3 days");
  });

  it("shows another member's card, and posts it for everyone when shared", async () => {
    await passStages(h.tutor, `discord:${BOB}`, "pipe-sizes", [1]);
    const resolved = { users: { [BOB]: user(BOB) } };
    const other = await command("progress", [userOption("user", BOB)], {}, resolved);
    expect(other.embeds?.[0]?.title).toBe("Progress of Bob");
    expect(other.embeds?.[0]?.description).toContain("✅🔓🔒🔒🔒🔒 **Pipe sizes in practice** 1/6");
    const shared = deferredResult(await h.send(slash("progress", [bool("share", true)])), {
      type: 5,
      ephemeral: false,
    });
    expect(shared.embeds?.[0]?.title).toBe("Progress of Alice");
  });

  it("refuses bots", async () => {
    const robot = { ...user("300000000000000009", "robot"), bot: true };
    const body = await command(
      "progress",
      [userOption("user", robot.id)],
      {},
      { users: { [robot.id]: robot } },
    );
    expect(body.content).toBe("Bots do not study here: pick a member.");
  });
});

describe("/leaderboard", () => {
  it("is public and per server, with mentions that ping nobody", async () => {
    const quiz = await command("quiz", [str("lesson", "pipe-buffers")]);
    await h.send(button(buttonLabelled(quiz, "A").custom_id));
    const bobQuiz = await command("quiz", [str("lesson", "pipe-sizes")], { userId: BOB });
    await h.send(button(buttonLabelled(bobQuiz, "True").custom_id, { userId: BOB }));
    // Answers given in another server count there, not here.
    const elsewhere = "200000000000000099";
    const other = await command("quiz", [str("lesson", "pipe-buffers")], {
      userId: "300000000000000003",
      guildId: elsewhere,
    });
    await h.send(
      button(buttonLabelled(other, "A").custom_id, { userId: "300000000000000003", guildId: elsewhere }),
    );

    const requests = await h.send(slash("leaderboard"));
    const body = deferredResult(requests, { type: 5, ephemeral: false });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.[0]?.title).toBe("Leaderboard of this server · last 7 days");
    const lines = body.embeds?.[0]?.description?.split("\n") ?? [];
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.match(/<@(\d+)>/)?.[1]).sort()).toEqual([ALICE, BOB].sort());
    expect(lines[0]).toMatch(/^🥇 <@\d+> · \*\*\d+ XP\*\* · 1\/1 right · [01] stages? passed$/);
    expect(body.embeds?.[0]?.description).not.toContain("300000000000000003");
  });

  it("separates this week from all time", async () => {
    const quiz = await command("quiz", [str("lesson", "pipe-buffers")]);
    await h.send(button(buttonLabelled(quiz, "A").custom_id));
    now = new Date(now.getTime() + 10 * DAY);
    const week = deferredResult(await h.send(slash("leaderboard", [str("period", "week")])), {
      type: 5,
      ephemeral: false,
    });
    expect(week.embeds?.[0]?.description).toBe(
      "Nobody has answered a question here in the last 7 days. Be the first: `/quiz`.",
    );
    const all = deferredResult(await h.send(slash("leaderboard", [str("period", "all")])), {
      type: 5,
      ephemeral: false,
    });
    expect(all.embeds?.[0]?.title).toBe("Leaderboard of this server · all time");
    expect(all.embeds?.[0]?.description).toContain(`<@${ALICE}>`);
  });

  it("only works in a server", async () => {
    const requests = await h.send(slash("leaderboard", [], { guildId: null }));
    expect(requests).toHaveLength(1);
    expect(callbackOf(requests)).toEqual({
      type: 4,
      data: expect.objectContaining({
        content: "`/leaderboard` works in a server, where it shows that server's members.",
        flags: EPHEMERAL,
        allowed_mentions: { parse: [] },
      }),
    });
  });
});

describe("/review", () => {
  it("says at the end of a capped session how many are still due, and offers them", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    now = new Date(now.getTime() + 60 * DAY);
    // A session of one card, as one of more than 20 due would leave the rest; /quiz carries it on.
    await h.tutor.startReview(LEARNER, 1);
    const body = await command("quiz", [], { guildId: null });
    expect(body.embeds?.[0]?.title).toBe("Question 1 of 1");
    const step = deferredResult(
      await h.send(button(buttonsOf(body)[0]?.custom_id ?? "", { guildId: null })),
      { type: 6 },
    );
    expect(step.content).toMatch(/\*\*Review finished: \d of 1 right\.\*\* 1 more review is due\.$/);
    const more = deferredResult(
      await h.send(button(buttonLabelled(step, "Review more").custom_id, { guildId: null })),
      { type: 6 },
    );
    expect(more.embeds?.[0]?.title).toBe("Question 1 of 1");
    expect(more.embeds?.[0]?.footer?.text).toMatch(/^Review · Pipe buffers · /);
  });

  it("says when nothing is due", async () => {
    const body = await command("review");
    expect(body.content).toBe(
      "Nothing is due for review right now. Learn something new with `/learn` or `/quiz`.",
    );
  });

  it("says when the next review is due when one is scheduled, as a Discord timestamp", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const body = await command("review");
    const at = /The next one is due <t:(\d+):R>\./.exec(body.content ?? "");
    expect(at, body.content).not.toBeNull();
    const due = Number(at?.[1]) * 1000;
    expect(due).toBeGreaterThan(now.getTime());
    expect(due).toBeLessThan(now.getTime() + 60 * DAY);
  });

  it("asks the due questions, one at a time, and offers more at the end", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    now = new Date(now.getTime() + 60 * DAY);
    const body = await command("review", [], { guildId: null });
    expect(body.embeds?.[0]?.title).toBe("Question 1 of 2");
    expect(body.embeds?.[0]?.footer?.text).toMatch(/^Review · Pipe buffers · /);
    let step = deferredResult(await h.send(button(buttonsOf(body)[0]?.custom_id ?? "", { guildId: null })), {
      type: 6,
    });
    step = deferredResult(
      await h.send(button(buttonLabelled(step, /^Next question/).custom_id, { guildId: null })),
      {
        type: 6,
      },
    );
    step = deferredResult(await h.send(button(buttonsOf(step)[0]?.custom_id ?? "", { guildId: null })), {
      type: 6,
    });
    expect(step.content).toMatch(
      /\*\*Review finished: \d of 2 right\.\*\* No more reviews are due\.(\nMissed:\n❌ .+)*$/,
    );
    // Nothing left to offer: the question's buttons are cleared and none replaces them.
    expect(step.components).toEqual([]);
    // Answered in a direct message: no server recorded.
    const history = await historyOf(h.tutor, LEARNER);
    expect(history.at(-1)?.mode).toBe("review");
    expect(history.at(-1)?.guildId).toBeUndefined();
    expect(GUILD_ID).not.toBe(history.at(-1)?.guildId);
  });
});
