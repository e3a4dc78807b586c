/**
 * The one place text from the engine reaches the terminal: every string the Tutor hands out (lesson titles and
 * markdown, prompts, options, feedback, journal entries, answers to questions, refusals) comes through
 * `terminalSafe` without control characters or escape sequences, so no lesson and no learner can set the window
 * title, clear the screen or colour the rest of it. Screens and reports only ever get a `TerminalTutor`.
 * Loaded with the engine (open-tutor.ts), never at start-up.
 */
import { stripControls, type Tutor, withoutControls } from "../engine/index.js";

declare const safe: unique symbol;

/** A Tutor whose every result has been through `terminalText`. */
export type TerminalTutor = Tutor & { readonly [safe]: true };

/** One piece of text as the terminal may show it: escape sequences and control characters out, tabs and lines kept. */
export const terminalText = stripControls;

export function terminalSafe(tutor: Tutor): TerminalTutor {
  const methods = new Map<PropertyKey, unknown>();
  return new Proxy(tutor, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return withoutControls(value);
      let method = methods.get(key);
      if (!method) {
        method = (...args: unknown[]) => {
          const out: unknown = value.apply(target, args);
          return out instanceof Promise ? out.then(withoutControls) : withoutControls(out);
        };
        methods.set(key, method);
      }
      return method;
    },
  }) as TerminalTutor;
}
