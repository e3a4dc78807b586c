// Lets the terminal tests wait until React has nothing left to do instead of waiting a duration.
// React runs a commit's effects (where Ink's useInput attaches a screen's key handler) as a task of its
// scheduler on a later turn of the event loop. The reconciler keeps the scheduler's functions when it loads,
// so this setup file (vitest.config.ts) records every task before Ink is imported; the scheduler is one
// module instance per worker, shared by every test file that runs there.
import { createRequire } from "node:module";

interface Task {
  callback: unknown;
}
interface Tracking {
  tasks: Set<Task>;
  /** Installed after the reconciler loaded: it kept the original function, and no task would be seen. */
  late: boolean;
}
interface Scheduler {
  unstable_scheduleCallback(...args: unknown[]): Task;
  [TRACKING]?: Tracking;
}

const TRACKING = Symbol.for("six-stages-tutor.tests.react-tasks");
const require = createRequire(import.meta.url);
const scheduler = require("scheduler") as Scheduler;

if (!scheduler[TRACKING]) {
  const tracking: Tracking = {
    tasks: new Set(),
    late: Object.keys(require.cache).some((file) => file.includes("/react-reconciler/")),
  };
  scheduler[TRACKING] = tracking;
  const schedule = scheduler.unstable_scheduleCallback;
  scheduler.unstable_scheduleCallback = (...args) => {
    const task = schedule(...args);
    tracking.tasks.add(task);
    return task;
  };
}

/** Whether React's scheduler has a task left: the scheduler clears a task's callback when it is done. */
export function reactBusy(): boolean {
  const { tasks, late } = scheduler[TRACKING] as Tracking;
  if (late)
    throw new Error(
      "Ink was loaded before tests/helpers/react-tasks.ts: make it a setup file of the project",
    );
  for (const task of tasks) if (typeof task.callback !== "function") tasks.delete(task);
  return tasks.size > 0;
}
