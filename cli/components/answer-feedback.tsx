/** After an answer: the verdict, what was wrong and why, the explanation, the stage moment, the next review. */
import { Box, Text } from "ink";
import { type AnswerOutcome, EXPLAIN_PASS, type JournalEntry } from "../../engine/index.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";
import { dueInWords } from "../text/dates.js";
import { journalKindName, percent } from "../text/reports.js";
import { Markdown } from "./markdown.js";
import { StagePassed } from "./stage-passed.js";
import { ThenAndNow } from "./then-and-now.js";

export interface AnswerFeedbackProps {
  outcome: AnswerOutcome;
  lessonTitle: string;
  width: number;
  now: Date;
  /** Stage 6 reflections: the stage-2 explanation beside the new one. */
  thenAndNow?: { then?: JournalEntry; now?: JournalEntry };
}

export function AnswerFeedback({ outcome, lessonTitle, width, now, thenAndNow }: AnswerFeedbackProps) {
  const { grade, question } = outcome;
  const explain = question.type === "explain";
  const keyPoints = grade.keyPoints ?? [];
  const covered = keyPoints.filter((k) => k.covered).length;
  const options = "options" in question ? question.options : [];
  const inline = useInlineMarkdown();
  return (
    <Box flexDirection="column" rowGap={1}>
      <Box flexDirection="column">
        {grade.correct ? (
          <Text bold color="green">
            ✔ {explain ? "Well explained" : "Right"}
            {grade.score < 1 ? ` (${percent(grade.score)})` : ""}
          </Text>
        ) : (
          <Text bold color="red">
            ✘ {explain ? `Not yet: ${percent(EXPLAIN_PASS)} of the key points are needed` : "Not quite"}
            {grade.score > 0 && !explain ? ` (${percent(grade.score)} right)` : ""}
          </Text>
        )}
        {grade.chosenWrong.map((wrong) => (
          <Box key={wrong.option} flexDirection="column">
            <Text wrap="wrap">You chose: {inline(wrong.text)}</Text>
            {wrong.feedback ? (
              <Box paddingLeft={2}>
                <Text color="yellow" wrap="wrap">
                  {inline(wrong.feedback)}
                </Text>
              </Box>
            ) : null}
          </Box>
        ))}
        {grade.missedCorrect.map((i) => (
          <Text key={i} wrap="wrap">
            {question.type === "multiple" ? "You left out" : "The right answer"}:{" "}
            {inline(options[i]?.text ?? "")}
          </Text>
        ))}
        {!grade.correct && grade.expected ? <Text wrap="wrap">Answer: {inline(grade.expected)}</Text> : null}
      </Box>
      {explain ? (
        <Box flexDirection="column">
          <Text bold>
            Key points: {covered} of {keyPoints.length} covered
          </Text>
          {keyPoints.map((k) => (
            <Text key={k.text} color={k.covered ? "green" : "red"} wrap="wrap">
              {k.covered ? "✔ covered: " : "✘ missed:  "}
              {inline(k.text)}
            </Text>
          ))}
          {grade.jargon && grade.jargon.length > 0 ? (
            <Text color="yellow" wrap="wrap">
              Jargon you leaned on without saying what it means: {grade.jargon.join(", ")}
            </Text>
          ) : (
            <Text dimColor>No jargon leaned on.</Text>
          )}
        </Box>
      ) : null}
      <Box flexDirection="column">
        <Text bold>{explain ? "Model explanation" : "Explanation"}</Text>
        <Markdown markdown={question.explanation} width={width} />
      </Box>
      {thenAndNow ? <ThenAndNow {...thenAndNow} width={width} /> : null}
      {outcome.journal ? (
        <Text dimColor>Saved to your journal as your {journalKindName(outcome.journal.kind)}.</Text>
      ) : null}
      {outcome.stage.passedNow ? <StagePassed change={outcome.stage} lessonTitle={lessonTitle} /> : null}
      <Text dimColor>Next review of this question: {dueInWords(outcome.nextDue, now)}</Text>
    </Box>
  );
}
