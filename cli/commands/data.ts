/**
 * `tutor data export [-o file]` and `tutor data delete [--yes]`: everything kept about you, taken away or removed.
 * `tutor data rebuild`: recounts the server figures (leaderboards, stats) from every learner's answer log.
 */
import { writeFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";

export async function rebuild(globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const report = await tutor.rebuildFigures();
    const lines = [
      `Recounted the server figures from ${report.learners} learner(s) and ${report.answers} answer(s) in ${tutor.progressLocation}.`,
      ...report.skipped.map((s) => `Skipped (left as it is): ${s}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}

export async function exportData(options: { output?: string }, globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const data = await tutor.exportData(LEARNER_ID);
    if (!data) {
      process.stderr.write(
        "tutor data export: nothing is kept about you yet, so there is nothing to export.\n",
      );
      return EXIT_FAILED;
    }
    const json = `${JSON.stringify(data, null, 2)}\n`;
    if (!options.output) {
      process.stdout.write(json);
      return EXIT_OK;
    }
    try {
      // A new file only: an export never overwrites something else.
      await writeFile(options.output, json, { flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(
        `tutor data export: ${code === "EEXIST" ? `${options.output} exists already: name a new file.` : `could not write ${options.output} (${code ?? (error as Error).message}).`}\n`,
      );
      return EXIT_FAILED;
    }
    process.stderr.write(`Your data is in ${options.output}.\n`);
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}

export async function deleteData(options: { yes?: boolean }, globals: GlobalOptions): Promise<number> {
  if (!options.yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write("tutor data delete: to delete without a question (in a script), add --yes.\n");
      return EXIT_USAGE;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl
      .question(
        "This deletes your progress, answers, reviews, journal and settings for good. Type delete to go on: ",
      )
      .finally(() => rl.close());
    if (answer.trim().toLowerCase() !== "delete") {
      process.stderr.write("Nothing was deleted.\n");
      return EXIT_OK;
    }
  }
  const tutor = await openTutor(globals);
  try {
    const deleted = await tutor.deleteData(LEARNER_ID);
    process.stdout.write(
      deleted ? "Deleted: nothing is kept about you any more.\n" : "There was nothing to delete.\n",
    );
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
