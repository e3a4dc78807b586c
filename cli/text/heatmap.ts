/** The study-activity heatmap: one cell a day, a column a week (Monday on top), like a contribution graph. */
import { heatLevel } from "../../engine/index.js";
import { monthName, parseDay } from "./dates.js";

export type HeatLevel = ReturnType<typeof heatLevel>;
export { heatLevel };
export const HEAT_GLYPHS: readonly string[] = ["·", "░", "▒", "▓", "█"];

export interface HeatCell {
  day: string;
  count: number;
  level: HeatLevel;
}

export interface HeatmapGrid {
  /** Seven rows (Monday first); a column per week; null before the first day and after today. */
  rows: (HeatCell | null)[][];
  /** Month names placed above the week in which each month starts. */
  monthLine: string;
}

export const ROW_LABELS = ["Mon", "", "Wed", "", "Fri", "", "Sun"];
const LABEL_WIDTH = 4;

/** Row `r`'s label (ASCII), padded to the label column. */
export function rowLabel(r: number): string {
  return (ROW_LABELS[r] ?? "").padEnd(LABEL_WIDTH);
}
/** Each cell is a glyph and a space. */
const CELL_WIDTH = 2;

export function heatmapGrid(activity: readonly { day: string; count: number }[]): HeatmapGrid {
  const first = activity[0];
  const offset = first ? parseDay(first.day).weekday : 0;
  const weeks = Math.ceil((offset + activity.length) / 7);
  const rows: (HeatCell | null)[][] = Array.from({ length: 7 }, () =>
    Array<HeatCell | null>(weeks).fill(null),
  );
  let monthLine = " ".repeat(LABEL_WIDTH);
  let lastMonth = -1;
  activity.forEach((entry, i) => {
    const slot = offset + i;
    const week = Math.floor(slot / 7);
    const { weekday, month } = parseDay(entry.day);
    (rows[weekday] as (HeatCell | null)[])[week] = {
      day: entry.day,
      count: entry.count,
      level: heatLevel(entry.count),
    };
    if (month !== lastMonth) {
      const at = LABEL_WIDTH + week * CELL_WIDTH;
      // Name a month only where there is room for it after the previous name.
      if (at >= monthLine.length) monthLine = monthLine.padEnd(at) + monthName(month);
      lastMonth = month;
    }
  });
  return { rows, monthLine: monthLine.trimEnd() };
}

export function heatmapLines(activity: readonly { day: string; count: number }[]): string[] {
  const grid = heatmapGrid(activity);
  const lines = [grid.monthLine];
  grid.rows.forEach((row, r) => {
    const cells = row.map((cell) => (cell ? HEAT_GLYPHS[cell.level] : " ")).join(" ");
    lines.push(`${rowLabel(r)}${cells}`.trimEnd());
  });
  lines.push(`${" ".repeat(LABEL_WIDTH)}less ${HEAT_GLYPHS.join(" ")} more`);
  return lines;
}
