/** Items to put in order: arrows move the cursor, space picks the item up so the arrows move it, enter answers. */
import { Box, Text, useInput } from "ink";
import { useKeyReducer } from "../hooks/use-key-reducer.js";
import { useInlineMarkdown } from "../hooks/use-markdown.js";
import { initialOrder, orderReducer } from "../hooks/use-order-state.js";

export interface OrderInputProps {
  items: readonly string[];
  /** The order to show the items in at first (indices into items). */
  shuffled: readonly number[];
  onSubmit: (order: number[]) => void;
}

export function OrderInput({ items, shuffled, onSubmit }: OrderInputProps) {
  const [state, dispatch, latest] = useKeyReducer(orderReducer, () => initialOrder(shuffled));
  const inline = useInlineMarkdown();

  useInput((input, key) => {
    if (key.upArrow || input === "k") dispatch({ type: "up" });
    else if (key.downArrow || input === "j") dispatch({ type: "down" });
    else if (input === " ") dispatch({ type: "grab" });
    else if (key.return) onSubmit(latest().order);
  });

  return (
    <Box flexDirection="column">
      {state.order.map((item, position) => {
        const atCursor = state.cursor === position;
        const held = atCursor && state.held;
        return (
          <Box key={items[item]}>
            <Box flexShrink={0}>
              <Text color={atCursor ? "cyan" : undefined}>{held ? "⇅ " : atCursor ? "❯ " : "  "}</Text>
              <Text dimColor>{position + 1}. </Text>
            </Box>
            <Box flexShrink={1}>
              <Text wrap="wrap" color={atCursor ? "cyan" : undefined} bold={held}>
                {inline(items[item] ?? "")}
              </Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
