/**
 * "Check yourself" after an explain answer, as in Anki: each key point with the grader's verdict, ←→ to pick one,
 * space to dispute its verdict, then the recall rating (1 Again, 2 Hard, 3 Good, 4 Easy). Enter takes the rating
 * the grade suggests: with nothing disputed it confirms every verdict and goes straight on, as the feedback screen's
 * enter always did. What a dispute changes is the engine's rule (judgeSelfAssessment), shown before handing in.
 */
import { Box, Text, useInput } from "ink";
import { useState } from "react";
import {
  type Assessable,
  blockedReason,
  judgeSelfAssessment,
  RECALL_RATINGS,
  type RecallRating,
  type SelfAssessOutcome,
  type SelfJudgement,
} from "../../engine/index.js";
import { useTutor } from "../context.js";
import { plain } from "../errors.js";
import { useKeyReducer } from "../hooks/use-key-reducer.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";
import { rowsOf } from "../hooks/use-terminal-size.js";
import { dueInWords } from "../text/dates.js";
import { percent } from "../text/reports.js";
import { RATING_NAMES } from "../text/self-assessed.js";
import type { Keys } from "./key-help.js";

/** The keys while the assessment is open, for the screen's key line. */
export function assessmentKeys(assessable: Assessable): Keys {
  return [
    ["←→", "pick a key point"],
    ["space", "dispute it"],
    ["1-4", "rate your recall"],
    ["enter", `agree, rate ${RATING_NAMES[assessable.suggested]}`],
  ];
}

const TITLE = "Check yourself: do you agree with each verdict? How well did you know it?";

const suggestedText = (assessable: Assessable) =>
  `  (enter: ${RATING_NAMES[assessable.suggested]}, as graded)`;

/**
 * Rows the open assessment takes at `width` columns, with room for the line saying what a dispute does: the
 * screen keeps them below its scrolled feedback, so the keys it lists are always in sight.
 */
export function selfAssessmentRows(assessable: Assessable, width: number): number {
  const points = assessable.keyPoints.reduce(
    (sum, p) =>
      sum + rowsOf(`${p.covered ? "✔ covered" : "✘ missed"} → you say missed: ${p.text}`, width - 2),
    0,
  );
  const effects = [
    ...(["flagged", "nothing-covered", "too-many"] as const).map((b) => blockedReason(b, assessable)),
    "On your word: 100% of the key points, right (self-assessed, not counted on leaderboards).",
  ];
  const effect = Math.max(...effects.map((t) => rowsOf(t, width)));
  const ratings = rowsOf(`1 Again · 2 Hard · 3 Good · 4 Easy${suggestedText(assessable)}`, width);
  // One for the gap above it, one spare for a line that wraps at a word rather than at the last column.
  return 1 + rowsOf(TITLE, width) + points + effect + ratings + 1;
}

interface State {
  cursor: number;
  disputed: number[];
}

type Action = { type: "move"; by: number; count: number } | { type: "toggle" };

function reducer(state: State, action: Action): State {
  if (action.type === "move") {
    return { ...state, cursor: (state.cursor + action.by + action.count) % action.count };
  }
  const disputed = state.disputed.includes(state.cursor)
    ? state.disputed.filter((i) => i !== state.cursor)
    : [...state.disputed, state.cursor].sort((a, b) => a - b);
  return { ...state, disputed };
}

export interface SelfAssessmentProps {
  assessable: Assessable;
  /** The assessment handed in and saved; `goOn` when the learner agreed with every verdict with enter. */
  onAssessed: (outcome: SelfAssessOutcome, goOn: boolean) => void;
  /** The engine refused it (assessed elsewhere already, answered again...): the words to show. */
  onRefused: (message: string) => void;
}

export function SelfAssessment({ assessable, onAssessed, onRefused }: SelfAssessmentProps) {
  const { tutor, learnerId, fail } = useTutor();
  const inline = useInlineMarkdown();
  const points = assessable.keyPoints;
  const [state, dispatch, latest] = useKeyReducer(reducer, (): State => ({ cursor: 0, disputed: [] }));
  const [sending, setSending] = useState(false);

  const handIn = (rating: RecallRating, agreed: boolean) => {
    if (sending) return;
    setSending(true);
    const disputed = latest().disputed;
    void (async () => {
      const result = await tutor.selfAssess(learnerId, assessable.questionId, { disputed, rating });
      if (result.ok) onAssessed(result.value, agreed && disputed.length === 0);
      else onRefused(plain(result.message));
    })().catch(fail);
  };

  useInput(
    (input, key) => {
      if (key.rightArrow || key.tab) dispatch({ type: "move", by: 1, count: points.length });
      else if (key.leftArrow) dispatch({ type: "move", by: -1, count: points.length });
      else if (input === " ") dispatch({ type: "toggle" });
      else if (key.return) handIn(assessable.suggested, true);
      else {
        const rating = RECALL_RATINGS[Number(input) - 1];
        if (/^[1-4]$/.test(input) && rating) handIn(rating, false);
      }
    },
    { isActive: !sending && points.length > 0 },
  );

  const judged = judgeSelfAssessment(assessable, state.disputed);
  return (
    <Box flexDirection="column">
      <Text bold color="cyan" wrap="wrap">
        {TITLE}
      </Text>
      {points.map((point, i) => {
        const disputed = state.disputed.includes(i);
        const says = disputed ? !point.covered : point.covered;
        return (
          <Box key={point.text}>
            <Box flexShrink={0} width={2}>
              <Text color="cyan">{i === state.cursor ? "›" : " "}</Text>
            </Box>
            <Box flexShrink={1}>
              <Text wrap="wrap" color={says ? "green" : "red"}>
                {point.covered ? "✔ covered" : "✘ missed"}
                {disputed ? (point.covered ? " → you say missed" : " → you say covered") : ""}:{" "}
                {inline(point.text)}
              </Text>
            </Box>
          </Box>
        );
      })}
      {judged.disputed.length > 0 ? <PreviewLine judged={judged} assessable={assessable} /> : null}
      <Text wrap="wrap">
        {RECALL_RATINGS.map((r, i) => (
          <Text key={r} bold={r === assessable.suggested}>
            {i + 1} {RATING_NAMES[r]}
            {i < RECALL_RATINGS.length - 1 ? " · " : ""}
          </Text>
        ))}
        <Text dimColor>{suggestedText(assessable)}</Text>
      </Text>
      {sending ? <Text dimColor>Saving…</Text> : null}
    </Box>
  );
}

function PreviewLine({ judged, assessable }: { judged: SelfJudgement; assessable: Assessable }) {
  if (judged.blocked) {
    return (
      <Text color="yellow" wrap="wrap">
        {blockedReason(judged.blocked, assessable)}
      </Text>
    );
  }
  if (judged.credited.length === 0) {
    return <Text dimColor>Your disputes go to the authors; the grade stands.</Text>;
  }
  return (
    <Text color="yellow" wrap="wrap">
      On your word: {percent(judged.score)} of the key points,{" "}
      {judged.correct ? "right (self-assessed, not counted on leaderboards)" : "still not enough to pass"}.
    </Text>
  );
}

/** After handing in: the rating and when the question comes back, what the learner's word counted, why not. */
export function SelfAssessed({
  outcome,
  assessable,
  now,
}: {
  outcome: SelfAssessOutcome;
  assessable: Assessable;
  now: Date;
}) {
  const inline = useInlineMarkdown();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text wrap="wrap">
        You rated your recall <Text bold>{RATING_NAMES[outcome.rating]}</Text>: next review{" "}
        {dueInWords(outcome.nextDue, now)}.
      </Text>
      {outcome.credited.map((text) => (
        <Text key={text} color="green" wrap="wrap">
          ✔ covered (self-assessed): {inline(text)}
        </Text>
      ))}
      {outcome.credited.length > 0 ? (
        <Text wrap="wrap">
          {outcome.correct && !outcome.graderCorrect
            ? `Your answer counts as right on your word (${percent(outcome.score)}): for your progress, not for leaderboards.`
            : `On your word: ${percent(outcome.score)} of the key points.`}
        </Text>
      ) : null}
      {outcome.blocked ? (
        <Text color="yellow" wrap="wrap">
          {blockedReason(outcome.blocked, assessable)}
        </Text>
      ) : null}
      {outcome.disputed.length > 0 ? (
        <Text dimColor wrap="wrap">
          Your dispute{outcome.disputed.length === 1 ? " was" : "s were"} sent to the lesson's authors.
        </Text>
      ) : null}
    </Box>
  );
}
