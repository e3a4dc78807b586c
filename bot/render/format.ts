/** Small pieces of Discord text shared by the renderers. */
import type { StageProgress, StageStatus } from "../../engine/index.js";
import { userIdOf } from "../context.js";

export const COLORS = {
  brand: 0x5865f2,
  good: 0x57f287,
  partial: 0xfee75c,
  bad: 0xed4245,
  muted: 0x99aab5,
} as const;

const STATUS_MARK: Record<StageStatus, string> = { passed: "✅", available: "🔓", locked: "🔒" };

export function statusMark(status: StageStatus): string {
  return STATUS_MARK[status];
}

/** One mark per stage: ✅✅🔓🔒🔒🔒 */
export function stageMarks(stages: readonly StageProgress[]): string {
  return stages.map((s) => statusMark(s.status)).join("");
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A ten-cell bar for a share 0..1. */
export function bar(share: number, cells = 10): string {
  const full = Math.max(0, Math.min(cells, Math.round(share * cells)));
  return `${"▰".repeat(full)}${"▱".repeat(cells - full)}`;
}

export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Discord shows this as a relative time in the reader's own locale ("in 3 days"). */
export function relativeTime(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:R>`;
}

/** A learner as Discord shows them: a mention for Discord members (allowed mentions are always off), else the id. */
export function learnerName(learnerId: string): string {
  const userId = userIdOf(learnerId);
  return userId ? `<@${userId}>` : `\`${learnerId}\``;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
