/** A learner's settings: their time zone (for study days, streaks and reminders) and their reminders. */
import { type EngineContext, ok, refuse } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { reminderSettingsOf, syncIndex } from "../reminders/reminders.js";
import { canonicalTimeZone, clockOf, closestTimeZone } from "../time/time-zone.js";
import type { LearnerSettingsView, Result } from "../tutor-types.js";

export function settingsOf(ctx: EngineContext, doc: LearnerDoc): LearnerSettingsView {
  const own = doc.settings?.timeZone;
  return {
    timeZone: clockOf(ctx, doc).timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ownTimeZone: Boolean(own && canonicalTimeZone(own)),
    reminders: reminderSettingsOf(ctx, doc),
  };
}

/** Sets the learner's IANA time zone ("Europe/Paris"), checked with Intl; an unknown one is refused with the nearest. */
export async function setTimeZone(
  ctx: EngineContext,
  learnerId: string,
  zone: string,
): Promise<Result<LearnerSettingsView>> {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    const near = closestTimeZone(zone);
    return refuse(
      "unknown-time-zone",
      `"${zone.trim().slice(0, 64)}" is not a time zone: give an IANA name such as Europe/Paris or America/New_York.${near ? ` Did you mean ${near}?` : ""}`,
      near ? { suggestion: near } : {},
    );
  }
  const view = await ctx.store.update(learnerId, (doc) => {
    doc.settings = { ...doc.settings, timeZone: canonical };
    return settingsOf(ctx, doc);
  });
  // The reminder hour is in the learner's time zone: the scheduler's index follows it.
  if (view.reminders.on) await syncIndex(ctx, learnerId, view.reminders);
  return ok(view);
}
