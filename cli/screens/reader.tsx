/** The lesson reader: the stage's markdown paged to the terminal, stage to stage, then the stage's questions. */
import { Box, Text, useInput } from "ink";
import { useEffect, useMemo, useReducer, useState } from "react";
import type { StageNumber, StageView } from "../../engine/index.js";
import { Frame } from "../components/frame.js";
import { HOME_KEY, keysText, QUIT_KEY } from "../components/key-help.js";
import { StageBar } from "../components/stage-bar.js";
import { useTutor } from "../context.js";
import { plain } from "../errors.js";
import { useEngine } from "../hooks/use-engine.js";
import { useMarkdown } from "../hooks/use-markdown.js";
import { pageInfo, pagerReducer } from "../hooks/use-pager-state.js";
import { rowsOf, textWidth, useTerminalSize } from "../hooks/use-terminal-size.js";
import { askedText } from "../text/reports.js";

const KEYS = [
  ["↑↓", "scroll"],
  ["space/b", "page"],
  ["←→", "stage"],
  ["enter", "quiz"],
  HOME_KEY,
  QUIT_KEY,
] as const;

/** Rows around the page: title, gap, stage heading, position line, gap, and a spare row so Ink never fills the screen (status and keys are counted apart). */
const CHROME_ROWS = 6;

export function Reader({ lessonId, stage }: { lessonId: string; stage?: StageNumber }) {
  const { tutor, learnerId } = useTutor();
  // The stage asked for moves as the learner pages between stages; a refusal keeps the last one shown.
  // Every request is new (`seq`), so asking again for a locked stage shows its refusal again.
  const [request, setRequest] = useState<{ stage?: StageNumber; seq: number }>({
    ...(stage ? { stage } : {}),
    seq: 0,
  });
  const [shown, setShown] = useState<StageView>();
  const [status, setStatus] = useState<string>();
  const result = useEngine(
    () => tutor.openStage(learnerId, lessonId, request.stage),
    [tutor, learnerId, lessonId, request],
  );

  useEffect(() => {
    if (!result) return;
    if (result.ok) {
      setShown(result.value);
      setStatus(undefined);
    } else setStatus(plain(result.message));
  }, [result]);

  if (!shown) {
    if (status) return <Refused message={status} />;
    return <Text dimColor>Loading…</Text>;
  }
  return (
    <StagePage
      key={`${shown.lesson.id}#${shown.stage}`}
      view={shown}
      status={status}
      onStage={(n) => {
        if (n === shown.stage) setStatus(undefined);
        else setRequest((r) => ({ stage: n, seq: r.seq + 1 }));
      }}
    />
  );
}

/** A locked stage is there to read; its questions wait for the stage before it. */
function lockedNotice(view: StageView): string {
  return `Reading ahead: the stage ${view.stage} questions open when stage ${view.stage - 1} is passed.`;
}

function Refused({ message }: { message: string }) {
  const { go, quit } = useTutor();
  useInput((input, key) => {
    if (key.escape || key.return) go({ name: "home" });
    else if (input === "q") quit();
  });
  return (
    <Frame title="Lesson" keys={[HOME_KEY, QUIT_KEY]} status={message}>
      <Text> </Text>
    </Frame>
  );
}

interface StagePageProps {
  view: StageView;
  status: string | undefined;
  onStage: (stage: StageNumber) => void;
}

function StagePage({ view, status, onStage }: StagePageProps) {
  const { go, quit } = useTutor();
  const { columns, rows } = useTerminalSize();
  const width = textWidth(columns);
  const lines = useMarkdown(view.markdown, width) ?? [];
  const [notice, setNotice] = useState<string>();
  const shownStatus = notice ?? status;
  const pageSize = Math.max(
    3,
    rows - CHROME_ROWS - rowsOf(shownStatus, columns) - rowsOf(keysText(KEYS), columns),
  );
  const reduce = useMemo(() => pagerReducer(lines.length, pageSize), [lines.length, pageSize]);
  const [top, dispatch] = useReducer((t: number, a: Parameters<typeof reduce>[1]) => reduce(t, a), 0);
  // A resize can leave the top past the new last page.
  const first = reduce(top, { type: "line", delta: 0 });
  const page = pageInfo(first, lines.length, pageSize);

  const move = (action: Parameters<typeof reduce>[1]) => {
    dispatch(action);
    setNotice(undefined);
    // The learner has moved on from a refusal ("stage 3 is locked"): it goes with the first move.
    if (status) onStage(view.stage);
  };

  useInput((input, key) => {
    if (key.downArrow || input === "j") move({ type: "line", delta: 1 });
    else if (key.upArrow || input === "k") move({ type: "line", delta: -1 });
    else if (input === " " || key.pageDown || input === "f") move({ type: "page", delta: 1 });
    else if (input === "b" || key.pageUp) move({ type: "page", delta: -1 });
    else if (input === "g" || key.home) move({ type: "top" });
    else if (input === "G" || key.end) move({ type: "bottom" });
    else if (key.leftArrow || input === "h") {
      if (view.stage > 1) onStage((view.stage - 1) as StageNumber);
    } else if (key.rightArrow || input === "l") {
      if (view.stage < 6) onStage((view.stage + 1) as StageNumber);
    } else if (/^[1-6]$/.test(input)) onStage(Number(input) as StageNumber);
    else if (key.return) {
      if (view.status === "locked") setNotice(lockedNotice(view));
      else go({ name: "quiz", lessonId: view.lesson.id, stage: view.stage });
    } else if (key.escape) go({ name: "home" });
    else if (input === "q") quit();
  });

  const aside = (
    <Text>
      <StageBar stages={view.stages} current={view.stage} />
      <Text dimColor> stage {view.stage}/6</Text>
    </Text>
  );
  const position =
    lines.length === 0
      ? ""
      : `lines ${page.from}–${page.to} of ${lines.length}${page.atEnd ? ` · end of stage: ${view.status === "locked" ? `its questions open when stage ${view.stage - 1} is passed` : `enter for ${askedText(view)}`}` : ""}`;

  return (
    <Frame title={view.lesson.title} aside={aside} keys={KEYS} status={shownStatus}>
      <Text bold wrap="truncate-end">
        {view.stage}. {view.title}
      </Text>
      <Box flexDirection="column" height={pageSize}>
        {lines.slice(first, first + pageSize).map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place on the page
          <Text key={i}>{row === "" ? " " : row}</Text>
        ))}
      </Box>
      <Text dimColor>{position}</Text>
    </Frame>
  );
}
