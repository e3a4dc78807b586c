/** What rests on the learner's self-assessment, in the terminal's words: for the progress screen and report. */
import type { CatalogEntry, JournalEntry, RecallRating } from "../../engine/index.js";

export const RATING_NAMES: Record<RecallRating, string> = {
  again: "Again",
  hard: "Hard",
  good: "Good",
  easy: "Easy",
};

/** One line, or undefined when nothing was counted on the learner's word. */
export function selfAssessedLine(selfAssessed: number, lessons: readonly CatalogEntry[]): string | undefined {
  const stages = lessons.flatMap((l) =>
    l.stages.filter((s) => s.selfAssessed).map((s) => `${l.title} stage ${s.stage}`),
  );
  if (selfAssessed === 0 && stages.length === 0) return undefined;
  const answers = `${selfAssessed} answer${selfAssessed === 1 ? "" : "s"} counted a key point on your word`;
  const passed = stages.length > 0 ? `; passed so: ${stages.join(", ")}` : "";
  return `Self-assessed: ${answers}${passed}. Leaderboards count only the grader's verdicts.`;
}

/** The journal's lines for an entry's self-assessment: the rating, points counted on the learner's word, disputes. */
export function journalSelfAssessment(entry: JournalEntry): string[] {
  const self = entry.selfAssessment;
  if (!self) return [];
  const lines = [`  you rated your recall ${RATING_NAMES[self.rating] ?? self.rating}`];
  if (self.credited.length > 0) lines.push(`  covered (self-assessed): ${self.credited.join("; ")}`);
  const others = self.disputed.filter((d) => !self.credited.includes(d.text));
  if (others.length > 0) {
    lines.push(
      `  disputed (sent to the authors): ${others.map((d) => `${d.text} (graded ${d.covered ? "covered" : "missed"})`).join("; ")}`,
    );
  }
  return lines;
}
