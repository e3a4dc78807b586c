/**
 * The one place text from the engine reaches the terminal: every string the Tutor hands out (lesson titles and
 * markdown, prompts, options, feedback, journal entries, answers to questions, refusals) comes through
 * `terminalSafe` without control characters or escape sequences, so no lesson and no learner can set the window
 * title, clear the screen or colour the rest of it. Screens and reports only ever get a `TerminalTutor`.
 * Loaded with the engine (open-tutor.ts), never at start-up.
 */
import { stripControls, type Tutor } from "../engine/index.js";

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
      if (typeof value !== "function") return clean(value);
      let method = methods.get(key);
      if (!method) {
        method = (...args: unknown[]) => {
          const out: unknown = value.apply(target, args);
          return out instanceof Promise ? out.then(clean) : clean(out);
        };
        methods.set(key, method);
      }
      return method;
    },
  }) as TerminalTutor;
}

/**
 * Each plain object and array cleaned once: the same lesson gives the same cleaned lesson, so screens that
 * compare or memoise by identity keep working. Content objects are never changed after loading.
 */
const cleaned = new WeakMap<object, unknown>();

function clean(value: unknown): unknown {
  if (typeof value === "string") return terminalText(value);
  if (value === null || typeof value !== "object") return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Dates, the store and other class instances carry no text for the screen.
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  const known = cleaned.get(value);
  if (known !== undefined) return known;
  const out = Array.isArray(value)
    ? value.map(clean)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  cleaned.set(value, out);
  return out;
}
