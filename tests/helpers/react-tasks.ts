// Lets the terminal tests wait until React has nothing left to do instead of waiting a duration.
// React runs a commit's effects (where Ink's useInput attaches a screen's key handler) as a task of its
// scheduler on a later turn of the event loop. The reconciler keeps the scheduler's functions when it loads,
// so this setup file (vitest.config.ts) records every task before Ink is imported; the scheduler is one
// module instance per worker, shared by every test file that runs there.
import { createRequire } from "node:module";

interface Task {
  callback: unknown;
}
interface Scheduler {
  unstable_scheduleCallback(...args: unknown[]): Task;
  [TASKS]?: Set<Task>;
}

const TASKS = Symbol.for("six-stages-tutor.tests.react-tasks");
const scheduler = createRequire(import.meta.url)("scheduler") as Scheduler;

if (!scheduler[TASKS]) {
  const tasks = new Set<Task>();
  scheduler[TASKS] = tasks;
  const schedule = scheduler.unstable_scheduleCallback;
  scheduler.unstable_scheduleCallback = (...args) => {
    const task = schedule(...args);
    tasks.add(task);
    return task;
  };
}

/** Whether React's scheduler has a task left: the scheduler clears a task's callback when it is done. */
export function reactBusy(): boolean {
  const tasks = scheduler[TASKS] as Set<Task>;
  for (const task of tasks) if (typeof task.callback !== "function") tasks.delete(task);
  return tasks.size > 0;
}
