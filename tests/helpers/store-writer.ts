// A separate process that appends answers to one learner's document through the real store.
// Prints "wrote <n>" after each write.
// Usage: store-writer <dataDir> <learnerId> <tag> <count|forever> [padding bytes]
import { JsonProgressStore } from "../../engine/progress/store.js";

const [dataDir, learnerId, tag, countArg, padding] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const store = new JsonProgressStore(dataDir);
const count = countArg === "forever" ? Number.POSITIVE_INFINITY : Number(countArg);
const pad = "x".repeat(Number(padding ?? 0));

for (let i = 0; i < count; i++) {
  await store.update(learnerId, (doc) => {
    doc.history.push({
      questionId: `${tag}-${i}`,
      lessonId: "tcp-basics",
      stage: 1,
      at: new Date().toISOString(),
      correct: true,
      score: 1,
      hintUsed: false,
      mode: "quiz",
      text: pad,
    });
  });
  process.stdout.write(`wrote ${i + 1}\n`);
}
await store.close();
