/** Options to choose from: arrows or number keys to move, space to toggle (multiple choice), enter to answer. */
import { Box, Text, useInput } from "ink";
import { useMemo, useState } from "react";
import { choiceReducer, initialChoice } from "../hooks/use-choice-state.js";
import { useKeyReducer } from "../hooks/use-key-reducer.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";

export interface ChoiceInputProps {
  options: readonly { text: string }[];
  multiple: boolean;
  onSubmit: (selected: number[]) => void;
}

export function ChoiceInput({ options, multiple, onSubmit }: ChoiceInputProps) {
  const reducer = useMemo(() => choiceReducer(options.length, multiple), [options.length, multiple]);
  const [state, dispatch, latest] = useKeyReducer(reducer, () => initialChoice(multiple));
  const [notice, setNotice] = useState<string>();
  const inline = useInlineMarkdown();

  useInput((input, key) => {
    if (key.upArrow || input === "k") dispatch({ type: "up" });
    else if (key.downArrow || input === "j") dispatch({ type: "down" });
    else if (/^[1-9]$/.test(input)) dispatch({ type: "pick", index: Number(input) - 1 });
    else if (input === " ") dispatch({ type: "toggle" });
    else if (key.return) {
      const { selected } = latest();
      if (selected.length === 0)
        setNotice(
          multiple
            ? "Choose an option: space toggles the one under the cursor."
            : "Choose an option: ↑↓ or its number, then enter.",
        );
      else onSubmit(selected);
      return;
    } else return;
    setNotice(undefined);
  });

  return (
    <Box flexDirection="column">
      {options.map((option, i) => {
        const atCursor = state.cursor === i;
        const chosen = state.selected.includes(i);
        const mark = multiple ? (chosen ? "[x]" : "[ ]") : chosen ? "(•)" : "( )";
        return (
          <Box key={option.text}>
            <Box flexShrink={0}>
              <Text color={atCursor ? "cyan" : undefined}>{atCursor ? "❯ " : "  "}</Text>
              <Text color={chosen ? "cyan" : undefined}>{mark} </Text>
              <Text dimColor>{i + 1}. </Text>
            </Box>
            <Box flexShrink={1}>
              <Text wrap="wrap" color={atCursor ? "cyan" : undefined}>
                {inline(option.text)}
              </Text>
            </Box>
          </Box>
        );
      })}
      {notice ? <Text color="yellow">{notice}</Text> : null}
    </Box>
  );
}
