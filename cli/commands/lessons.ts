/** `tutor lessons [--json]`: the catalog with each lesson's stages, as plain text or JSON. */
import { EXIT_OK } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";
import { lessonsReport } from "../text/reports.js";

export async function lessons(options: { json?: boolean }, globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    const catalog = await tutor.catalog(LEARNER_ID);
    process.stdout.write(options.json ? `${JSON.stringify(catalog, null, 2)}\n` : lessonsReport(catalog));
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
