/** Stage 6 beside stage 2: the learner's first explanation next to their reflection, side by side when wide. */
import { Box, Text } from "ink";
import type { JournalEntry } from "../../engine/index.js";
import { dateTime } from "../text/dates.js";

export function ThenAndNow({ then, now, width }: { then?: JournalEntry; now?: JournalEntry; width: number }) {
  const sideBySide = width >= 80;
  const column = sideBySide ? Math.floor((width - 3) / 2) : width;
  return (
    <Box flexDirection="column">
      <Text bold>Then and now</Text>
      <Box flexDirection={sideBySide ? "row" : "column"} columnGap={3}>
        <Box flexDirection="column" width={column}>
          <Text color="cyan">Then: your stage-2 explanation{then ? `, ${dateTime(then.at)}` : ""}</Text>
          <Text wrap="wrap">{then ? then.text : "(none yet: answer the stage 2 question to have one)"}</Text>
        </Box>
        <Box flexDirection="column" width={column}>
          <Text color="green">Now: your reflection{now ? `, ${dateTime(now.at)}` : ""}</Text>
          <Text wrap="wrap">{now ? now.text : ""}</Text>
        </Box>
      </Box>
    </Box>
  );
}
