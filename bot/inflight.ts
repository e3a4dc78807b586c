/**
 * Bookkeeping shared by the interaction and message handlers: Discord may deliver a dispatch twice, and
 * shutdown must wait for the work already running (and its writes) before the process exits.
 */
const SEEN_LIMIT = 1000;

export class Inflight {
  private readonly running = new Set<Promise<void>>();
  private readonly seen = new Set<string>();
  /** Set by close(): take no new work. */
  closing = false;

  /** True the first time an id comes by; a replayed dispatch must not be handled twice. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  track(run: Promise<void>): Promise<void> {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Resolves when nothing is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.idle();
  }
}
