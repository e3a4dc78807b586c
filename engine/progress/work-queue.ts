/**
 * A store's work in this process: each learner's writes one after another (another process is kept out by the
 * store's own lock or transaction), and everything started tracked so close() can wait for it.
 */
export class StoreWork {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier write of the learner in this process. */
  serially<T>(learnerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(learnerId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.queues.set(learnerId, run);
    void run
      .finally(() => {
        if (this.queues.get(learnerId) === run) this.queues.delete(learnerId);
      })
      .catch(() => undefined);
    return this.track(run);
  }

  /** Keeps `work` pending until it settles, so drained() waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
    return work;
  }

  /** Resolves when every piece of work started so far, and any it started in turn, has settled. */
  async drained(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
