// One of the 4 writer processes of bench/pg-store.bench.ts: records `count` answers through the store at
// `location` (a folder or a database URL), spread over `learners` learners (this worker's share: i*4+k), and
// prints {"ms": <time of the loop>, "answers": <count>}. The loop starts when stdin says "go", so the 4 start
// together after each has opened its store.
import { once } from "node:events";
import { openStore } from "../engine/progress/open-store.js";
import { guildOf, recordBenchAnswer } from "./store-data.js";

const [location, k, count, learners] = process.argv.slice(2) as [string, string, string, string];
const store = await openStore(location, { onNotice: () => undefined });
await store.read("warm-up");
process.stdout.write("ready\n");
await once(process.stdin, "data");
const t = performance.now();
for (let i = 0; i < Number(count); i++) {
  const learner = `discord:1000000000${String(((i * 4 + Number(k)) % Number(learners)) + 0).padStart(8, "0")}`;
  await recordBenchAnswer(store, learner, i, guildOf(i));
}
const ms = performance.now() - t;
await store.close();
process.stdout.write(`${JSON.stringify({ ms, answers: Number(count) })}\n`);
process.exit(0);
