/** What every use case needs: the content, the store, the clock and the pass mark. The Tutor facade owns one. */
import type { Library } from "./content/library.js";
import type { ProgressStore } from "./progress/store.js";
import type { DayClock } from "./time/study-day.js";
import type { Refusal, RefusalCode, Result } from "./tutor-types.js";

export interface EngineContext {
  /** The loaded content; replaced whole when the content is reloaded. */
  library: Library;
  readonly store: ProgressStore;
  readonly now: () => Date;
  /** Share of a stage's questions to answer right in one attempt to pass it. */
  readonly passMark: number;
  /** Study days and streaks. */
  readonly clock: DayClock;
  /** Where each attempt's shuffle seed comes from (0 <= x < 1): Math.random, pinned in tests. */
  readonly random: () => number;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const refuse = (code: RefusalCode, message: string, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  code,
  message,
  ...extra,
});
