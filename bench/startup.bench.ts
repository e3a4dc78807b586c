// Start-up of the terminal app: from process start to the first rendered frame of the home screen, and to
// the home screen complete with the catalog, beside `node -e 0` measured in the same run. All run under
// `script`, which gives them a real terminal (the app needs one), so all pay the same wrapper cost.
// Target: at most 2.5x `node -e 0`. The content is the bundled lessons, as a learner has it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET = 2.5;
/** The home screen's title: its first frame, drawn while the engine reads the lessons. */
const HOME_TITLE = "Six stages tutor";
/** Shown once the catalog is there: the home screen complete. */
const READY = "Continue:";
const TIMEOUT_MS = 20_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal escapes
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Milliseconds from spawning `command` in a terminal until `done(output)` says so (or it exits). */
function measure(
  command: string,
  env: NodeJS.ProcessEnv,
  done?: (output: string) => boolean,
  /** Milliseconds to leave the app running once done: time for it to finish what it writes after drawing. */
  linger = 0,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: root,
      env,
      stdio: ["pipe", "pipe", "ignore"],
    });
    let output = "";
    let finished: number | undefined;
    const finish = () => {
      finished ??= Number(process.hrtime.bigint() - started) / 1e6;
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out: ${command}\n${output.replace(ANSI, "")}`));
    }, TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (done && finished === undefined && done(output.replace(ANSI, ""))) {
        finish();
        setTimeout(() => child.kill("SIGTERM"), linger);
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      finish();
      resolve(finished as number);
    });
    child.on("error", reject);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export default async function startup(): Promise<void> {
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("scripts/build.mjs failed");
  const dataDir = mkdtempSync(join(tmpdir(), "tutor-bench-"));
  const env = { ...process.env, TUTOR_DATA_DIR: dataDir, TERM: process.env.TERM || "xterm-256color" };
  const node = JSON.stringify(process.execPath);
  const app = `${node} dist/tutor.js`;
  const bare: number[] = [];
  const first: number[] = [];
  const ready: number[] = [];
  const unkept: number[] = [];
  // The home screen kept from the last start (engine/progress/home-snapshot.ts): removed to measure a start
  // after something changed (an answer, an edited lesson, a new study day), when the engine must compute it.
  const forget = () => {
    const cache = join(dataDir, "cache");
    for (const name of readdirSync(cache).filter((n) => n.startsWith("home-"))) rmSync(join(cache, name));
  };
  try {
    // One untimed run each warms the file cache, parses and caches the lessons, and, left open a moment as a
    // learner leaves it, keeps the home screen for the next start.
    await measure(`${node} -e 0`, env);
    await measure(app, env, (out) => out.includes(READY), 1500);
    for (let i = 0; i < RUNS; i++) {
      bare.push(await measure(`${node} -e 0`, env));
      first.push(await measure(app, env, (out) => out.includes(HOME_TITLE)));
      ready.push(await measure(app, env, (out) => out.includes(READY)));
      forget();
      unkept.push(await measure(app, env, (out) => out.includes(READY)));
      // Back to a kept home screen for the next round, as the last start leaves it.
      await measure(app, env, (out) => out.includes(READY), 500);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const b = median(bare);
  const line = (label: string, xs: number[]) => {
    const m = median(xs);
    const ratio = m / b;
    return `${label.padEnd(42)}${m.toFixed(0).padStart(5)} ms (min ${Math.min(...xs).toFixed(0)})  ${ratio.toFixed(2)}x${ratio <= TARGET ? "" : `  over the ${TARGET}x target`}`;
  };
  console.log(`${RUNS} runs each, interleaved, medians; every process runs under script(1) for a terminal`);
  console.log(
    `${"node -e 0".padEnd(42)}${b.toFixed(0).padStart(5)} ms (min ${Math.min(...bare).toFixed(0)})`,
  );
  console.log(line("tutor: first frame of the home screen", first));
  console.log(line("tutor: home with the catalog (lessons read)", ready));
  console.log(line("  the same when nothing was kept (changed since)", unkept));
}
