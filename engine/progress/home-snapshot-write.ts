/** Writing the home snapshot (home-snapshot.ts): apart, so reading it before the first frame loads no writer. */
import { writeAtomically } from "../files/write-atomically.js";
import { type Snapshot, snapshotFile } from "./home-snapshot.js";

export async function writeHomeSnapshot(
  dataDir: string,
  learnerId: string,
  snapshot: Snapshot,
): Promise<void> {
  // A cache: not durable, and a failure only costs the next start its head start.
  await writeAtomically(snapshotFile(dataDir, learnerId), JSON.stringify(snapshot), { durable: false }).catch(
    () => undefined,
  );
}
