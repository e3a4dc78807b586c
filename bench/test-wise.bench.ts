// The test-wise learners of bench/test-wise-learner.ts on the bundled content: how far a cue or replayed feedback
// gets a learner who knows nothing. Targets (issue 16): no cue above 50% on any stage's first attempt; the
// replaying learner passes at most 10% of stages within two attempts. Before the attempt rules: 125 of 126.
import { defaultContentDir } from "../engine/index.js";
import { cueFigures, replayFigures } from "./test-wise-learner.js";

const pct = (n: number, of: number) => (of === 0 ? "  -" : `${Math.round((100 * n) / of)}%`.padStart(4));

export default async function main(): Promise<void> {
  const dir = defaultContentDir();
  const started = performance.now();
  console.log("first attempt, share right of the questions each cue applies to, by stage (1..6):");
  for (const f of await cueFigures(dir)) {
    const cells = f.byStage.map((s) => `${pct(s.right, s.asked)} of ${String(s.asked).padStart(2)}`);
    const worst = Math.max(...f.byStage.map((s) => (s.asked ? s.right / s.asked : 0)));
    const passed = f.byStage.reduce((n, s) => n + s.stagesPassed, 0);
    console.log(
      `  ${f.strategy.padEnd(8)} ${cells.join("  ")}   worst ${pct(worst, 1)} ${worst > 0.5 ? "ABOVE 50%" : "ok"}; stages passed ${passed}`,
    );
  }
  for (const see of [false, true]) {
    const r = await replayFigures(dir, see);
    console.log(
      `replaying learner${see ? ", seeing the answers after each attempt" : ", never asking for the answers"}: first attempt ${r.firstAttempt} of ${r.stages}; within two attempts ${r.twoAttempts} of ${r.stages} (${pct(r.twoAttempts, r.stages).trim()}; by stage ${r.byStage.join(" ")})`,
    );
  }
  console.log(`(${Math.round(performance.now() - started)} ms)`);
}
