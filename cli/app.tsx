/** The terminal app: one screen at a time, the engine and the learner shared through context. */
import { Box, Text, useApp } from "ink";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Tutor } from "../engine/index.js";
import { Opening } from "./components/opening.js";
import { TutorContext, type TutorContextValue } from "./context.js";
import { describeError } from "./errors.js";
import { loadMarkdown } from "./markdown/render.js";
import type { Route } from "./routes.js";
import { Home } from "./screens/home.js";
import { Progress } from "./screens/progress.js";
import { Quiz, quizStartOf } from "./screens/quiz.js";
import { Reader } from "./screens/reader.js";

export interface AppProps {
  /** The engine, or the promise of it: the app draws its first frame while the lessons load. */
  tutor: Tutor | Promise<Tutor>;
  learnerId: string;
  initial?: Route;
  now?: () => Date;
}

const defaultNow = () => new Date();

export function App({ tutor: given, learnerId, initial = { name: "home" }, now = defaultNow }: AppProps) {
  const { exit } = useApp();
  const [tutor, setTutor] = useState<Tutor | undefined>(given instanceof Promise ? undefined : given);
  const [route, setRoute] = useState<Route>(initial);
  const [failure, setFailure] = useState<{ error: unknown }>();
  // Each visit mounts its screen afresh, so it loads what is true now.
  const [visit, setVisit] = useState(0);

  const go = useCallback((next: Route) => {
    setRoute(next);
    setVisit((v) => v + 1);
  }, []);
  const fail = useCallback((error: unknown) => setFailure({ error }), []);
  const quit = useCallback(() => exit(), [exit]);
  const context = useMemo<TutorContextValue | undefined>(
    () => (tutor ? { tutor, learnerId, now, go, quit, fail } : undefined),
    [tutor, learnerId, now, go, quit, fail],
  );

  useEffect(() => {
    if (given instanceof Promise) given.then(setTutor, fail);
  }, [given, fail]);

  useEffect(() => {
    // The reader's renderer (marked-terminal and its highlighter) is not needed for the home screen: load it
    // once the engine is ready and the screen has had time to draw, so it never delays the catalog.
    if (!tutor) return;
    const timer = setTimeout(() => void loadMarkdown(), 300);
    return () => clearTimeout(timer);
  }, [tutor]);

  useEffect(() => {
    if (failure) exit(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
  }, [failure, exit]);

  if (failure) return <Failure error={failure.error} />;
  if (!context) return <Opening />;
  return (
    <TutorContext.Provider value={context}>
      <Screen key={visit} route={route} />
    </TutorContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case "home":
      return <Home />;
    case "reader":
      return <Reader lessonId={route.lessonId} {...(route.stage ? { stage: route.stage } : {})} />;
    case "progress":
      return <Progress />;
    case "quiz":
    case "resume":
    case "review":
      return (
        <Quiz
          start={quizStartOf(route) ?? { kind: "resume" }}
          {...(route.initial ? { initial: route.initial } : {})}
        />
      );
  }
}

function Failure({ error }: { error: unknown }) {
  const words = describeError(error);
  return (
    <Box flexDirection="column">
      <Text color="red" wrap="wrap">
        {words ?? `Unexpected error: ${error instanceof Error ? error.message : String(error)}`}
      </Text>
    </Box>
  );
}
