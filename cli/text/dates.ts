/** Dates in words for the learner: fixed English formats, in the machine's local time. */

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

/** "Thu 27 Nov". */
export function shortDate(date: Date): string {
  return `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** When a review falls due, relative to now: "now", "later today", "tomorrow (Fri 28 Nov)", "in 5 days (Mon 1 Dec)". */
export function dueInWords(due: Date, now: Date): string {
  if (due.getTime() <= now.getTime()) return "now";
  const days = dayNumber(due) - dayNumber(now);
  if (days <= 0) {
    const hh = String(due.getHours()).padStart(2, "0");
    const mm = String(due.getMinutes()).padStart(2, "0");
    return `later today (${hh}:${mm})`;
  }
  if (days === 1) return `tomorrow (${shortDate(due)})`;
  return `in ${days} days (${shortDate(due)})`;
}

/** A study day as the engine names it (YYYY-MM-DD), read as a calendar date. */
export function parseDay(day: string): { weekday: number; month: number; date: number } {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  // Monday first, as calendars in most of the world.
  return { weekday: (at.getUTCDay() + 6) % 7, month: at.getUTCMonth(), date: at.getUTCDate() };
}

/** "Thu" for a YYYY-MM-DD day; "today" and "tomorrow" for the first two of a run starting today. */
export function dayLabel(day: string, index: number): string {
  if (index === 0) return "today";
  return WEEKDAYS[(parseDay(day).weekday + 1) % 7] as string;
}

export function monthName(month: number): string {
  return MONTHS[month] as string;
}

/** "27 Nov 2025, 14:05" for journal entries. */
export function dateTime(iso: string): string {
  const at = new Date(iso);
  const hh = String(at.getHours()).padStart(2, "0");
  const mm = String(at.getMinutes()).padStart(2, "0");
  return `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()}, ${hh}:${mm}`;
}
