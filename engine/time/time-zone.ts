/**
 * Learners' time zones: IANA names checked with Intl (the time zone data Node ships), never a list of our own.
 * A learner without one uses the engine's (the machine's, or TutorOptions.timeZone).
 */
import type { EngineContext } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import { closest } from "../text/closest.js";
import type { DayClock } from "./study-day.js";

/** The canonical name of an IANA time zone ("europe/paris" -> "Europe/Paris"), or undefined if Intl knows none. */
export function canonicalTimeZone(zone: string): string | undefined {
  const text = zone.trim();
  if (text.length === 0 || text.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let zones: readonly string[] | undefined;
/** Every IANA zone Intl lists (loaded on first use: it costs milliseconds, which start-up should not pay). */
export function timeZoneNames(): readonly string[] {
  zones ??= [...Intl.supportedValuesOf("timeZone"), "UTC"].sort();
  return zones;
}

/** Zones whose name contains `text` (case and "_"/" " ignored), those starting with it first; at most `limit`. */
export function timeZonesMatching(text: string, limit = 25): string[] {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");
  const norm = (zone: string) => zone.toLowerCase().replace(/_/g, " ");
  const all = timeZoneNames();
  if (!wanted) return all.slice(0, limit);
  const starts = all.filter(
    (z) => norm(z).startsWith(wanted) || norm(z).split("/").at(-1)?.startsWith(wanted),
  );
  const contains = all.filter((z) => !starts.includes(z) && norm(z).includes(wanted));
  return [...starts, ...contains].slice(0, limit);
}

/** The nearest zone name to a mistyped one, for "did you mean". */
export function closestTimeZone(zone: string): string | undefined {
  return closest(zone.trim(), timeZoneNames());
}

/** The learner's own study-day clock: their time zone if they set one, else the engine's. */
export function clockOf(ctx: EngineContext, doc: LearnerDoc): DayClock {
  const own = doc.settings?.timeZone;
  return own && canonicalTimeZone(own) ? { ...ctx.clock, timeZone: own } : ctx.clock;
}

/** The hour (0-23) and the calendar day (YYYY-MM-DD) at `at` in `timeZone` (undefined: this machine's). */
export function localTime(at: Date, timeZone: string | undefined): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    ...(timeZone ? { timeZone } : {}),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}
