/**
 * The /progress picture: each lesson's six stages as a bar, and the last 12 weeks of study as a heatmap (a column a
 * week, Monday on top). Drawn as SVG, rendered to PNG by @resvg/resvg-js with the bundled DejaVu Sans (no system
 * fonts, so every machine draws the same picture). resvg is imported on first use only: the terminal app never
 * loads it, and a bot whose platform has no resvg binary still answers /progress, as text.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { heatLevel, type ProgressSummary, type StageStatus } from "../../engine/index.js";
import { LIMITS, truncate } from "./limits.js";

const FONT = "DejaVu Sans";
const WIDTH = 720;
const PAD = 24;
const ROW = 24;
const CELL = 16;
const GAP = 3;
/** Lessons drawn; the rest are counted in one line (the text card lists them all). */
const MAX_LESSONS = 40;
const STAGE_FILL: Record<StageStatus, string> = {
  passed: "#3fb950",
  available: "#d29922",
  locked: "#30363d",
};
const HEAT = ["#161b22", "#0e4429", "#006d32", "#26a641", "#39d353"];

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

/** Monday = 0 ... Sunday = 6, for a YYYY-MM-DD day. */
function weekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function progressSvg(summary: ProgressSummary, who: string): string {
  const parts: string[] = [];
  const text = (x: number, y: number, body: string, size = 14, fill = "#e6edf3", extra = "") =>
    parts.push(
      `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(body)}</text>`,
    );
  let y = PAD + 20;
  text(PAD, y, truncate(`Progress of ${who}`, 60), 20, "#ffffff", ' font-weight="bold"');
  y += 26;
  text(
    PAD,
    y,
    `${summary.stagesPassed} of ${summary.stagesTotal} stages passed · streak ${summary.streak.current} day${summary.streak.current === 1 ? "" : "s"} · ${summary.answers} answers`,
    13,
    "#8b949e",
  );
  y += 26;

  const lessons = summary.lessons.slice(0, MAX_LESSONS);
  const barX = WIDTH - PAD - 6 * (CELL + GAP) - 44;
  for (const lesson of lessons) {
    text(PAD, y + 13, truncate(lesson.title, 52), 13);
    lesson.stages.forEach((stage, i) => {
      parts.push(
        `<rect x="${barX + i * (CELL + GAP)}" y="${y + 1}" width="${CELL}" height="${CELL}" rx="3" fill="${STAGE_FILL[stage.status]}"/>`,
      );
    });
    text(barX + 6 * (CELL + GAP) + 6, y + 13, `${lesson.passedStages}/6`, 13, "#8b949e");
    y += ROW;
  }
  if (summary.lessons.length > lessons.length) {
    text(PAD, y + 13, `and ${summary.lessons.length - lessons.length} more lessons`, 13, "#8b949e");
    y += ROW;
  }
  y += 16;

  // The heatmap: days in columns of weeks, Monday on top.
  const days = summary.activity;
  const active = days.filter((d) => d.count > 0).length;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  text(
    PAD,
    y + 14,
    `Last ${Math.round(days.length / 7)} weeks: ${total} answers on ${active} days`,
    14,
    "#ffffff",
  );
  y += 28;
  const gridX = PAD + 36;
  const offset = days[0] ? weekday(days[0].day) : 0;
  const monthY = y + 10;
  y += 16;
  ["Mon", "", "Wed", "", "Fri", "", "Sun"].forEach((label, r) => {
    if (label) text(PAD, y + r * (CELL + GAP) + 12, label, 11, "#8b949e");
  });
  let lastMonth = -1;
  days.forEach((d, i) => {
    const col = Math.floor((i + offset) / 7);
    const row = (i + offset) % 7;
    const x = gridX + col * (CELL + GAP);
    parts.push(
      `<rect x="${x}" y="${y + row * (CELL + GAP)}" width="${CELL}" height="${CELL}" rx="3" fill="${HEAT[heatLevel(d.count)]}"/>`,
    );
    const month = Number(d.day.slice(5, 7)) - 1;
    if (month !== lastMonth && row === 0) {
      text(x, monthY, MONTHS[month] ?? "", 11, "#8b949e");
      lastMonth = month;
    } else if (lastMonth === -1) lastMonth = month;
  });
  y += 7 * (CELL + GAP) + 18;
  text(gridX, y, "less", 11, "#8b949e");
  HEAT.forEach((fill, i) => {
    parts.push(
      `<rect x="${gridX + 34 + i * (CELL + GAP)}" y="${y - 12}" width="${CELL}" height="${CELL}" rx="3" fill="${fill}"/>`,
    );
  });
  text(gridX + 40 + HEAT.length * (CELL + GAP), y, "more", 11, "#8b949e");
  const height = y + PAD;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><rect width="100%" height="100%" fill="#0d1117"/>${parts.join("")}</svg>`;
}

/** The picture in words, for screen readers: the figures it draws. Within Discord's 1,024 for an alt text. */
export function progressAltText(summary: ProgressSummary): string {
  const days = summary.activity;
  const active = days.filter((d) => d.count > 0);
  const total = active.reduce((sum, d) => sum + d.count, 0);
  const busiest = active.reduce<{ day: string; count: number } | undefined>(
    (best, d) => (!best || d.count > best.count ? d : best),
    undefined,
  );
  const activity = `Heatmap of the last ${Math.round(days.length / 7)} weeks: ${total} answers on ${active.length} of ${days.length} days${busiest ? `, most on ${busiest.day} (${busiest.count})` : ""}.`;
  const head = `Bars of the six stages per lesson: ${summary.stagesPassed} of ${summary.stagesTotal} stages passed. `;
  const started = summary.lessons.filter((l) => l.passedStages > 0);
  const lessons = started.length
    ? `${started.map((l) => `${l.title} ${l.passedStages}/6`).join("; ")}; the other lessons 0/6. `
    : "No stage passed yet. ";
  const room = LIMITS.attachmentDescription - head.length - activity.length;
  return `${head}${lessons.length <= room ? lessons : `${lessons.slice(0, Math.max(0, room - 2))}… `}${activity}`;
}

function fontFile(): string | undefined {
  // From bot/render/ (sources) or dist/ (the bundle): the nearest folder above with bot/assets/fonts.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, "bot", "assets", "fonts", "DejaVuSans.ttf");
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The picture as PNG, or undefined when resvg or the font cannot be loaded here (the text card still goes out). */
export async function progressPng(summary: ProgressSummary, who: string): Promise<Buffer | undefined> {
  const font = fontFile();
  if (!font) return undefined;
  let Resvg: typeof import("@resvg/resvg-js").Resvg;
  try {
    ({ Resvg } = await import("@resvg/resvg-js"));
  } catch {
    return undefined;
  }
  const png = new Resvg(progressSvg(summary, who), {
    font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return png.length <= LIMITS.attachmentBytes ? png : undefined;
}
