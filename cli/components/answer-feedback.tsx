/** After an answer: the verdict, what was wrong and why, the explanation, the stage moment, the next review. */
import { Box, Text } from "ink";
import { type AnswerOutcome, EXPLAIN_PASS, type JournalEntry, type Response } from "../../engine/index.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";
import { dueInWords } from "../text/dates.js";
import { journalKindName, percent } from "../text/reports.js";
import { Markdown } from "./markdown.js";
import { StagePassed } from "./stage-passed.js";
import { ThenAndNow } from "./then-and-now.js";

export interface AnswerFeedbackProps {
  outcome: AnswerOutcome;
  /** What the learner answered: typed answers and orders are shown back to them. */
  response?: Response;
  lessonTitle: string;
  width: number;
  now: Date;
  /** Stage 6 reflections: the stage-2 explanation beside the new one. */
  thenAndNow?: { then?: JournalEntry; now?: JournalEntry };
}

export function AnswerFeedback({
  outcome,
  response,
  lessonTitle,
  width,
  now,
  thenAndNow,
}: AnswerFeedbackProps) {
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
            <Text wrap="wrap">
              You chose {wrong.option + 1}: {inline(wrong.text)}
            </Text>
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
            {question.type === "multiple" ? `You left out ${i + 1}` : `The right answer is ${i + 1}`}:{" "}
            {inline(options[i]?.text ?? "")}
          </Text>
        ))}
        {response?.kind === "text" && !explain ? (
          <Text wrap="wrap">You answered: {response.text}</Text>
        ) : null}
        {response?.kind === "order" && !grade.correct && question.type === "order" ? (
          <NumberedList
            title="Your order"
            lines={response.order.map((item, i) => `${i + 1}. ${question.items[item] ?? ""}`)}
            inline={inline}
          />
        ) : null}
        {!grade.correct && grade.expected ? (
          question.type === "order" ? (
            <NumberedList title="The right order" lines={grade.expected.split("\n")} inline={inline} />
          ) : (
            <Text wrap="wrap">Answer: {inline(grade.expected)}</Text>
          )
        ) : null}
      </Box>
      {explain ? (
        <Box flexDirection="column">
          <Text bold>
            Key points: {covered} of {keyPoints.length} covered
          </Text>
          {keyPoints.map((k) => (
            <Box key={k.text} flexDirection="column">
              <Text color={k.covered ? "green" : "red"} wrap="wrap">
                {k.covered ? "✔ covered: " : "✘ missed:  "}
                {inline(k.text)}
              </Text>
              {k.evidence ? <Text dimColor wrap="wrap">{`    you wrote: “${k.evidence}”`}</Text> : null}
              {k.contradiction ? (
                <Text color="yellow" wrap="wrap">{`    you said the opposite: “${k.contradiction}”`}</Text>
              ) : null}
            </Box>
          ))}
          {(grade.flags ?? [])
            .filter((f) => f.kind !== "contradiction")
            .map((f) => (
              <Text key={f.kind} color="yellow" wrap="wrap">
                Does not pass: {f.message}
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
      {outcome.revealed ? (
        <Box flexDirection="column">
          <Text bold>{explain ? "Model explanation" : "Explanation"}</Text>
          <Markdown markdown={question.explanation} width={width} />
        </Box>
      ) : (
        <Text dimColor wrap="wrap">
          The right answers are not shown during an attempt: after it you can retry the missed questions once,
          or see every answer.
        </Text>
      )}
      {outcome.unveiled ? (
        <Text color="cyan" wrap="wrap">
          Now shown in stage {question.stage} of the lesson: {outcome.unveiled.join(", ")}. Read it before the
          next questions (esc: the quiz waits).
        </Text>
      ) : null}
      {thenAndNow ? <ThenAndNow {...thenAndNow} width={width} /> : null}
      {outcome.journal ? (
        <Text dimColor>Saved to your journal as your {journalKindName(outcome.journal.kind)}.</Text>
      ) : null}
      {outcome.stage.passedNow ? <StagePassed change={outcome.stage} lessonTitle={lessonTitle} /> : null}
      <Text dimColor>Next review of this question: {dueInWords(outcome.nextDue, now)}</Text>
    </Box>
  );
}

/** "1. text" lines under a title, each number in its own column so wrapped text stays under its item. */
function NumberedList({
  title,
  lines,
  inline,
}: {
  title: string;
  lines: string[];
  inline: (t: string) => string;
}) {
  return (
    <Box flexDirection="column">
      <Text>{title}:</Text>
      {lines.map((line) => {
        const [, number = "", text = line] = /^(\d+\.\s+)(.*)$/.exec(line) ?? [];
        return (
          <Box key={line} paddingLeft={2}>
            <Box flexShrink={0}>
              <Text dimColor>{number}</Text>
            </Box>
            <Box flexShrink={1}>
              <Text wrap="wrap">{inline(text)}</Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
