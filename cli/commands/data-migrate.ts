/**
 * `tutor data migrate --from <dir|url> --to <dir|url>`: copies every learner from one store to another (a JSON data
 * folder or a PostgreSQL URL, either way), with a progress bar, and prints the count of each kind in both; exit
 * code 1 when they differ. `tutor data verify <a> <b>`: compares two stores; prints "identical" or the differences
 * (exit code 1). A database URL is only ever shown without its password.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import {
  type Counts,
  CountsDiffer,
  describeLocation,
  isDatabaseUrl,
  KIND_WORDS,
  KINDS,
  type MigrateProgress,
  migrateStores,
  openStore,
  type ProgressStore,
  sameLocation,
  verifyStores,
} from "../../engine/index.js";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

const PHASE_WORDS: Record<MigrateProgress["phase"], string> = {
  copy: "copying",
  rebuild: "recounting the figures",
  count: "counting the target",
  compare: "comparing",
};

export async function migrate(options: { from: string; to: string }): Promise<number> {
  const refused = refuse("migrate", options.from, options.to);
  if (refused !== undefined) return refused;
  return withStores([options.from, options.to], async ([from, to]) => {
    const progress = progressReporter();
    try {
      const report = await migrateStores(from, to, { onProgress: progress.update });
      progress.stop();
      process.stdout.write(
        `${countsTable(report.source, report.target)}\nMigrated ${report.source.learners} learner(s) from ${describeLocation(options.from)} to ${describeLocation(options.to)}: every count matches.\n`,
      );
      return EXIT_OK;
    } catch (error) {
      progress.stop();
      if (!(error instanceof CountsDiffer)) throw error;
      process.stdout.write(`${countsTable(error.report.source, error.report.target)}\n`);
      process.stderr.write(`tutor data migrate: ${error.message.replace(/`([^`]*)`/g, "'$1'")}\n`);
      return EXIT_FAILED;
    }
  });
}

export async function verify(first: string, second: string): Promise<number> {
  const refused = refuse("verify", first, second);
  if (refused !== undefined) return refused;
  return withStores([first, second], async ([a, b]) => {
    const progress = progressReporter();
    const report = await verifyStores(a, b, { onProgress: progress.update }).finally(() => progress.stop());
    const names = `${describeLocation(first)} and ${describeLocation(second)}`;
    if (report.total === 0) {
      process.stdout.write(
        `identical: ${names} hold the same ${report.learners} learner(s) and the same server figures.\n`,
      );
      return EXIT_OK;
    }
    const lines = report.differences.map(
      (d) => `  ${d.learnerId === undefined ? "figures" : `learner ${d.learnerId}`}: ${d.what}`,
    );
    const more = report.total - report.differences.length;
    process.stdout.write(
      `${[
        `${report.total} difference(s) between ${names} (first and second), over ${report.learners} learner(s):`,
        ...lines,
        ...(more > 0 ? [`  and ${more} more`] : []),
      ].join("\n")}\n`,
    );
    return EXIT_FAILED;
  });
}

/** Usage errors and a folder to read that is not one: the exit code, or undefined to go on. */
function refuse(command: string, first: string, second: string): number | undefined {
  if (sameLocation(first, second)) {
    process.stderr.write(
      `tutor data ${command}: both name the same store (${describeLocation(first)}): name two different ones.\n`,
    );
    return EXIT_USAGE;
  }
  // A store that is read from must exist: opening a folder that is not there would make an empty one.
  for (const location of command === "migrate" ? [first] : [first, second]) {
    if (isDatabaseUrl(location)) continue;
    if (!existsSync(join(location, "learners"))) {
      process.stderr.write(
        `tutor data ${command}: ${location} is not a tutor data folder (it has no learners/ folder). Name the folder that holds learners/ and servers/.\n`,
      );
      return EXIT_FAILED;
    }
  }
  return undefined;
}

async function withStores(
  locations: [string, string],
  work: (stores: [ProgressStore, ProgressStore]) => Promise<number>,
): Promise<number> {
  const notice = (message: string) => process.stderr.write(`tutor: ${message}\n`);
  const first = await openStore(locations[0], { onNotice: notice });
  let second: ProgressStore | undefined;
  try {
    second = await openStore(locations[1], { onNotice: notice });
    return await work([first, second]);
  } finally {
    await first.close();
    await second?.close();
  }
}

/**
 * A progress bar on a terminal (cli-progress, on standard error); elsewhere a plain line at the start and end of
 * each phase and at every tenth of it, so a log shows progress without a line per learner.
 */
function progressReporter(): { update: (progress: MigrateProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: "{phase} |{bar}| {value}/{total} learners", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let phase: string | undefined;
    return {
      update: (p) => {
        if (p.phase !== phase) {
          if (phase !== undefined) bar.stop();
          phase = p.phase;
          bar.start(p.total, p.done, { phase: PHASE_WORDS[p.phase].padEnd(22) });
        } else bar.update(p.done);
      },
      stop: () => {
        if (phase !== undefined) bar.stop();
        phase = undefined;
      },
    };
  }
  let last = "";
  return {
    update: (p) => {
      const step = Math.max(1, Math.ceil(p.total / 10));
      if (p.done !== 0 && p.done !== p.total && p.done % step !== 0) return;
      const line =
        p.phase === "rebuild"
          ? PHASE_WORDS.rebuild
          : `${PHASE_WORDS[p.phase]}: ${p.done} of ${p.total} learner(s)`;
      if (line === last) return;
      last = line;
      process.stderr.write(`${line}\n`);
    },
    stop: () => undefined,
  };
}

function countsTable(source: Counts, target: Counts): string {
  const width = Math.max(...KINDS.map((k) => KIND_WORDS[k].length));
  const cell = (n: number) => String(n).padStart(10);
  const rows = KINDS.map(
    (k) =>
      `${KIND_WORDS[k].padEnd(width)}${cell(source[k])}${cell(target[k])}${source[k] === target[k] ? "" : "  differs"}`,
  );
  return [`${"".padEnd(width)}${"source".padStart(10)}${"target".padStart(10)}`, ...rows].join("\n");
}
