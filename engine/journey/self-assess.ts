/**
 * Self-assessment after an explain answer, as in Anki: the learner sees each key point with the grader's verdict
 * and the model answer, may dispute verdicts, and rates their recall (Again, Hard, Good, Easy). The rating
 * schedules the review instead of the automatic one. The rules of what the learner's word may change are here:
 *
 * - A disputed "missed" point counts as covered (credited) only when the grader flagged nothing in the answer
 *   (stuffing, contradiction, copying, off topic...), the grader itself found at least one key point (gibberish
 *   and off-topic answers cover none), and at most MAX_CREDITED missed points are disputed. Otherwise every
 *   dispute is still recorded for the authors, and the grader's verdict stands.
 * - A disputed "covered" point is recorded for the authors; it lowers nothing (the rating says how well the
 *   learner really knew it).
 * - With the credited points, the answer is right when they reach the pass mark (EXPLAIN_PASS). That verdict
 *   counts for the learner's own progress and the stage's pass; leaderboards count only the grader's verdict,
 *   and a stage passed with a credited answer is kept apart from the leaderboard's stages.
 * - An answer is open to self-assessment until the learner's next answer, once.
 */

import { type EngineContext, ok, refuse } from "../context.js";
import type {
  LearnerDoc,
  OpenAssessment,
  RecallRating,
  SelfAssessmentRecord,
  SelfAssessmentState,
  StoredCard,
} from "../progress/model.js";
import type { Grade } from "../quiz/model.js";
import { EXPLAIN_PASS } from "../quiz/rules.js";
import { ratingFor, recallGrade, review } from "../review/scheduler.js";
import type {
  Assessable,
  QuizState,
  Result,
  SelfAssessInput,
  SelfAssessOutcome,
  SelfJudgement,
  StageProgress,
} from "../tutor-types.js";
import { stageChange } from "./answer.js";
import { stagesFor } from "./catalog.js";
import { sessionState } from "./session.js";
import { passesStage } from "./stages.js";

export const RECALL_RATINGS: readonly RecallRating[] = ["again", "hard", "good", "easy"];

/** How many missed key points one answer may have counted as covered on the learner's word. */
export const MAX_CREDITED = 1;

/** The longest piece of an answer kept as an example in the authors' disputes file. */
export const DISPUTE_EXAMPLE_LENGTH = 600;

/** The rating the grader's verdict gives: what the review uses when the learner rates nothing. */
export function suggestedRating(correct: boolean, hintUsed: boolean): RecallRating {
  return RECALL_RATINGS[ratingFor(correct, hintUsed) - 1] as RecallRating;
}

/**
 * What the learner's disputes would do to a graded answer: which missed points count as covered, the verdict
 * and score with them, and why none count when they cannot. Front ends call it to show the effect before the
 * learner hands the assessment in; `selfAssess` decides with it.
 */
export function judgeSelfAssessment(
  graded: Pick<Assessable, "keyPoints" | "flags" | "correct" | "score">,
  disputed: readonly number[],
): SelfJudgement {
  const points = graded.keyPoints;
  const chosen = [...new Set(disputed)].filter((i) => Number.isInteger(i) && i >= 0 && i < points.length);
  chosen.sort((a, b) => a - b);
  const missed = chosen.filter((i) => !points[i]?.covered);
  const coveredByGrader = points.filter((k) => k.covered).length;
  const blocked =
    missed.length === 0
      ? undefined
      : graded.flags.length > 0
        ? ("flagged" as const)
        : coveredByGrader === 0
          ? ("nothing-covered" as const)
          : missed.length > MAX_CREDITED
            ? ("too-many" as const)
            : undefined;
  const credited = blocked ? [] : missed;
  if (credited.length === 0) {
    return {
      disputed: chosen,
      credited,
      correct: graded.correct,
      score: graded.score,
      ...(blocked ? { blocked } : {}),
    };
  }
  const score = (coveredByGrader + credited.length) / points.length;
  return { disputed: chosen, credited, correct: graded.correct || score >= EXPLAIN_PASS, score };
}

const FLAG_WORDS: Record<string, string> = {
  stuffing: "keyword stuffing",
  contradiction: "a contradiction",
  copy: "copied text",
  "off-topic": "off topic",
};

/** Why the learner's word does not count on this answer, in words both front ends show. */
export function blockedReason(
  blocked: NonNullable<SelfJudgement["blocked"]>,
  assessable: Pick<Assessable, "flags" | "maxCredited">,
): string {
  switch (blocked) {
    case "flagged":
      return `The grader flagged this answer (${assessable.flags.map((f) => FLAG_WORDS[f] ?? f).join(", ")}): your disputes go to the authors, the grade stands.`;
    case "nothing-covered":
      return "Your answer covered no key point: your disputes go to the authors, the grade stands.";
    case "too-many":
      return `Only ${assessable.maxCredited} missed point can count on your word; with more, your disputes go to the authors and the grade stands.`;
  }
}

/** Called by answer.ts for every graded answer: an explain answer opens for self-assessment, any other closes it. */
export function openAssessment(
  doc: LearnerDoc,
  open: Omit<OpenAssessment, "assessedAt"> | undefined,
): Assessable | undefined {
  if (!open) {
    if (doc.selfAssessment) delete doc.selfAssessment.open;
    return undefined;
  }
  const state = stateOf(doc);
  state.open = open;
  return assessableOf(open);
}

/** After a stage passes in answer.ts: a pass that counted a self-assessed answer is kept apart (leaderboards). */
export function markSelfPassed(doc: LearnerDoc, lessonId: string, stage: number, at: string): void {
  const state = stateOf(doc);
  state.passed[lessonId] = { ...state.passed[lessonId], [stage]: at };
}

/** The learner's open assessment, as the front ends show it; undefined once assessed or after another answer. */
export function assessableIn(doc: LearnerDoc): Assessable | undefined {
  const open = openIn(doc);
  return open && !open.assessedAt ? assessableOf(open) : undefined;
}

/** The open assessment, if the document holds a usable one: a hand-edited or damaged one counts as none. */
function openIn(doc: LearnerDoc): OpenAssessment | undefined {
  const open = doc.selfAssessment?.open as Partial<OpenAssessment> | undefined;
  const usable =
    open !== null &&
    typeof open === "object" &&
    typeof open.questionId === "string" &&
    typeof open.lessonId === "string" &&
    typeof open.at === "string" &&
    typeof open.text === "string" &&
    Array.isArray(open.keyPoints) &&
    open.keyPoints.every((k) => typeof k?.text === "string" && typeof k.covered === "boolean") &&
    Array.isArray(open.flags) &&
    Array.isArray(open.attempt?.results);
  return usable ? (open as OpenAssessment) : undefined;
}

function assessableOf(open: OpenAssessment): Assessable {
  const locked =
    open.flags.length > 0 ? "flagged" : open.keyPoints.some((k) => k.covered) ? undefined : "nothing-covered";
  return {
    questionId: open.questionId,
    lessonId: open.lessonId,
    stage: open.stage,
    mode: open.mode,
    keyPoints: open.keyPoints,
    flags: open.flags,
    correct: open.correct,
    score: open.score,
    suggested: suggestedRating(open.correct, open.hintUsed),
    maxCredited: MAX_CREDITED,
    ...(locked ? { locked } : {}),
  };
}

/** The open assessment of an answer, from its grade: what answer.ts stores. */
export function assessmentOf(
  base: Pick<
    OpenAssessment,
    "questionId" | "lessonId" | "stage" | "mode" | "at" | "text" | "hintUsed" | "attempt"
  >,
  grade: Grade,
  cardBefore: StoredCard | undefined,
): Omit<OpenAssessment, "assessedAt"> {
  return {
    ...base,
    // Cut here, so a long answer does not make every later write of the learner's document longer.
    text: base.text.slice(0, DISPUTE_EXAMPLE_LENGTH),
    keyPoints: (grade.keyPoints ?? []).map((k) => ({ text: k.text, covered: k.covered })),
    // Only final flags (stuffing, copying, off topic or gibberish) lock the verdict; a contradiction is a verdict
    // on one key point, which the learner may dispute like any other.
    flags: (grade.flags ?? []).filter((f) => f.final).map((f) => f.kind),
    correct: grade.correct,
    score: grade.score,
    ...(cardBefore ? { cardBefore } : {}),
  };
}

/** What the disputes file keeps of one self-assessment with disputes (groups/disputes.ts). */
export interface DisputeEvent {
  at: string;
  questionId: string;
  lessonId: string;
  disputed: { text: string; covered: boolean }[];
  credited: string[];
  flags: string[];
  /** The learner's answer, cut to DISPUTE_EXAMPLE_LENGTH characters. */
  text: string;
}

export async function selfAssess(
  ctx: EngineContext,
  learnerId: string,
  questionId: string,
  input: SelfAssessInput,
): Promise<Result<SelfAssessOutcome>> {
  if (!RECALL_RATINGS.includes(input.rating)) {
    return refuse("invalid-assessment", `A recall rating is one of ${RECALL_RATINGS.join(", ")}.`);
  }
  let event: DisputeEvent | undefined;
  const result = await ctx.store.update(learnerId, (doc): Result<SelfAssessOutcome> => {
    const open = openIn(doc);
    if (!open || open.questionId !== questionId) {
      return refuse(
        "nothing-to-assess",
        "That answer can no longer be self-assessed: only your latest explain answer can, until you answer again.",
      );
    }
    if (open.assessedAt) return refuse("already-assessed", "You have already assessed that answer.");
    const lesson = ctx.library.lesson(open.lessonId);
    const question = ctx.library.question(questionId);
    if (!lesson || !question)
      return refuse("unknown-question", `There is no question \`${questionId}\` any more.`);
    const state = stateOf(doc);
    const at = ctx.now().toISOString();
    const judged = judgeSelfAssessment(open, input.disputed);
    const disputed = judged.disputed.map((i) => open.keyPoints[i] as { text: string; covered: boolean });
    const credited = judged.credited.map((i) => open.keyPoints[i]?.text as string);
    const record: SelfAssessmentRecord = {
      at,
      rating: input.rating,
      disputed,
      credited,
      correct: judged.correct,
    };

    const stagesBefore = stagesFor(ctx, lesson, doc);
    const before = stagesBefore[open.stage - 1] as StageProgress;
    amendAnswer(doc, open, record);
    const entry = doc.journal.at(-1);
    if (entry?.questionId === open.questionId && entry.at === open.at) {
      const { correct: _, ...kept } = record;
      entry.selfAssessment = kept;
    }
    if (credited.length > 0) state.credited += 1;

    // The learner's rating replaces the automatic one: the card is scheduled again from where it stood.
    const card = review(open.cardBefore, new Date(open.at), recallGrade(input.rating));
    doc.cards[questionId] = card;

    const flipped = judged.correct && !open.correct;
    if (flipped) {
      const result = open.attempt.results.at(-1);
      if (result?.questionId === questionId) Object.assign(result, { correct: true, selfAssessed: true });
      const live = doc.session?.startedAt === open.attempt.startedAt ? doc.session.results.at(-1) : undefined;
      if (live?.questionId === questionId) Object.assign(live, { correct: true, selfAssessed: true });
    }
    let passedNow = false;
    if (flipped && open.mode === "quiz") {
      const progress = stagesFor(ctx, lesson, doc)[open.stage - 1] as StageProgress;
      const right = open.attempt.results.filter((r) => r.correct).length;
      if (progress.status !== "passed" && passesStage(progress, right)) {
        doc.passed[lesson.id] = { ...doc.passed[lesson.id], [open.stage]: at };
        markSelfPassed(doc, lesson.id, open.stage, at);
        passedNow = true;
      }
    }
    open.assessedAt = at;
    if (disputed.length > 0) {
      event = {
        at,
        questionId,
        lessonId: lesson.id,
        disputed,
        credited,
        flags: open.flags,
        text: open.text,
      };
    }
    return ok({
      questionId,
      rating: input.rating,
      disputed,
      credited,
      ...(judged.blocked ? { blocked: judged.blocked } : {}),
      correct: judged.correct,
      graderCorrect: open.correct,
      score: judged.score,
      nextDue: new Date(card.due),
      stage: stageChange(lesson, open.stage, before, stagesFor(ctx, lesson, doc), passedNow),
      quiz: quizAfter(ctx, doc, open),
    });
  });
  if (result.ok && event) {
    const { appendDispute } = await import("../groups/disputes.js");
    await appendDispute(ctx.store.dir, event);
  }
  return result;
}

/**
 * The answer's record is in the append-only log, written when it was graded: the learner's word goes into the
 * document instead. Their own progress counts it (the question's latest verdict); the log, and so the server
 * figures, keep the grader's. The assessment itself is kept with the journal entry and in `selfAssessment`.
 */
function amendAnswer(doc: LearnerDoc, open: OpenAssessment, assessment: SelfAssessmentRecord): void {
  const tally = doc.questions[open.questionId];
  if (tally) tally.last = assessment.correct;
}

/** The quiz as it stands after the assessment: the session in progress, or the finished attempt it belonged to. */
function quizAfter(ctx: EngineContext, doc: LearnerDoc, open: OpenAssessment): QuizState {
  if (doc.session?.startedAt === open.attempt.startedAt) {
    const live = sessionState(ctx, doc);
    if (live) return live;
  }
  return {
    mode: open.mode,
    ...(open.mode === "quiz" ? { lessonId: open.lessonId, stage: open.stage } : {}),
    index: open.attempt.total,
    total: open.attempt.total,
    results: open.attempt.results,
    done: true,
    reveals: true,
  };
}

/** The document's self-assessment state, made whole: missing or damaged parts start afresh, never a crash. */
function stateOf(doc: LearnerDoc): SelfAssessmentState {
  const state = doc.selfAssessment;
  if (state === null || typeof state !== "object") doc.selfAssessment = { credited: 0, passed: {} };
  const whole = doc.selfAssessment as SelfAssessmentState;
  if (whole.passed === null || typeof whole.passed !== "object") whole.passed = {};
  if (!Number.isFinite(whole.credited)) whole.credited = 0;
  return whole;
}
