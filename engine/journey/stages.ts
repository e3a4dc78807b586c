/** The six-stage rules: what is locked, available or passed, and when a stage passes. */
import { type Lesson, type Question, STAGE_NUMBERS, type StageNumber, stageTitle } from "../content/model.js";
import type { LearnerDoc } from "../progress/model.js";
import type { StageProgress, StageStatus } from "../tutor-types.js";
import { ATTEMPT_SIZE } from "./draw.js";

export const DEFAULT_PASS_MARK = 0.8;

/** Whether the latest answer to each answered question was right (from the document's tallies). */
export function latestAnswers(doc: LearnerDoc): Map<string, { correct: boolean }> {
  const latest = new Map<string, { correct: boolean }>();
  for (const [id, tally] of Object.entries(doc.questions)) latest.set(id, { correct: tally.last });
  return latest;
}

/** How many right answers out of `total` reach the pass mark. */
export function neededToPass(total: number, passMark: number): number {
  return Math.min(total, Math.ceil(passMark * total - 1e-9));
}

export function stagesOf(
  lesson: Lesson,
  questions: (stage: StageNumber) => Question[],
  doc: LearnerDoc,
  latest: Map<string, { correct: boolean }>,
  passMark: number,
): StageProgress[] {
  const passed = doc.passed[lesson.id] ?? {};
  const read = doc.read[lesson.id] ?? {};
  const selfPassed = doc.selfAssessment?.passed?.[lesson.id] ?? {};
  let previousPassed = true;
  return STAGE_NUMBERS.map((stage) => {
    // The pool: review-only questions are never asked in an attempt, so they count for nothing here.
    const ids = questions(stage)
      .filter((q) => !q.reviewOnly)
      .map((q) => q.id);
    const asked = Math.min(ATTEMPT_SIZE, ids.length);
    const answered = ids.filter((id) => latest.has(id)).length;
    // The learner's own progress counts a verdict changed by their self-assessment (journey/self-assess.ts sets
    // the question's latest verdict).
    const correct = ids.filter((id) => latest.get(id)?.correct).length;
    const status: StageStatus = passed[stage] ? "passed" : previousPassed ? "available" : "locked";
    previousPassed = status === "passed";
    return {
      stage,
      title: stageTitle(stage),
      status,
      total: ids.length,
      answered,
      correct,
      score: ids.length > 0 ? correct / ids.length : 0,
      asked,
      needed: neededToPass(asked, passMark),
      read: Boolean(read[stage]),
      ...(passed[stage] && selfPassed[stage] ? { selfAssessed: true } : {}),
    };
  });
}

/**
 * A stage passes when one attempt at its quiz gets the number needed right (80% by default). Answers from
 * earlier attempts do not add up: a retake is judged on its own. Once passed, a stage stays passed.
 */
export function passesStage(progress: StageProgress, rightThisAttempt: number): boolean {
  return progress.total > 0 && rightThisAttempt >= progress.needed;
}

/** The first stage not yet passed; 6 when every stage is passed. */
export function currentStage(stages: StageProgress[]): StageNumber {
  return stages.find((s) => s.status !== "passed")?.stage ?? 6;
}
