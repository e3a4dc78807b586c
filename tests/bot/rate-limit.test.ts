// The question limit on its own: a window per member, said once, on the bot's clock.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../bot/rate-limit.js";

describe("the rate limiter", () => {
  it("admits max in a window, then refuses until the window closes, telling only the first time", () => {
    let now = new Date("2025-03-10T12:00:00Z");
    const start = now.getTime();
    const limit = new RateLimiter({ max: 2, windowMs: 60_000, now: () => now });
    expect(limit.take("ana")).toEqual({ ok: true });
    now = new Date(start + 10_000);
    expect(limit.take("ana")).toEqual({ ok: true });
    expect(limit.take("ana")).toEqual({ ok: false, retryAt: new Date(start + 60_000), first: true });
    expect(limit.take("ana")).toEqual({ ok: false, retryAt: new Date(start + 60_000), first: false });
    expect(limit.take("bob")).toEqual({ ok: true });
    now = new Date(start + 60_000);
    expect(limit.take("ana")).toEqual({ ok: true });
    expect(limit.take("ana")).toEqual({ ok: true });
    // A new window: a refusal is said again, once.
    expect(limit.take("ana")).toEqual({ ok: false, retryAt: new Date(start + 120_000), first: true });
  });

  it("reads the real time when given no clock", () => {
    const limit = new RateLimiter({ max: 1, windowMs: 60_000 });
    const before = Date.now();
    expect(limit.take("ana")).toEqual({ ok: true });
    const refused = limit.take("ana");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
  });
});
