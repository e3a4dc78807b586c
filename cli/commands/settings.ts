/** `tutor settings` and `tutor settings timezone <zone>`: the learner's time zone for study days and streaks. */
import { EXIT_OK, EXIT_USAGE } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";

export async function settings(zone: string | undefined, globals: GlobalOptions): Promise<number> {
  const tutor = await openTutor(globals);
  try {
    if (zone === undefined) {
      const s = await tutor.settings(LEARNER_ID);
      process.stdout.write(
        `Time zone: ${s.timeZone}${s.ownTimeZone ? "" : " (this computer's; set yours with: tutor settings timezone <zone>)"}\n`,
      );
      return EXIT_OK;
    }
    const result = await tutor.setTimeZone(LEARNER_ID, zone);
    if (!result.ok) {
      const near = tutor.timeZones(zone, 5);
      process.stderr.write(
        `tutor settings: ${result.message}${near.length > 0 && !result.suggestion ? `\nZones like it: ${near.join(", ")}` : ""}\n`,
      );
      return EXIT_USAGE;
    }
    process.stdout.write(`Time zone: ${result.value.timeZone}. Study days and streaks follow it.\n`);
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}
