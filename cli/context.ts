/** What every screen needs: the engine, the learner, and a way to report a real failure. */
import { createContext, useContext } from "react";
import type { Route } from "./routes.js";
import type { TerminalTutor } from "./terminal-text.js";

export interface TutorContextValue {
  /** The engine, its text made safe for the terminal. */
  tutor: TerminalTutor;
  learnerId: string;
  /** The clock the engine uses, for "due in 3 days". */
  now: () => Date;
  /** Moves to another screen. */
  go: (route: Route) => void;
  /** Leaves the app. */
  quit: () => void;
  /** A real failure (store or content error, or a bug): the app shows it and exits non-zero. */
  fail: (error: unknown) => void;
}

export const TutorContext = createContext<TutorContextValue | undefined>(undefined);

export function useTutor(): TutorContextValue {
  const value = useContext(TutorContext);
  if (!value) throw new Error("useTutor outside <App>");
  return value;
}
