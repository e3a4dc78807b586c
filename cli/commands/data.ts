/**
 * `tutor data rebuild`: recounts the server figures (leaderboards, stats) from every learner's answer log.
 * `tutor data export`: the terminal learner's answers, oldest first, as JSON Lines, streamed from the log.
 */
import { EXIT_OK } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";

export async function rebuild(globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const report = await tutor.rebuildFigures();
    const lines = [
      `Recounted the server figures from ${report.learners} learner(s) and ${report.answers} answer(s) in ${tutor.dataDir}.`,
      ...report.skipped.map((s) => `Skipped (left as it is): ${s}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}

export async function exportHistory(globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    for await (const record of tutor.history(LEARNER_ID)) {
      if (!process.stdout.write(`${JSON.stringify(record)}\n`)) {
        await new Promise((resolve) => process.stdout.once("drain", resolve));
      }
    }
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
