/** Plain-text reports for the non-interactive commands: no colour, no cursor tricks, fine in a pipe. */
import type { CatalogEntry, JournalEntry, ProgressSummary, StageProgress } from "../../engine/index.js";
import { stageTitle } from "../../engine/index.js";
import { dateTime, dayLabel } from "./dates.js";
import { heatmapLines } from "./heatmap.js";
import { journalSelfAssessment, selfAssessedLine } from "./self-assessed.js";
import { passedCount, STAGE_LEGEND, stageBar } from "./stage-bar.js";

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "it passes with 4 of 5 right in one attempt", from the engine's counts for the stage's attempt (a draw). */
export function neededText(progress: Pick<StageProgress, "needed" | "asked">): string {
  return `it passes with ${progress.needed} of ${progress.asked} right in one attempt`;
}

/** "5 questions" for a stage whose attempt asks its whole pool, else "5 of its 9 questions". */
export function askedText(view: { asked: number; questionCount: number }): string {
  const noun = `question${view.questionCount === 1 ? "" : "s"}`;
  return view.asked < view.questionCount
    ? `${view.asked} of its ${view.questionCount} ${noun}`
    : `its ${view.questionCount} ${noun}`;
}

export function streakText(streak: ProgressSummary["streak"]): string {
  const days = `${streak.current} day${streak.current === 1 ? "" : "s"}`;
  const today = streak.studiedToday ? "studied today" : "not studied yet today";
  return `${days} (longest ${streak.longest}) · ${today}`;
}

// Labels and counts here are ASCII the tutor makes ("today", "Thu 27 Nov", digits): `.length` is their width,
// and plain reports do not load string-width's Unicode tables for them.
/** Two rows: the coming days, and how many reviews fall due on each. */
export function dueTable(dueByDay: ProgressSummary["dueByDay"]): [string, string] {
  const labels = dueByDay.map((d, i) => dayLabel(d.day, i));
  const widths = labels.map((l, i) => Math.max(l.length, String(dueByDay[i]?.count ?? 0).length));
  const head = labels.map((l, i) => l.padStart(widths[i] as number)).join("  ");
  const counts = dueByDay.map((d, i) => String(d.count).padStart(widths[i] as number)).join("  ");
  return [head, counts];
}

export function lessonLine(entry: CatalogEntry): string {
  return `${stageBar(entry.stages)} ${passedCount(entry.stages)}/6  ${entry.title} (${entry.id})`;
}

export function progressReport(summary: ProgressSummary): string {
  const lines: string[] = [];
  lines.push(
    `Overall: ${summary.stagesPassed} of ${summary.stagesTotal} stages passed (${percent(summary.completion)})`,
  );
  lines.push(`Streak: ${streakText(summary.streak)}`);
  lines.push(`XP: ${summary.xp} · ${summary.answers} answer${summary.answers === 1 ? "" : "s"}`);
  const self = selfAssessedLine(summary.selfAssessed, summary.lessons);
  if (self) lines.push(self);
  lines.push("", `Lessons (${STAGE_LEGEND})`);
  for (const entry of summary.lessons) lines.push(`  ${lessonLine(entry)}`);
  const weeks = Math.ceil(summary.activity.length / 7);
  lines.push("", `Study activity, last ${weeks} weeks`);
  for (const line of heatmapLines(summary.activity)) lines.push(`  ${line}`);
  lines.push("", `Reviews due now: ${summary.dueNow}`);
  if (summary.dueByDay.length > 0) {
    const [head, counts] = dueTable(summary.dueByDay);
    lines.push(`  ${head}`, `  ${counts}`);
  }
  return `${lines.join("\n")}\n`;
}

export function lessonsReport(catalog: readonly CatalogEntry[]): string {
  if (catalog.length === 0) return "No lessons found.\n";
  const lines: string[] = [
    `${catalog.length} lesson${catalog.length === 1 ? "" : "s"} (${STAGE_LEGEND})`,
    "",
  ];
  for (const entry of catalog) {
    lines.push(lessonLine(entry));
    if (entry.summary) lines.push(`        ${entry.summary}`);
    if (!entry.prerequisitesMet && entry.prerequisites.length > 0) {
      lines.push(`        first: ${entry.prerequisites.join(", ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const KIND_NAMES: Record<JournalEntry["kind"], string> = {
  explanation: "explanation",
  design: "design proposal",
  reflection: "reflection",
  note: "note",
};

export function journalKindName(kind: JournalEntry["kind"]): string {
  return KIND_NAMES[kind];
}

/** The journal as text; `lessonId` when it is one lesson's, so an empty one says whose it is. */
export function journalReport(
  entries: readonly JournalEntry[],
  titles: ReadonlyMap<string, string>,
  lessonId?: string,
): string {
  if (entries.length === 0 && lessonId !== undefined)
    return `Nothing in the journal for ${titles.get(lessonId) ?? lessonId} yet: its explain answers in stages 2, 4 and 6 are saved here.\n`;
  if (entries.length === 0)
    return "The journal is empty: explain answers in stages 2, 4 and 6 are saved here.\n";
  const blocks = entries.map((e) => {
    const head = `${titles.get(e.lessonId) ?? e.lessonId} · stage ${e.stage} ${stageTitle(e.stage)} · ${journalKindName(e.kind)} · ${dateTime(e.at)}`;
    const body = e.text
      .split("\n")
      .map((l) => `  ${l}`.trimEnd())
      .join("\n");
    const lines = [head, body];
    if (e.covered.length > 0) lines.push(`  covered: ${e.covered.join("; ")}`);
    if (e.missed.length > 0) lines.push(`  missed: ${e.missed.join("; ")}`);
    lines.push(...journalSelfAssessment(e));
    return lines.join("\n");
  });
  return `${blocks.join("\n\n")}\n`;
}
