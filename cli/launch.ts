/**
 * Starting an interactive command, and the words for a failure that ends any command. Apart from the command line
 * (index.ts), so that `tutor` alone, the home screen, starts without loading the parser (tutor.tsx).
 */
import { EXIT_FAILED } from "./exit-codes.js";
import type { Launch } from "./interactive.js";
import type { GlobalOptions } from "./open-tutor.js";

/**
 * Ink's layout engine (yoga) loads its WebAssembly with `fetch` when there is one, which makes Node set up
 * its whole HTTP client (undici) for a data: URL: about 20 ms of every start. Without `fetch` it decodes the
 * same bytes directly. Only what the launch needs loads meanwhile, and `fetch` is back as it was right after.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  if (!fetch?.configurable) return load();
  Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, "fetch", fetch);
  }
}

/** Runs an interactive command: Ink loads only here, so `tutor progress` and `tutor check` never pay for it. */
export async function interactive(
  command: string,
  globals: GlobalOptions,
  launch: () => Promise<Launch>,
): Promise<number> {
  const { runInteractive } = await withoutFetch(() => import("./interactive.js"));
  return runInteractive(command, globals, await launch());
}

/** `tutor`: the home screen. */
export function home(globals: GlobalOptions): Promise<number> {
  // Started before Ink loads, so the home screen kept from the last start is read meanwhile.
  const launching = import("./commands/home.js").then((m) => m.home(globals));
  launching.catch(() => undefined);
  return interactive("tutor", globals, () => launching);
}

/** The exit code for an error that ended a command: the engine's errors in words, a bug thrown on with its stack. */
export async function failed(error: unknown): Promise<number> {
  // The engine loads only when a command needs it, so its error words do too.
  const { describeError } = await import("./errors.js");
  const words = describeError(error);
  if (words === undefined) throw error;
  process.stderr.write(`tutor: ${words}\n`);
  return EXIT_FAILED;
}
