/** Markdown as the terminal shows it: rows from marked-terminal, or a short wait while it loads. */
import { Box, Text } from "ink";
import { useMarkdown } from "../hooks/use-markdown.js";

export function Markdown({ markdown, width }: { markdown: string; width: number }) {
  const rows = useMarkdown(markdown, width);
  if (!rows) return <Text dimColor>…</Text>;
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        // Rows are positional: the same row index is the same place on screen.
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
        <Text key={i}>{row === "" ? " " : row}</Text>
      ))}
    </Box>
  );
}
