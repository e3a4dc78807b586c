/** A multi-line editor for explain answers: enter starts a new line, ctrl+d hands the answer in. */
import { Box, Text, useInput } from "ink";
import { useDraftEditor } from "../hooks/use-draft.js";
import { editorText } from "../hooks/use-editor-state.js";
import { noColor } from "../no-color.js";

export interface EditorProps {
  onSubmit: (text: string) => void;
  /** Rows the box shows at least. */
  minRows?: number;
  /** Keeps what is typed as a draft under this key (a question id) until it is handed in. */
  draftKey?: string;
}

export function Editor({ onSubmit, minRows = 4, draftKey }: EditorProps) {
  const [state, dispatch, discard, latest] = useDraftEditor(draftKey);

  useInput((input, key) => {
    if (key.ctrl && (input === "d" || input === "s")) {
      const text = editorText(latest());
      if (text.trim()) {
        discard();
        onSubmit(text.trim());
      }
      return;
    }
    if (key.ctrl && input === "a") dispatch({ type: "home" });
    else if (key.ctrl && input === "e") dispatch({ type: "end" });
    else if (key.return) dispatch({ type: "newline" });
    else if (key.backspace || key.delete) dispatch({ type: "backspace" });
    else if (key.leftArrow) dispatch({ type: "left" });
    else if (key.rightArrow) dispatch({ type: "right" });
    else if (key.upArrow) dispatch({ type: "up" });
    else if (key.downArrow) dispatch({ type: "down" });
    else if (key.home) dispatch({ type: "home" });
    else if (key.end) dispatch({ type: "end" });
    else if (key.tab || key.escape || key.ctrl || key.meta || key.pageUp || key.pageDown) return;
    else if (input) dispatch({ type: "insert", text: input });
  });

  const padding = Math.max(0, minRows - state.lines.length);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      {state.lines.map((line, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a line is its row in the answer
        <Text key={row} wrap="wrap">
          {row === state.row ? <WithCursor line={line} col={state.col} /> : line || " "}
        </Text>
      ))}
      {Array.from({ length: padding }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows
        <Text key={`pad-${i}`}> </Text>
      ))}
    </Box>
  );
}

function WithCursor({ line, col }: { line: string; col: number }) {
  const chars = Array.from(line);
  const before = chars.slice(0, col).join("");
  const under = chars[col] ?? " ";
  const after = chars.slice(col + 1).join("");
  // Without colour (NO_COLOR) inverse video is gone too: mark the cursor with a bar instead.
  if (noColor) return <Text>{`${before}▏${chars[col] ?? ""}${after}`}</Text>;
  return (
    <Text>
      {before}
      <Text inverse>{under}</Text>
      {after}
    </Text>
  );
}
