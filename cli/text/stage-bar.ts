/** The six stages of a lesson as a compact bar: one glyph a stage, readable without colour. */
import type { StageProgress, StageStatus } from "../../engine/index.js";

export const STAGE_GLYPHS: Record<StageStatus, string> = { passed: "■", available: "□", locked: "·" };

export const STAGE_LEGEND = `${STAGE_GLYPHS.passed} passed  ${STAGE_GLYPHS.available} open  ${STAGE_GLYPHS.locked} locked`;

export function stageBar(stages: readonly StageProgress[]): string {
  return stages.map((s) => STAGE_GLYPHS[s.status]).join("");
}

export function passedCount(stages: readonly StageProgress[]): number {
  return stages.filter((s) => s.status === "passed").length;
}
