/** Opens the engine for the terminal learner, honouring --data-dir, --database-url and --content-dir. */
import type { Overview } from "../engine/index.js";
import type { TerminalTutor } from "./terminal-text.js";

/** The terminal has one learner. */
export const LEARNER_ID = "local";

export interface GlobalOptions {
  /** Where progress is kept: --data-dir, else TUTOR_DATA_DIR, else the engine's default. */
  dataDir?: string;
  /** Progress in PostgreSQL instead: --database-url, else TUTOR_DATABASE_URL (the engine reads it). */
  databaseUrl?: string;
  /** Where lessons/ and quizzes/ are: --content-dir, else TUTOR_CONTENT_DIR, else the bundled lessons. */
  contentDir?: string;
}

export async function openTutor(options: GlobalOptions): Promise<TerminalTutor> {
  // Imported here, not at the top: the first frame is drawn while the engine loads.
  const [{ Tutor }, { terminalSafe }] = await Promise.all([
    import("../engine/index.js"),
    import("./terminal-text.js"),
  ]);
  const tutor = await Tutor.open({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.contentDir ? { contentDir: options.contentDir } : {}),
  });
  // Everything the screens and reports show comes through here (see terminal-text.ts).
  return terminalSafe(tutor);
}

/**
 * The home screen kept from the last start, if it is still true (engine/progress/home-snapshot.ts), without control
 * characters like everything else the terminal shows. Read through the engine's small second door, before the
 * engine itself loads.
 */
export async function homeSnapshot(options: GlobalOptions): Promise<Overview | undefined> {
  // Progress in a database is shared: a snapshot in the local folder could be older than it.
  if (options.databaseUrl || process.env.TUTOR_DATABASE_URL?.trim()) return undefined;
  const { defaultContentDir, defaultDataDir, readHomeSnapshot, withoutControls } = await import(
    "../engine/snapshot.js"
  );
  const overview = await readHomeSnapshot(
    options.dataDir || defaultDataDir(),
    options.contentDir || defaultContentDir(),
    LEARNER_ID,
    new Date(),
  );
  return overview && withoutControls(overview);
}
