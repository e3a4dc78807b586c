/** Progress: stages passed per lesson, completion, streak, the activity heatmap, and reviews coming due. */
import { Box, Text, useInput } from "ink";
import type { ProgressSummary } from "../../engine/index.js";
import { Frame } from "../components/frame.js";
import { Heatmap } from "../components/heatmap.js";
import { HOME_KEY, keysText, QUIT_KEY } from "../components/key-help.js";
import { Scroll } from "../components/scroll.js";
import { StageBar } from "../components/stage-bar.js";
import { useTutor } from "../context.js";
import { useEngine } from "../hooks/use-engine.js";
import { rowsOf, useTerminalSize } from "../hooks/use-terminal-size.js";
import { dueTable, percent, streakText } from "../text/reports.js";
import { selfAssessedLine } from "../text/self-assessed.js";
import { passedCount, STAGE_LEGEND } from "../text/stage-bar.js";

const KEYS = [["r", "review"], HOME_KEY, QUIT_KEY] as const;

export function Progress() {
  const { tutor, learnerId } = useTutor();
  const summary = useEngine(() => tutor.progress(learnerId), [tutor, learnerId]);
  if (!summary) return <Text dimColor>Loading…</Text>;
  return <ProgressView summary={summary} />;
}

function ProgressView({ summary }: { summary: ProgressSummary }) {
  const { go, quit } = useTutor();
  const { columns, rows } = useTerminalSize();
  /** Rows around the scrolled body: title, two gaps, the keys, and a spare row so Ink never fills the screen. */
  const chrome = 4 + rowsOf(keysText(KEYS), columns);
  useInput((input, key) => {
    if (input === "r") go({ name: "review" });
    else if (key.escape || key.return) go({ name: "home" });
    else if (input === "q") quit();
  });
  const [head, counts] = dueTable(summary.dueByDay);
  const weeks = Math.ceil(summary.activity.length / 7);
  const self = selfAssessedLine(summary.selfAssessed, summary.lessons);
  return (
    <Frame title="Progress" keys={KEYS}>
      <Scroll height={rows - chrome}>
        <Text wrap="wrap">
          <Text bold>
            {summary.stagesPassed} of {summary.stagesTotal} stages passed ({percent(summary.completion)})
          </Text>
          <Text dimColor> · </Text>
          {summary.xp} XP
        </Text>
        <Text wrap="wrap">Streak: {streakText(summary.streak)}</Text>
        {self ? (
          <Text color="yellow" wrap="wrap">
            {self}
          </Text>
        ) : null}
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>{STAGE_LEGEND}</Text>
          {summary.lessons.map((entry) => (
            <Box key={entry.id}>
              <StageBar stages={entry.stages} />
              <Text dimColor> {passedCount(entry.stages)}/6 </Text>
              <Box width={Math.max(10, columns - 12)}>
                <Text wrap="truncate-end">{entry.title}</Text>
              </Box>
            </Box>
          ))}
        </Box>
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Study activity, last {weeks} weeks</Text>
          <Heatmap activity={summary.activity} />
        </Box>
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            Reviews due now: <Text color={summary.dueNow > 0 ? "magenta" : undefined}>{summary.dueNow}</Text>
          </Text>
          <Text dimColor>{head}</Text>
          <Text>{counts}</Text>
        </Box>
      </Scroll>
    </Frame>
  );
}
