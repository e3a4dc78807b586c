/** `tutor journal [lesson] [--json]`: what the learner wrote in stages 2, 4 and 6. */
import { EXIT_OK, refusalExitCode, refusalText } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";
import { journalReport } from "../text/reports.js";

export async function journal(
  lesson: string | undefined,
  options: { json?: boolean },
  globals: GlobalOptions,
): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    let lessonId: string | undefined;
    if (lesson !== undefined) {
      const found = tutor.findLesson(lesson);
      if (!found.ok) {
        process.stderr.write(`tutor: ${refusalText(found)}\n`);
        return refusalExitCode(found);
      }
      lessonId = found.value.id;
    }
    const entries = await tutor.journal(LEARNER_ID, lessonId);
    const titles = new Map(tutor.lessons().map((l) => [l.id, l.title]));
    process.stdout.write(
      options.json ? `${JSON.stringify(entries, null, 2)}\n` : journalReport(entries, titles, lessonId),
    );
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
