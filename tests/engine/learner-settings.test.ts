// A learner's time zone, daily reminders, and their data (export, delete): the engine's rules, on real files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Tutor } from "../../engine/index.js";
import { snapshotFile } from "../../engine/progress/home-snapshot.js";
import { rightResponse } from "../helpers/answers.js";
import { clock, FIXTURE_CONTENT, openTutor, tempDir } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";
import { waitUntil } from "../helpers/wait.js";

/** Answers one question of stage 1 (right), so the learner has a card that falls due later. */
async function answerOne(tutor: Tutor, learnerId: string, guildId?: string) {
  const quiz = expectOk(await tutor.startQuiz(learnerId, "tcp-basics", 1));
  const question = quiz.question;
  if (!question) throw new Error("no question");
  // Questions come shuffled: the first shown is answered, as shown.
  expectOk(
    await tutor.answer(learnerId, {
      questionId: question.id,
      response: rightResponse(question),
      ...(guildId ? { guildId } : {}),
    }),
  );
  await tutor.endSession(learnerId);
}

describe("a learner's time zone", () => {
  it("is checked with Intl, stored under its canonical name, and refused with the nearest name when unknown", async () => {
    const tutor = await openTutor();
    expect((await tutor.settings("ana")).ownTimeZone).toBe(false);
    const set = expectOk(await tutor.setTimeZone("ana", "europe/paris"));
    expect(set).toMatchObject({ timeZone: "Europe/Paris", ownTimeZone: true });
    const refused = await tutor.setTimeZone("ana", "Europe/Pariss");
    expectRefusal(refused, "unknown-time-zone");
    expect(refused).toMatchObject({ suggestion: "Europe/Paris" });
    expectRefusal(await tutor.setTimeZone("ana", "Mars/Olympus_Mons"), "unknown-time-zone");
    expect((await tutor.settings("ana")).timeZone).toBe("Europe/Paris");
  });

  it("offers zones for autocomplete: those starting with the text first, at most the limit", async () => {
    const tutor = await openTutor();
    expect(tutor.timeZones("europe/par")).toEqual(["Europe/Paris"]);
    expect(tutor.timeZones("new york")).toContain("America/New_York");
    expect(tutor.timeZones("", 25)).toHaveLength(25);
    expect(tutor.timeZones("zzzz")).toEqual([]);
  });

  it("decides the learner's study days and streak", async () => {
    // 2026-03-02 23:30 UTC is already 3 March 12:30 in Auckland, and 2 March 15:30 in Los Angeles.
    const c = clock("2026-03-02T23:30:00Z");
    const dataDir = tempDir();
    const tutor = await openTutor({ now: c.now, dataDir });
    expectOk(await tutor.setTimeZone("kiwi", "Pacific/Auckland"));
    expectOk(await tutor.setTimeZone("angel", "America/Los_Angeles"));
    await answerOne(tutor, "kiwi");
    await answerOne(tutor, "angel");
    const daysWithAnswers = async (learner: string) =>
      (await tutor.progress(learner)).activity.filter((d) => d.count > 0).map((d) => d.day);
    expect(await daysWithAnswers("kiwi")).toEqual(["2026-03-03"]);
    expect(await daysWithAnswers("angel")).toEqual(["2026-03-02"]);
    const kiwi = await tutor.progress("kiwi");
    expect(kiwi.streak).toMatchObject({ today: "2026-03-03", current: 1, studiedToday: true });
    expect((await tutor.progress("angel")).streak).toMatchObject({ today: "2026-03-02", current: 1 });
  });
});

describe("daily review reminders", () => {
  async function dueLearner(c: ReturnType<typeof clock>, dataDir: string, zone = "Europe/Paris") {
    const tutor = await openTutor({ now: c.now, dataDir });
    expectOk(await tutor.setTimeZone("ana", zone));
    await answerOne(tutor, "ana");
    return tutor;
  }

  it("is claimed once a day, from the learner's hour in their zone, only when reviews are due", async () => {
    const c = clock("2026-03-02T08:00:00Z");
    const dataDir = tempDir();
    const tutor = await dueLearner(c, dataDir);
    expect(expectOk(await tutor.setReminders("ana", true, 19))).toMatchObject({
      on: true,
      hour: 19,
      timeZone: "Europe/Paris",
    });
    // Nothing due yet, and 9:00 in Paris anyway.
    expect(await tutor.remindersToTry()).toEqual([]);
    c.advanceDays(10);
    c.set("2026-03-12T17:59:00Z"); // 18:59 in Paris
    expect(await tutor.remindersToTry()).toEqual([]);
    expect(await tutor.claimReminder("ana")).toBeUndefined();
    c.set("2026-03-12T18:00:00Z"); // 19:00 in Paris
    expect(await tutor.remindersToTry()).toEqual(["ana"]);
    expect(await tutor.claimReminder("ana")).toMatchObject({ learnerId: "ana", due: 1, day: "2026-03-12" });
    expect(await tutor.claimReminder("ana")).toBeUndefined();
    c.set("2026-03-12T22:30:00Z"); // 23:30 in Paris: still the same day there
    expect(await tutor.claimReminder("ana")).toBeUndefined();
    c.set("2026-03-13T18:05:00Z");
    expect(await tutor.claimReminder("ana")).toMatchObject({ day: "2026-03-13" });
  });

  it("survives a restart and is claimed by one of two processes sharing the folder", async () => {
    const c = clock("2026-03-02T08:00:00Z");
    const dataDir = tempDir();
    const first = await dueLearner(c, dataDir);
    expectOk(await first.setReminders("ana", true, 9));
    await first.close();
    c.set("2026-03-20T09:30:00Z");
    // Two tutors on one folder, as two bot processes: the claim is made under the learner's lock.
    const a = await Tutor.open({ contentDir: FIXTURE_CONTENT, dataDir, now: c.now });
    const b = await Tutor.open({ contentDir: FIXTURE_CONTENT, dataDir, now: c.now });
    expect(await a.remindersToTry()).toEqual(["ana"]);
    const claims = await Promise.all([
      a.claimReminder("ana"),
      b.claimReminder("ana"),
      a.claimReminder("ana"),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("follows the learner's zone when it changes, and stops when turned off", async () => {
    const c = clock("2026-03-12T12:00:00Z");
    const dataDir = tempDir();
    const tutor = await dueLearner(c, dataDir, "UTC");
    c.advanceDays(10);
    expectOk(await tutor.setReminders("ana", true, 12));
    expect(await tutor.remindersToTry()).toEqual(["ana"]);
    // Noon UTC is 7 a.m. in New York: not yet.
    expectOk(await tutor.setTimeZone("ana", "America/New_York"));
    expect(await tutor.remindersToTry()).toEqual([]);
    expect(await tutor.claimReminder("ana")).toBeUndefined();
    expectOk(await tutor.setReminders("ana", false));
    c.set("2026-03-22T20:00:00Z");
    expect(await tutor.remindersToTry()).toEqual([]);
    expect(await tutor.claimReminder("ana")).toBeUndefined();
    // On again without an hour keeps the hour chosen before.
    expect(expectOk(await tutor.setReminders("ana", true)).hour).toBe(12);
  });

  it("refuses an hour outside 0-23", async () => {
    const tutor = await openTutor();
    expectRefusal(await tutor.setReminders("ana", true, 24), "bad-hour");
    expectRefusal(await tutor.setReminders("ana", true, 7.5), "bad-hour");
  });

  it("switches off for a learner who cannot be reached, and says so once", async () => {
    const c = clock("2026-03-02T08:00:00Z");
    const tutor = await dueLearner(c, tempDir());
    expectOk(await tutor.setReminders("ana", true, 9));
    await tutor.remindersUnreachable("ana");
    expect((await tutor.settings("ana")).reminders.on).toBe(false);
    expect(await tutor.remindersToTry()).toEqual([]);
    expect(await tutor.reminderNotice("ana")).toMatch(/reminders are off/);
    expect(await tutor.reminderNotice("ana")).toBeUndefined();
    expect(await tutor.reminderNotice("bob")).toBeUndefined();
  });
});

describe("a learner's data", () => {
  it("exports everything kept, and nothing for a learner with no data", async () => {
    const tutor = await openTutor();
    expect(await tutor.exportData("ana")).toBeUndefined();
    await answerOne(tutor, "ana");
    expectOk(await tutor.setTimeZone("ana", "Asia/Tokyo"));
    const exported = await tutor.exportData("ana");
    expect(exported).toMatchObject({
      format: "six-stages-tutor/learner-data",
      version: 1,
      learnerId: "ana",
      data: { learnerId: "ana", settings: { timeZone: "Asia/Tokyo" } },
    });
    expect(exported?.data.history).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it("deletes the learner everywhere: their file, their reminders, their kept home screen and their part in server figures", async () => {
    const c = clock("2026-03-02T08:00:00Z");
    const dataDir = tempDir();
    const tutor = await openTutor({ now: c.now, dataDir });
    await answerOne(tutor, "ana", "g1");
    await answerOne(tutor, "bob", "g1");
    expectOk(await tutor.setReminders("ana", true, 0));
    await tutor.overview("ana");
    await waitUntil(() => existsSync(snapshotFile(dataDir, "ana")), "the kept home screen");
    expect(
      (await tutor.leaderboard({ guildId: "g1", period: "all" })).map((r) => r.learnerId).sort(),
    ).toEqual(["ana", "bob"]);
    expect(await tutor.deleteData("ana")).toBe(true);
    expect((await tutor.leaderboard({ guildId: "g1", period: "all" })).map((r) => r.learnerId)).toEqual([
      "bob",
    ]);
    expect((await tutor.stats({ guildId: "g1" })).answers).toBe(1);
    expect(await tutor.store.learners()).toEqual(["bob"]);
    expect(JSON.parse(readFileSync(join(dataDir, "reminders.json"), "utf8"))).toEqual({});
    expect(existsSync(snapshotFile(dataDir, "ana"))).toBe(false);
    expect(await tutor.exportData("ana")).toBeUndefined();
    expect(await tutor.deleteData("ana")).toBe(false);
    // A later visit starts afresh.
    expect((await tutor.progress("ana")).answers).toBe(0);
  });
});
