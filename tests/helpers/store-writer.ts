// A separate process that records answers through a real store, as the engine does (tallies counted, the answer
// appended, the document rewritten). Prints "ack <questionId>" once each answer is saved.
// Usage: store-writer <dataDir|database URL> <learnerId> <tag> <count|forever> [staleMs] [stall|shared]
// With "shared", every second answer (the odd ones) goes to the learner "shared" instead of <learnerId>.
// With "stall", the first update prints "holding" while it holds the lock and then busies itself for 1 s, so
// the test can stop the process (SIGSTOP) with the lock held. A failed write prints "error <code>", exit code 3.
import type { StoreError } from "../../engine/errors.js";
import { openStore } from "../../engine/progress/open-store.js";
import { countAnswer } from "../../engine/progress/tallies.js";

const [location, learnerId, tag, countArg, staleArg, mode] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
  string?,
];
const count = countArg === "forever" ? Number.POSITIVE_INFINITY : Number(countArg);

try {
  const store = await openStore(location, {
    lockStaleMs: Number(staleArg ?? 10_000),
    onNotice: (message) => process.stderr.write(`notice: ${message}\n`),
  });
  for (let i = 0; i < count; i++) {
    const questionId = `${tag}-${i}`;
    const to = mode === "shared" && i % 2 === 1 ? "shared" : learnerId;
    await store.update(to, (doc, writer) => {
      if (mode === "stall" && i === 0) {
        process.stdout.write("holding\n");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1_000);
      }
      const at = new Date();
      const record = {
        questionId,
        lessonId: "tcp-basics",
        stage: 1 as const,
        at: at.toISOString(),
        correct: i % 3 !== 0,
        score: 1,
        hintUsed: false,
        mode: "quiz" as const,
        guildId: "g1",
        selected: [i % 4],
      };
      countAnswer(doc, record, record.at.slice(0, 10));
      writer.append(record);
    });
    process.stdout.write(`ack ${questionId}\n`);
  }
  await store.close();
} catch (error) {
  process.stdout.write(`error ${(error as StoreError).code ?? (error as Error).message}\n`);
  process.exitCode = 3;
}
