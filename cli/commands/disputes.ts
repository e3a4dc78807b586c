/**
 * `tutor check --disputes`: for authors, how often learners disputed each key point of each question after
 * grading, with examples of the answers, read from the data folder's disputes files (never from learners' files).
 */
import { type DisputeReport, defaultDataDir, disputeReport } from "../../engine/index.js";
import { EXIT_OK } from "../errors.js";
import type { GlobalOptions } from "../open-tutor.js";
import { terminalText } from "../terminal-text.js";

export async function disputes(options: { json?: boolean }, globals: GlobalOptions): Promise<number> {
  const dataDir = globals.dataDir ?? defaultDataDir();
  const report = await disputeReport(dataDir);
  process.stdout.write(
    terminalText(options.json ? `${JSON.stringify(report, null, 2)}\n` : disputesText(report, dataDir)),
  );
  return EXIT_OK;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function disputesText(report: DisputeReport, dataDir: string): string {
  const skipped =
    report.skipped > 0
      ? `(${plural(report.skipped, "line")} of the disputes files could not be read and were skipped.)\n`
      : "";
  if (report.questions.length === 0) return `No disputed key points yet in ${dataDir}.\n${skipped}`;
  const lines: string[] = [
    `Key points learners disputed after grading, the most disputed questions first (${dataDir}).`,
    "'said covered': the grader said missed, the learner said covered; 'said missed': the other way round.",
  ];
  for (const question of report.questions) {
    lines.push(
      "",
      `${question.questionId} (${question.lessonId}): ${plural(question.assessments, "self-assessment")} with disputes`,
    );
    for (const point of question.points) {
      const counts = [
        point.saidCovered > 0 ? `${point.saidCovered} said covered` : "",
        point.saidMissed > 0 ? `${point.saidMissed} said missed` : "",
        point.onFlagged > 0 ? `${point.onFlagged} on flagged answers` : "",
      ].filter(Boolean);
      lines.push(`  ${point.text}: ${counts.join(", ")}`);
      for (const example of point.examples) lines.push(`    > ${example.replace(/\s+/g, " ")}`);
    }
  }
  return `${lines.join("\n")}\n${skipped}`;
}
