/** One question: its prompt, the input its type needs, and the hint on request. */
import { TextInput } from "@inkjs/ui";
import { Box, Text, useInput } from "ink";
import { useState } from "react";
import type { JargonTerm, Question, Response } from "../../engine/index.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";
import { ChoiceInput } from "./choice-input.js";
import { Editor } from "./editor.js";
import { Markdown } from "./markdown.js";
import { OrderInput } from "./order-input.js";

export interface QuestionViewProps {
  question: Question;
  width: number;
  /** Terms a stage-2 explanation should not hide behind. */
  jargon?: readonly JargonTerm[];
  onAnswer: (response: Response, hintUsed: boolean) => void;
}

/** Questions answered by typing take letters as text, so their hint key is tab. */
export function typesText(question: Question): boolean {
  return question.type === "short" || question.type === "numeric" || question.type === "explain";
}

const INSTRUCTIONS: Record<Question["type"], string> = {
  single: "Choose one: ↑↓ or 1–9, then enter.",
  "true-false": "True or false: ↑↓ or 1–2, then enter.",
  multiple: "Select all that apply: ↑↓ to move, space or 1–9 to toggle, enter to answer.",
  order: "Put these in order: ↑↓ to move, space to pick up and drop an item, enter to answer.",
  short: "Type your answer and press enter.",
  numeric: "Type a number and press enter.",
  explain: "Write your answer: enter starts a new line, ctrl+d hands it in.",
};

const EXPLAIN_TITLES: Partial<Record<number, string>> = {
  2: "Your explanation",
  4: "Your design proposal",
  6: "Your reflection",
};

export function QuestionView({ question, width, jargon, onAnswer }: QuestionViewProps) {
  const [hintShown, setHintShown] = useState(false);
  const textual = typesText(question);
  const inline = useInlineMarkdown();

  useInput((input, key) => {
    if (!question.hint) return;
    if (key.tab || (!textual && input === "h")) setHintShown(true);
  });

  const answer = (response: Response) => onAnswer(response, hintShown);
  const instruction =
    question.type === "numeric" && question.unit
      ? `Type a number (in ${question.unit}) and press enter.`
      : INSTRUCTIONS[question.type];

  return (
    <Box flexDirection="column">
      <Markdown markdown={question.prompt} width={width} />
      {question.type === "explain" && question.stage === 2 && jargon && jargon.length > 0 ? (
        <Text dimColor wrap="wrap">
          Say it in plain words; don't lean on: {jargon.map((j) => j.term).join(", ")}.
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text dimColor wrap="wrap">
          {instruction}
        </Text>
        {question.type === "explain" && EXPLAIN_TITLES[question.stage] ? (
          <Text bold>{EXPLAIN_TITLES[question.stage]}</Text>
        ) : null}
        <AnswerInput question={question} onAnswer={answer} />
      </Box>
      {hintShown && question.hint ? (
        <Box marginTop={1}>
          <Text color="yellow" wrap="wrap">
            Hint: {inline(question.hint)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

function AnswerInput({ question, onAnswer }: { question: Question; onAnswer: (response: Response) => void }) {
  switch (question.type) {
    case "single":
    case "true-false":
    case "multiple":
      return (
        <ChoiceInput
          options={question.options}
          multiple={question.type === "multiple"}
          onSubmit={(selected) => onAnswer({ kind: "choice", selected })}
        />
      );
    case "order":
      return (
        <OrderInput
          items={question.items}
          shuffled={question.shuffled}
          onSubmit={(order) => onAnswer({ kind: "order", order })}
        />
      );
    case "short":
    case "numeric":
      return (
        <Box>
          <Text color="cyan">› </Text>
          <TextInput
            // With a unit after it, a blank to fill ("› ? sectors"), not "› a number sectors".
            placeholder={question.type === "numeric" ? (question.unit ? "?" : "a number") : "your answer"}
            onSubmit={(text) => {
              if (text.trim()) onAnswer({ kind: "text", text: text.trim() });
            }}
          />
          {question.type === "numeric" && question.unit ? <Text dimColor> {question.unit}</Text> : null}
        </Box>
      );
    case "explain":
      return <Editor draftKey={question.id} onSubmit={(text) => onAnswer({ kind: "text", text })} />;
  }
}
