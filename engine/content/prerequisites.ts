/** Prerequisite cycles (longer than a lesson naming itself, which the cross-check reports on its own). */
import type { Lesson } from "./model.js";

/** Each lesson on a cycle, with one cycle through it: `[a, b, a]`. Iterative: no recursion on long chains. */
export function prerequisiteCycles(lessons: Lesson[]): [Lesson, string[]][] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const needs = (id: string) => (byId.get(id)?.prerequisites ?? []).filter((p) => p !== id && byId.has(p));
  // Peel off lessons whose prerequisites can all be met; what is left is on a cycle or waits for one.
  const waiting = new Map(lessons.map((l) => [l.id, new Set(needs(l.id))]));
  const neededBy = new Map<string, string[]>();
  for (const l of lessons) for (const p of needs(l.id)) neededBy.set(p, [...(neededBy.get(p) ?? []), l.id]);
  const ready = [...waiting].filter(([, set]) => set.size === 0).map(([id]) => id);
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    waiting.delete(id);
    for (const dependent of neededBy.get(id) ?? []) {
      const set = waiting.get(dependent);
      set?.delete(id);
      if (set?.size === 0) ready.push(dependent);
    }
  }
  const cycles: [Lesson, string[]][] = [];
  for (const id of waiting.keys()) {
    const path = pathBack(id, (from) => needs(from).filter((p) => waiting.has(p)));
    if (path) cycles.push([byId.get(id) as Lesson, path]);
  }
  return cycles;
}

/** The shortest path from `start` back to itself along `next`, breadth first; undefined if there is none. */
function pathBack(start: string, next: (id: string) => string[]): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const p of next(id)) {
      if (p === start) {
        const path = [start];
        for (let at: string | undefined = id; at !== start && at !== undefined; at = cameFrom.get(at))
          path.push(at);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (cameFrom.has(p)) continue;
      cameFrom.set(p, id);
      queue.push(p);
    }
  }
  return undefined;
}
