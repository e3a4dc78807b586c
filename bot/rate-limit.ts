/**
 * A per-member sliding-window limit, kept in memory: a restart forgets it, which is fine for a limit that only
 * keeps one member from flooding a channel (or a language model) with questions.
 */
export interface RateLimitOptions {
  /** How many in any window. */
  max: number;
  windowMs: number;
  now?: () => Date;
}

export type Taken =
  | { ok: true }
  /** `first`: the first refusal since the last admitted one (say it once, then stay quiet). */
  | { ok: false; retryAt: Date; first: boolean };

interface Entry {
  stamps: number[];
  told: boolean;
}

/** Entries kept before the ones with nothing in their window are swept. */
const SWEEP_FROM = 5000;

export class RateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => Date;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get max(): number {
    return this.options.max;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  /** Counts one for `key` if it is under the limit; otherwise says when it may go again. */
  take(key: string): Taken {
    const now = this.now().getTime();
    const since = now - this.options.windowMs;
    const entry = this.entries.get(key) ?? { stamps: [], told: false };
    entry.stamps = entry.stamps.filter((stamp) => stamp > since);
    if (entry.stamps.length >= this.options.max) {
      const first = !entry.told;
      entry.told = true;
      this.entries.set(key, entry);
      return { ok: false, retryAt: new Date((entry.stamps[0] as number) + this.options.windowMs), first };
    }
    entry.stamps.push(now);
    entry.told = false;
    this.entries.set(key, entry);
    if (this.entries.size > SWEEP_FROM) this.sweep(since);
    return { ok: true };
  }

  private sweep(since: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.stamps.every((stamp) => stamp <= since)) this.entries.delete(key);
    }
  }
}
