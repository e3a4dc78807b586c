/** The moment a stage passes: which stage, and what it unlocked (or that the lesson is complete). */
import { Box, Text } from "ink";
import { type StageChange, stageTitle } from "../../engine/index.js";

export function StagePassed({ change, lessonTitle }: { change: StageChange; lessonTitle: string }) {
  return (
    <Box borderStyle="double" borderColor="green" paddingX={1} flexDirection="column">
      <Text bold color="green" wrap="wrap">
        ★ Stage {change.stage} ({stageTitle(change.stage)}) of {lessonTitle} passed!
      </Text>
      {change.unlocked ? (
        <Text wrap="wrap">
          Stage {change.unlocked} ({stageTitle(change.unlocked)}) is now unlocked.
        </Text>
      ) : null}
      {change.lessonCompleted ? <Text wrap="wrap">All six stages done: the lesson is complete.</Text> : null}
    </Box>
  );
}
