/**
 * A per-member limit on @sapphire/ratelimits, kept in memory: a restart forgets it, which is fine for a limit
 * that only keeps one member from flooding a channel (or a language model) with questions. A member's window
 * opens with their first question and allows `max` until it closes; sapphire sweeps closed windows.
 * On top of it: "say it once, then stay quiet" (`first`), and the bot's clock instead of Date.now().
 */
import { RateLimit, RateLimitManager } from "@sapphire/ratelimits";

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

type Clock = () => number;

/** sapphire's bucket reads Date.now(); this one reads the given clock, so the bot (and its tests) set the time. */
class ClockedRateLimit extends RateLimit<string> {
  private readonly clock: Clock;
  private readonly windowMs: number;

  constructor(manager: RateLimitManager<string>, clock: Clock) {
    super(manager); // resets before the clock is set: resetTime() waits for it
    this.clock = clock;
    this.windowMs = manager.time;
    this.resetTime();
  }

  override get remainingTime(): number {
    return Math.max(this.expires - this.clock(), 0);
  }

  override resetTime(): this {
    if (this.clock) this.expires = this.clock() + this.windowMs;
    return this;
  }
}

class ClockedRateLimits extends RateLimitManager<string> {
  constructor(
    time: number,
    limit: number,
    private readonly clock: Clock,
  ) {
    super(time, limit);
  }

  override create(id: string): RateLimit<string> {
    const bucket = new ClockedRateLimit(this, this.clock);
    this.set(id, bucket);
    return bucket;
  }
}

export class RateLimiter {
  private readonly buckets: RateLimitManager<string>;
  /** Buckets whose member was already told; weak, so a bucket sapphire sweeps takes its mark with it. */
  private readonly told = new WeakSet<RateLimit<string>>();

  constructor(private readonly options: RateLimitOptions) {
    const now = options.now;
    this.buckets = new ClockedRateLimits(
      options.windowMs,
      options.max,
      now ? () => now().getTime() : () => Date.now(),
    );
  }

  get max(): number {
    return this.options.max;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  /** Counts one for `key` if it is under the limit; otherwise says when it may go again. */
  take(key: string): Taken {
    const bucket = this.buckets.acquire(key);
    if (bucket.limited) {
      const first = !this.told.has(bucket);
      this.told.add(bucket);
      return { ok: false, retryAt: new Date(bucket.expires), first };
    }
    bucket.consume();
    this.told.delete(bucket);
    return { ok: true };
  }
}
