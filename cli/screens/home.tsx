/** Home: the catalog with each lesson's stages, the streak, reviews due, and "continue" as the default action. */
import { Box, Text, useInput } from "ink";
import { useState } from "react";
import type { NextStep, Overview } from "../../engine/index.js";
import { Frame } from "../components/frame.js";
import { keysText, QUIT_KEY } from "../components/key-help.js";
import { Opening } from "../components/opening.js";
import { StageBar } from "../components/stage-bar.js";
import { useTutor } from "../context.js";
import { useEngine } from "../hooks/use-engine.js";
import { rowsOf, useTerminalSize } from "../hooks/use-terminal-size.js";
import type { Route } from "../routes.js";
import { passedCount } from "../text/stage-bar.js";

const KEYS = [["↑↓", "choose"], ["enter", "open"], ["r", "review"], ["p", "progress"], QUIT_KEY] as const;

/** Where "continue" leads for each kind of next step. */
export function continueRoute(step: NextStep): Route {
  switch (step.kind) {
    case "continue-quiz":
      return step.quiz.mode === "review" ? { name: "review" } : { name: "resume" };
    case "review":
      return { name: "review" };
    case "read":
      return { name: "reader", lessonId: step.lessonId, stage: step.stage };
    case "quiz":
      return { name: "quiz", lessonId: step.lessonId, stage: step.stage };
    case "done":
      return { name: "progress" };
  }
}

/** The "continue" line: the engine's next step, labelled once ("Continue the stage 5 quiz", not "Continue: Continue …"). */
export function continueText(message: string): string {
  return /^continue\b/i.test(message) ? message : `Continue: ${message}`;
}

export function Home({ preview }: { preview?: Overview | undefined }) {
  const { tutor, learnerId } = useTutor();
  // One read of the learner's file for the whole screen.
  const data = useEngine(() => tutor.overview(learnerId), [tutor, learnerId]);
  // Until it is read: the home screen kept from the last start if it is still true, else the opening frame
  // (the same frame as while the engine opened, so the title does not blink away).
  if (!data) return preview ? <HomePreview {...preview} /> : <Opening />;
  return <HomeView {...data} />;
}

/** The home screen kept from the last start, drawn before the engine is ready: the same rows, no keys yet. */
export function HomePreview(overview: Overview) {
  return <HomeRows {...overview} cursor={0} />;
}

function HomeView(overview: Overview) {
  const { go, quit } = useTutor();
  const { catalog, next } = overview;
  // Item 0 is "continue"; items 1.. are the lessons.
  const [cursor, setCursor] = useState(0);
  const count = catalog.length + 1;

  useInput((input, key) => {
    if (key.upArrow || input === "k") setCursor((c) => (c - 1 + count) % count);
    else if (key.downArrow || input === "j") setCursor((c) => (c + 1) % count);
    else if (key.return) {
      const lesson = catalog[cursor - 1];
      go(lesson ? { name: "reader", lessonId: lesson.id } : continueRoute(next));
    } else if (input === "r") go({ name: "review" });
    else if (input === "p") go({ name: "progress" });
    // Home is where esc leads: there is nothing further back, so only q quits.
    else if (input === "q") quit();
  });
  return <HomeRows {...overview} cursor={cursor} />;
}

function HomeRows({ catalog, next, streak, dueNow, cursor }: Overview & { cursor: number }) {
  const { rows, columns } = useTerminalSize();

  // Keep the chosen lesson on screen when the catalog is taller than the terminal: the list gets the rows
  // left after the title, "continue", the "more" markers, the keys, the gaps, and one spare row.
  const chrome =
    1 +
    1 +
    rowsOf(`▶ ${continueText(next.message)}`, columns) +
    1 +
    2 +
    1 +
    rowsOf(keysText(KEYS), columns) +
    1;
  const visible = Math.max(3, rows - chrome);
  const first = Math.min(Math.max(0, cursor - visible), Math.max(0, catalog.length - visible));
  const shown = catalog.slice(first, first + visible);

  const aside = (
    <Text>
      <Text color={streak.current > 0 ? "yellow" : undefined}>
        streak {streak.current} day{streak.current === 1 ? "" : "s"}
      </Text>
      <Text dimColor> · </Text>
      <Text color={dueNow > 0 ? "magenta" : undefined}>
        {dueNow} review{dueNow === 1 ? "" : "s"} due
      </Text>
    </Text>
  );

  return (
    <Frame title="Six stages tutor" aside={aside} keys={KEYS}>
      <Text wrap="wrap" color={cursor === 0 ? "cyan" : undefined} bold={cursor === 0}>
        {cursor === 0 ? "▶ " : "  "}
        {continueText(next.message)}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {first > 0 ? <Text dimColor>{`  ↑ ${first} more`}</Text> : null}
        {shown.map((entry, i) => {
          const selected = cursor === first + i + 1;
          return (
            // One text per row, cut at the terminal's width: a row is one node to lay out, not five.
            <Text key={entry.id} wrap="truncate-end">
              <Text color={selected ? "cyan" : undefined}>{selected ? "▶ " : "  "}</Text>
              <StageBar stages={entry.stages} current={entry.completed ? undefined : entry.currentStage} />
              <Text dimColor> {passedCount(entry.stages)}/6 </Text>
              <Text color={selected ? "cyan" : undefined} dimColor={!entry.prerequisitesMet && !selected}>
                {entry.title}
              </Text>
            </Text>
          );
        })}
        {first + visible < catalog.length ? (
          <Text dimColor>{`  ↓ ${catalog.length - first - visible} more`}</Text>
        ) : null}
        {catalog.length === 0 ? <Text>No lessons found.</Text> : null}
      </Box>
    </Frame>
  );
}
