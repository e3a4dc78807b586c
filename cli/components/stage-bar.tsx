/** A lesson's six stages as coloured cells; the glyphs alone carry the meaning without colour. */
import { Text } from "ink";
import type { StageProgress, StageStatus } from "../../engine/index.js";
import { STAGE_GLYPHS } from "../text/stage-bar.js";

const COLORS: Record<StageStatus, string> = { passed: "green", available: "yellow", locked: "gray" };

export function StageBar({ stages, current }: { stages: readonly StageProgress[]; current?: number }) {
  return (
    <Text>
      {stages.map((s) => (
        <Text key={s.stage} color={COLORS[s.status]} underline={s.stage === current}>
          {STAGE_GLYPHS[s.status]}
        </Text>
      ))}
    </Text>
  );
}
