// /settings, /remind and the reminders they lead to, and /me: through real discord.js against the fake Discord,
// with the engine on a temp folder and a clock the tests move.
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportView } from "../../bot/commands/me.js";
import { passStages } from "./answers.js";
import type { RecordedRequest } from "./fake-discord.js";
import {
  buttonLabelled,
  buttonsOf,
  deferredResult,
  EPHEMERAL,
  followUpsOf,
  type Harness,
  type MessageBody,
  startHarness,
} from "./harness.js";
import { ALICE, autocomplete, BOB, button, GUILD_ID, int, slash, str, sub } from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
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

const dms = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));

/** Alice has answered stage 1 of pipe-buffers: her cards fall due some days later. */
async function withDueReviews() {
  await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
  now = new Date(now.getTime() + 30 * 86_400_000);
}

describe("/settings timezone", () => {
  it("autocompletes IANA zones from what is typed, and sets one by its canonical name", async () => {
    const requests = await h.send(
      autocomplete("settings", [sub("timezone", [str("zone", "europe/ber", true)])]),
    );
    const callback = requests.find((r) => r.path.endsWith("/callback"))?.body as {
      type: number;
      data: { choices: { name: string; value: string }[] };
    };
    expect(callback.type).toBe(8);
    expect(callback.data.choices).toEqual([{ name: "Europe/Berlin", value: "Europe/Berlin" }]);
    const many = await h.send(autocomplete("settings", [sub("timezone", [str("zone", "a", true)])]));
    const answered = many.find((r) => r.path.endsWith("/callback"))?.body as { data: { choices: unknown[] } };
    const choices = answered.data.choices;
    expect(choices).toHaveLength(25);

    const set = await command("settings", [sub("timezone", [str("zone", "europe/berlin")])]);
    expect(set.content).toContain("**Europe/Berlin**");
    expect((await h.tutor.settings(LEARNER)).timeZone).toBe("Europe/Berlin");
    const shown = await command("settings", [sub("show")]);
    expect(shown.content).toContain("Time zone: **Europe/Berlin**");
    expect(shown.content).toContain("Reminders: off");
  });

  it("refuses a name that is no time zone, with the nearest one", async () => {
    const body = await command("settings", [sub("timezone", [str("zone", "Europe/Berln")])]);
    expect(body.content).toBe(
      "That is not a time zone. Did you mean `Europe/Berlin`? Pick one from the list as you type.",
    );
  });
});

describe("/remind and the reminders", () => {
  // Reminders start once the client is connected (READY): the tests give the client what READY would.
  beforeEach(() => h.ready());

  it("sends one direct message a day at the learner's hour in their zone, with a button that starts the review", async () => {
    await command("settings", [sub("timezone", [str("zone", "Asia/Tokyo")])]);
    const on = await command("remind", [sub("on", [int("hour", 20)])]);
    expect(on.content).toContain("20:00 Asia/Tokyo time");
    await withDueReviews();
    now = new Date("2025-04-09T10:59:00Z"); // 19:59 in Tokyo
    let from = h.discord.requests.length;
    await h.bot.reminders.tick();
    expect(dms(h.discord.requests.slice(from))).toHaveLength(0);

    now = new Date("2025-04-09T11:00:00Z"); // 20:00 in Tokyo
    from = h.discord.requests.length;
    await h.bot.reminders.tick();
    const sent = h.discord.requests.slice(from);
    expect(sent.find((r) => r.path === "/users/@me/channels")?.body).toEqual({ recipient_id: ALICE });
    const [dm] = dms(sent);
    const body = dm?.body as MessageBody;
    expect(body.content).toMatch(/^You have \d+ reviews? due\./);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const start = buttonLabelled(body, "Start the review");

    // The same day, even after a restart: nothing more.
    await h.bot.reminders.tick();
    now = new Date("2025-04-09T14:59:00Z"); // 23:59 in Tokyo
    await h.bot.reminders.tick();
    expect(dms(h.discord.requests.slice(from))).toHaveLength(1);

    // The button in the direct message starts the review there.
    const pressed = deferredResult(await h.send(button(start.custom_id)), { type: 6 });
    expect(pressed.content ?? "").not.toContain("Nothing is due");
    expect(buttonsOf(pressed).length + (pressed.components?.length ?? 0)).toBeGreaterThan(0);
  });

  it("is never sent twice by two bots on one data folder", async () => {
    await command("remind", [sub("on", [int("hour", 0)])]);
    await withDueReviews();
    const other = await startHarness({ now: () => now, dataDir: h.dataDir, discord: h.discord });
    other.ready();
    try {
      const from = h.discord.requests.length;
      await Promise.all([h.bot.reminders.tick(), other.bot.reminders.tick(), h.bot.reminders.tick()]);
      expect(dms(h.discord.requests.slice(from))).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it("stops when turned off", async () => {
    await command("remind", [sub("on", [int("hour", 0)])]);
    expect((await command("remind", [sub("off")])).content).toContain("Reminders are off");
    await withDueReviews();
    const from = h.discord.requests.length;
    await h.bot.reminders.tick();
    expect(dms(h.discord.requests.slice(from))).toHaveLength(0);
  });

  it("switches off for a member whose direct messages are closed, and says so on their next command", async () => {
    await command("remind", [sub("on", [int("hour", 0)])]);
    await withDueReviews();
    h.discord.failNext(/^POST \/channels\/\d+\/messages$/, {
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
    });
    await h.bot.reminders.tick();
    expect((await h.tutor.settings(LEARNER)).reminders.on).toBe(false);

    const requests = await h.send(slash("lessons"));
    const [note] = followUpsOf(requests);
    expect(note?.content).toContain("Your review reminders are off");
    expect(note?.flags).toBe(EPHEMERAL);
    // Once.
    expect(followUpsOf(await h.send(slash("lessons")))).toHaveLength(0);
    // And nothing more is sent to them.
    now = new Date(now.getTime() + 86_400_000);
    const from = h.discord.requests.length;
    await h.bot.reminders.tick();
    expect(dms(h.discord.requests.slice(from))).toHaveLength(0);
  });

  it("refuses an hour outside 0-23 before it reaches the engine's rule", async () => {
    // Discord enforces the option's range; the engine refuses too, for any front end.
    const body = await command("remind", [sub("on", [int("hour", 30)])]);
    expect(body.content).toBe("Give the hour as a whole number from 0 to 23, in your time zone.");
  });
});

describe("/me", () => {
  it("exports everything kept about the member as a JSON file only they see", async () => {
    expect((await command("me", [sub("export")])).content).toContain("nothing to export");
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const requests = await h.send(slash("me", [sub("export")]));
    const edit = requests.find((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
    expect(edit?.files).toHaveLength(1);
    const file = edit?.files?.[0];
    expect(file?.filename).toBe(`six-stages-tutor-${ALICE}.json`);
    const data = JSON.parse(file?.data.toString("utf8") ?? "");
    expect(data).toMatchObject({ learnerId: LEARNER, data: { learnerId: LEARNER } });
    expect(data.data.history.length).toBeGreaterThan(0);
    const body = edit?.body as { attachments?: unknown[] };
    expect(body.attachments).toHaveLength(1);
  });

  it("gzips an export larger than Discord's upload limit", () => {
    const json = JSON.stringify({
      answers: Array.from({ length: 200_000 }, (_, i) => ({ i, text: "x".repeat(40) })),
    });
    expect(json.length).toBeGreaterThan(8_388_608);
    const view = exportView(json, ALICE);
    expect(view.files?.[0]?.name).toBe(`six-stages-tutor-${ALICE}.json.gz`);
    expect(gunzipSync(view.files?.[0]?.data as Buffer).toString("utf8")).toBe(json);
  });

  it("deletes the member everywhere after they confirm, leaving other members alone", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1], GUILD_ID);
    await passStages(h.tutor, `discord:${BOB}`, "pipe-buffers", [1], GUILD_ID);
    await command("remind", [sub("on")]);
    const asked = await command("me", [sub("delete")]);
    expect(asked.content).toContain("cannot be undone");
    // Keeping it changes nothing.
    const kept = deferredResult(await h.send(button(buttonLabelled(asked, "Keep it").custom_id)), {
      type: 6,
    });
    expect(kept.content).toBe("Nothing was deleted.");
    expect(await h.tutor.exportData(LEARNER)).toBeDefined();

    const done = deferredResult(await h.send(button(buttonLabelled(asked, "Delete everything").custom_id)), {
      type: 6,
    });
    expect(done.content).toContain("Deleted");
    expect(done.components).toEqual([]);
    expect(await h.tutor.exportData(LEARNER)).toBeUndefined();
    const board = await h.tutor.leaderboard({ guildId: GUILD_ID, period: "all" });
    expect(board.map((r) => r.learnerId)).toEqual([`discord:${BOB}`]);
    expect(await h.tutor.remindersToTry()).toEqual([]);
  });
});
