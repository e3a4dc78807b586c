// A ProgressStore in memory, for tests about something else than storage (rendering every bundled question,
// say): the same contract as the JSON store, each document kept as JSON text, without a file, a lock and an
// fsync per answer. The store itself is tested in tests/engine/store*.test.ts.
import { emptyDoc, type LearnerDoc } from "../../engine/progress/model.js";
import type { ProgressStore } from "../../engine/progress/store.js";

export class MemoryProgressStore implements ProgressStore {
  readonly dir = "(memory)";
  private readonly docs = new Map<string, string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async read(learnerId: string): Promise<LearnerDoc> {
    return this.load(learnerId);
  }

  async update<T>(learnerId: string, fn: (doc: LearnerDoc) => T): Promise<T> {
    // Read, change and keep in one synchronous step: concurrent updates of a learner cannot interleave.
    const doc = this.load(learnerId);
    const result = fn(doc);
    this.docs.set(learnerId, JSON.stringify(doc));
    return result;
  }

  async learners(): Promise<string[]> {
    return [...this.docs.keys()];
  }

  async close(): Promise<void> {}

  private load(learnerId: string): LearnerDoc {
    const text = this.docs.get(learnerId);
    return text === undefined ? emptyDoc(learnerId, this.now()) : (JSON.parse(text) as LearnerDoc);
  }
}
