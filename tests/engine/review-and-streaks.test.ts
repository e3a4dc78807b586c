import { describe, expect, it } from "vitest";
import type { Question } from "../../engine/index.js";
import { isDue, ratingFor, review } from "../../engine/review/scheduler.js";
import { addDays, streakOf, studyDay } from "../../engine/time/study-day.js";
import { answerNow, rightResponse } from "../helpers/answers.js";
import { clock, openTutor } from "../helpers/engine.js";
import { expectOk, expectRefusal } from "../helpers/result.js";

const DAY = 86_400_000;

describe("spaced repetition (FSRS, fuzz off)", () => {
  it("maps correctness and hint use to ratings", () => {
    expect([ratingFor(false, false), ratingFor(true, true), ratingFor(true, false)]).toEqual([1, 2, 3]);
  });

  it("schedules deterministically: right answers push the card further out, a miss brings it back", () => {
    const t0 = new Date("2026-01-01T12:00:00Z");
    const first = review(undefined, t0, ratingFor(true, false));
    expect(review(undefined, t0, ratingFor(true, false))).toEqual(first);
    const firstGap = new Date(first.due).getTime() - t0.getTime();
    const t1 = new Date(first.due);
    const second = review(first, t1, ratingFor(true, false));
    const secondGap = new Date(second.due).getTime() - t1.getTime();
    expect(secondGap).toBeGreaterThan(firstGap);
    const t2 = new Date(second.due);
    const third = review(second, t2, ratingFor(true, false));
    expect(new Date(third.due).getTime() - t2.getTime()).toBeGreaterThan(secondGap);
    const missed = review(third, new Date(third.due), ratingFor(false, false));
    expect(missed.lapses).toBe(1);
    const thirdGap = new Date(third.due).getTime() - t2.getTime();
    expect(new Date(missed.due).getTime() - new Date(third.due).getTime()).toBeLessThan(thirdGap / 2);
    const hinted = review(undefined, t0, ratingFor(true, true));
    expect(new Date(hinted.due).getTime()).toBeLessThanOrEqual(new Date(first.due).getTime());
    expect(isDue(first, t0)).toBe(false);
    expect(isDue(first, new Date(first.due))).toBe(true);
  });

  it("turns every answered question into a card and serves due ones as a review session", async () => {
    const c = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: c.now });
    expectRefusal(await tutor.startReview("ana"), "nothing-due");
    await tutor.startQuiz("ana", "tcp-basics", 1);
    const answered = await answerNow(tutor, "ana", true);
    expect(answered.nextDue.getTime()).toBeGreaterThan(c.now().getTime());
    await answerNow(tutor, "ana", false);
    await tutor.endSession("ana");
    expect((await tutor.progress("ana")).dueNow).toBe(0);
    c.advanceDays(7);
    const started = await tutor.startReview("ana");
    expect(expectOk(started)).toMatchObject({ mode: "review", total: 2, done: false });
    const first = expectOk(started).question;
    expect(first).toBeDefined();
    const reviewed = await tutor.answer("ana", {
      questionId: first?.id as string,
      response: rightResponse(first as Question),
    });
    expect(expectOk(reviewed).grade.correct).toBe(true);
    expect(expectOk(reviewed).nextDue.getTime()).toBeGreaterThan(c.now().getTime() + DAY);
    expect((await tutor.progress("ana")).dueNow).toBe(1);
  });

  it("counts the due cards a capped review session leaves for later", async () => {
    const c = clock("2026-03-02T10:00:00Z");
    const tutor = await openTutor({ now: c.now });
    await tutor.startQuiz("ana", "tcp-basics", 1);
    await answerNow(tutor, "ana", true);
    await answerNow(tutor, "ana", true);
    await tutor.endSession("ana");
    c.advanceDays(30);
    const started = await tutor.startReview("ana", 1);
    expect(expectOk(started)).toMatchObject({ mode: "review", total: 1, moreDue: 1 });
    const asked = expectOk(started).question;
    expect(asked).toBeDefined();
    const answered = await tutor.answer("ana", {
      questionId: asked?.id as string,
      response: rightResponse(asked as Question),
    });
    expect(expectOk(answered).quiz).toMatchObject({ done: true, moreDue: 1 });
    // The next session asks the one left, and then nothing more is due.
    const again = await tutor.startReview("ana");
    expect(expectOk(again)).toMatchObject({ total: 1, moreDue: 0 });
    expect(expectOk(again).question?.id).not.toBe(asked?.id);
    // A lesson quiz has no review count.
    const quiz = await tutor.startQuiz("ana", "tcp-basics", 1);
    expect("moreDue" in expectOk(quiz)).toBe(false);
  });
});

describe("study days and streaks", () => {
  const utc = { timeZone: "UTC", dayStartHour: 4 };

  it("counts an answer before the day boundary for the day before", () => {
    expect(studyDay(new Date("2026-03-02T03:59:00Z"), utc)).toBe("2026-03-01");
    expect(studyDay(new Date("2026-03-02T04:00:00Z"), utc)).toBe("2026-03-02");
  });

  it("uses the learner's own time zone", () => {
    // 02:00 UTC is 11:00 in Tokyo (same day) and 21:00 the day before in New York.
    const at = new Date("2026-03-02T02:00:00Z");
    expect(studyDay(at, { timeZone: "Asia/Tokyo", dayStartHour: 4 })).toBe("2026-03-02");
    expect(studyDay(at, { timeZone: "America/New_York", dayStartHour: 4 })).toBe("2026-03-01");
  });

  it("uses this machine's time zone when none is given", () => {
    const at = new Date("2026-03-02T02:00:00Z");
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo";
      expect(studyDay(at, { dayStartHour: 4 })).toBe("2026-03-02");
      process.env.TZ = "America/New_York";
      expect(studyDay(at, { dayStartHour: 4 })).toBe("2026-03-01");
      // 03:59 local is still the day before; 04:00 starts the day.
      expect(studyDay(new Date("2026-03-02T08:59:00Z"), { dayStartHour: 4 })).toBe("2026-03-01");
      expect(studyDay(new Date("2026-03-02T09:00:00Z"), { dayStartHour: 4 })).toBe("2026-03-02");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("counts the current streak through yesterday and the longest run", () => {
    const days = new Set([
      "2026-02-01",
      "2026-02-02",
      "2026-02-03",
      "2026-02-04",
      "2026-02-27",
      "2026-02-28",
    ]);
    expect(streakOf(days, "2026-03-01")).toEqual({ current: 2, longest: 4 });
    expect(streakOf(new Set([...days, "2026-03-01"]), "2026-03-01")).toEqual({ current: 3, longest: 4 });
    expect(streakOf(days, "2026-03-02")).toEqual({ current: 0, longest: 4 });
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("reports streak, XP and an activity heatmap from real answers", async () => {
    const c = clock("2026-03-01T20:00:00Z");
    const tutor = await openTutor({ now: c.now });
    await tutor.startQuiz("ana", "tcp-basics", 1);
    await answerNow(tutor, "ana", true);
    c.set("2026-03-02T02:30:00Z"); // before 4 a.m.: still the study day of March 1
    await answerNow(tutor, "ana", true);
    c.set("2026-03-02T09:00:00Z");
    await answerNow(tutor, "ana", false);
    const progress = await tutor.progress("ana", { weeks: 1, days: 3 });
    expect(progress.streak).toEqual({ current: 2, longest: 2, studiedToday: true, today: "2026-03-02" });
    expect(progress.xp).toBe(20);
    expect(progress.activity).toHaveLength(7);
    expect(progress.activity.slice(-2)).toEqual([
      { day: "2026-03-01", count: 2 },
      { day: "2026-03-02", count: 1 },
    ]);
    expect(progress.dueByDay.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(progress.dueByDay.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThan(0);
  });
});
