/** The terminal app: one screen at a time, the engine and the learner shared through context. */
import { Box, Text, useApp } from "ink";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Overview } from "../engine/index.js";
import { Opening } from "./components/opening.js";
import { TutorContext, type TutorContextValue } from "./context.js";
import { lazy } from "./lazy.js";
import { loadMarkdown } from "./markdown/render.js";
import type { Route } from "./routes.js";
import { Home, HomePreview } from "./screens/home.js";
import type { TerminalTutor } from "./terminal-text.js";

/**
 * The screens after home, with @inkjs/ui and the engine's rules, load on their own: the home screen does
 * not wait for them. They load once the home screen has had time to draw, or when a screen is opened.
 */
const screens = lazy(() => import("./screens/on-demand.js"));

export const loadScreens = screens.load;

export interface AppProps {
  /** The engine, or the promise of it: the app draws its first frame while the lessons load. */
  tutor: TerminalTutor | Promise<TerminalTutor>;
  learnerId: string;
  initial?: Route;
  now?: () => Date;
  /** The home screen kept from the last start, still true: drawn complete while the engine loads. */
  preview?: Overview;
}

const defaultNow = () => new Date();

export function App({
  tutor: given,
  learnerId,
  initial = { name: "home" },
  now = defaultNow,
  preview,
}: AppProps) {
  const { exit } = useApp();
  const [tutor, setTutor] = useState<TerminalTutor | undefined>(given instanceof Promise ? undefined : given);
  const [route, setRoute] = useState<Route>(initial);
  const [failure, setFailure] = useState<{ error: unknown; words: string | undefined }>();
  // Each visit mounts its screen afresh, so it loads what is true now.
  const [visit, setVisit] = useState(0);

  const go = useCallback((next: Route) => {
    setRoute(next);
    setVisit((v) => v + 1);
  }, []);
  // The words for errors come with the engine's error classes: loaded when there is an error to word.
  const fail = useCallback((error: unknown) => {
    void import("./errors.js").then(({ describeError }) =>
      setFailure({ error, words: describeError(error) }),
    );
  }, []);
  const quit = useCallback(() => exit(), [exit]);
  const context = useMemo<TutorContextValue | undefined>(
    () => (tutor ? { tutor, learnerId, now, go, quit, fail } : undefined),
    [tutor, learnerId, now, go, quit, fail],
  );

  useEffect(() => {
    if (given instanceof Promise) given.then(setTutor, fail);
  }, [given, fail]);

  useEffect(() => {
    // The other screens and the reader's renderer (marked-terminal and its highlighter) are not needed for
    // the home screen: load them once the engine is ready and the screen has had time to draw, so they never
    // delay the catalog.
    if (!tutor) return;
    const timer = setTimeout(() => {
      void loadScreens();
      void loadMarkdown();
    }, 300);
    return () => clearTimeout(timer);
  }, [tutor]);

  useEffect(() => {
    if (failure) exit(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
  }, [failure, exit]);

  // The kept home screen is for the first visit only: after a move, home shows what is true now.
  const shown = visit === 0 ? preview : undefined;
  if (failure) return <Failure {...failure} />;
  if (!context) return shown && route.name === "home" ? <HomePreview {...shown} /> : <Opening />;
  return (
    <TutorContext.Provider value={context}>
      <Screen key={visit} route={route} preview={shown} />
    </TutorContext.Provider>
  );
}

function Screen({ route, preview }: { route: Route; preview?: Overview | undefined }) {
  const [loaded, setLoaded] = useState(screens.value);
  useEffect(() => {
    if (!loaded && route.name !== "home") void loadScreens().then(setLoaded);
  }, [loaded, route.name]);
  if (route.name === "home") return <Home preview={preview} />;
  // A screen opened within the first moments waits for its module: a blank frame for a few milliseconds.
  if (!loaded) return null;
  const { Progress, Quiz, quizStartOf, Reader } = loaded;
  switch (route.name) {
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

function Failure({ error, words }: { error: unknown; words: string | undefined }) {
  return (
    <Box flexDirection="column">
      <Text color="red" wrap="wrap">
        {words ?? `Unexpected error: ${error instanceof Error ? error.message : String(error)}`}
      </Text>
    </Box>
  );
}
