/**
 * Daily review reminders: the rules of who is reminded, when, and at most once a day. A front end (the bot)
 * only runs the clock (croner), sends the message, and reports a learner it cannot reach.
 */
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc, ReminderState } from "../progress/model.js";
import { dueIds } from "../review/due.js";
import { clockOf, localTime } from "../time/time-zone.js";
import type { ReminderSettings, Result } from "../tutor-types.js";
import { readIndexOf, setIndexEntryOf } from "./index-file.js";

/** The hour a reminder goes out when the learner names none: early evening, local time. */
export const DEFAULT_REMINDER_HOUR = 18;

export function reminderSettingsOf(ctx: EngineContext, doc: LearnerDoc): ReminderSettings {
  const r = doc.reminders;
  return {
    on: r?.on ?? false,
    hour: r?.hour ?? DEFAULT_REMINDER_HOUR,
    timeZone: clockOf(ctx, doc).timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/** Turns reminders on (at `hour`, else the hour chosen before, else 18) or off. */
export async function setReminders(
  ctx: EngineContext,
  learnerId: string,
  on: boolean,
  hour?: number,
): Promise<Result<ReminderSettings>> {
  if (hour !== undefined && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
    return refuse("bad-hour", `${hour} is not an hour of the day: give a whole number from 0 to 23.`);
  }
  const settings = await ctx.store.update(learnerId, (doc) => {
    const before = doc.reminders;
    const next: ReminderState = {
      on,
      hour: hour ?? before?.hour ?? DEFAULT_REMINDER_HOUR,
      ...(before?.lastDay ? { lastDay: before.lastDay } : {}),
    };
    doc.reminders = next;
    return reminderSettingsOf(ctx, doc);
  });
  await syncIndex(ctx, learnerId, settings);
  return ok(settings);
}

/** Keeps the index of learners to remind in step with the learner's document. */
export async function syncIndex(
  ctx: EngineContext,
  learnerId: string,
  settings?: ReminderSettings,
): Promise<void> {
  const s = settings ?? reminderSettingsOf(ctx, await ctx.store.read(learnerId));
  await setIndexEntryOf(ctx.store, learnerId, s.on ? { hour: s.hour, timeZone: s.timeZone } : undefined);
}

/** Learners whose reminder hour has come today in their own time zone (the ones to try to claim now). */
export async function remindersToTry(ctx: EngineContext): Promise<string[]> {
  const now = ctx.now();
  const index = await readIndexOf(ctx.store);
  return Object.entries(index)
    .filter(([, entry]) => {
      try {
        // An entry without a zone (a store's own index, from a document with none) is in the engine's.
        return localTime(now, entry.timeZone ?? ctx.clock.timeZone).hour >= entry.hour;
      } catch {
        return false;
      }
    })
    .map(([id]) => id);
}

export interface ClaimedReminder {
  learnerId: string;
  /** Reviews due now. */
  due: number;
  /** The local day claimed. */
  day: string;
}

/**
 * Claims today's reminder under the learner's lock: only when reminders are on, the local hour has come, none was
 * claimed today, and reviews are due. The day is written before anything is sent, so a second process (or a
 * restart) finds it claimed and sends nothing. A claim is the promise to send at most one message, not a receipt.
 */
export async function claimReminder(
  ctx: EngineContext,
  learnerId: string,
): Promise<ClaimedReminder | undefined> {
  const now = ctx.now();
  const claimable = (doc: LearnerDoc): ClaimedReminder | undefined => {
    const r = doc.reminders;
    if (!r?.on) return undefined;
    const { day, hour } = localTime(now, clockOf(ctx, doc).timeZone);
    if (hour < r.hour || r.lastDay === day) return undefined;
    const due = dueIds(ctx, doc).length;
    return due > 0 ? { learnerId, due, day } : undefined;
  };
  // A read first: most passes find nothing to claim, and a read leaves the learner's file as it was.
  if (!claimable(await ctx.store.read(learnerId))) return undefined;
  return ctx.store.update(learnerId, (doc) => {
    const claim = claimable(doc);
    if (claim && doc.reminders) doc.reminders = { ...doc.reminders, lastDay: claim.day };
    return claim;
  });
}

/** The learner cannot be reached (Discord closed their direct messages): reminders off, and a note kept for them. */
export async function switchOffUnreachable(ctx: EngineContext, learnerId: string): Promise<void> {
  await ctx.store.update(learnerId, (doc) => {
    doc.reminders = {
      ...(doc.reminders ?? { hour: DEFAULT_REMINDER_HOUR }),
      on: false,
      offNotice: "dm-closed",
    };
  });
  await setIndexEntryOf(ctx.store, learnerId, undefined);
}

/** The note about reminders switched off, once: read cheaply, written only when there is one to clear. */
export async function takeReminderNotice(ctx: EngineContext, learnerId: string): Promise<string | undefined> {
  const doc = await ctx.store.read(learnerId);
  if (!doc.reminders?.offNotice) return undefined;
  return ctx.store.update(learnerId, (fresh) => {
    if (!fresh.reminders?.offNotice) return undefined;
    const { offNotice: _, ...rest } = fresh.reminders;
    fresh.reminders = rest;
    return "Your review reminders are off: your direct messages were closed to the tutor when one was sent. Open them and turn reminders on again to get them.";
  });
}
