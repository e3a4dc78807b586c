// Waiting for a condition, never for a duration: polls until it holds, with a bound generous enough for a
// loaded machine.

/** Generous: only reached when the awaited thing never comes, however loaded the machine is. */
export const WAIT_MS = 15_000;

/** Polls `check` until it holds; throws with `what` (and `detail()`) after `ms` (WAIT_MS). */
export async function waitUntil(
  check: () => boolean,
  what: string,
  detail = () => "",
  ms = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never saw ${what}${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
