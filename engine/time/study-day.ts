/**
 * Study days in the learner's own time zone, with a day boundary (default 4 a.m., as Anki does):
 * an answer at 1 a.m. counts for the day before.
 */

export interface DayClock {
  /** An IANA time zone; none means this machine's. */
  timeZone?: string | undefined;
  dayStartHour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function studyDay(at: Date, clock: DayClock): string {
  const shifted = new Date(at.getTime() - clock.dayStartHour * 3_600_000);
  // This machine's time zone is Date's own: no Intl time zone data to load, which costs milliseconds at start.
  if (clock.timeZone === undefined) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}-${pad(shifted.getDate())}`;
  }
  let format = formatters.get(clock.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: clock.timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(clock.timeZone, format);
  }
  // en-CA formats as YYYY-MM-DD.
  return format.format(shifted);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Current streak (ending today, or yesterday when today has no study yet) and the longest ever. */
export function streakOf(days: Set<string>, today: string): { current: number; longest: number } {
  let current = 0;
  let cursor = days.has(today) ? today : addDays(today, -1);
  while (days.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  let longest = 0;
  for (const day of days) {
    if (days.has(addDays(day, -1))) continue;
    let run = 0;
    for (let d = day; days.has(d); d = addDays(d, 1)) run++;
    longest = Math.max(longest, run);
  }
  return { current, longest };
}
