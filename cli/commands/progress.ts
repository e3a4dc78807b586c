/** `tutor progress [--json]`: the learner's progress as plain text or JSON, fine in a pipe. */

import { EXIT_OK } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";
import { progressReport } from "../text/reports.js";

export async function progress(options: { json?: boolean }, globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const summary = await tutor.progress(LEARNER_ID);
    process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : progressReport(summary));
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
