/**
 * Control characters out of free text: what a learner types (answers, questions) is kept and shown without the
 * escape sequences and control codes that would act on a terminal (set its title, clear it, ring its bell) or
 * hide in stored text. Tabs and line breaks stay; `\r\n` and a lone `\r` become `\n`.
 */

/**
 * Node's stripVTControlCharacters matches escape sequences by a loose pattern, not by the terminal's grammar: it
 * leaves the text of an OSC title with spaces in it behind, and takes the `;` after `ESC[0m` along with a BEL.
 * These follow ECMA-48, as a terminal reads them.
 */
const SEQUENCES = [
  // Strings: OSC (window title, hyperlinks), DCS, SOS, PM and APC, each up to its terminator (BEL or ST).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g,
  // CSI: colours, cursor moves, clearing the screen.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]/g,
  // Other escapes: ESC c (reset), ESC 7, ESC ( B...
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  /\u001b[\u0020-\u002f]*[\u0030-\u007e]/g,
];

/**
 * What counts as a control character, for stripping learners' text here and for the content check
 * (content/read-source.ts): C0 controls but tab and line feed, DEL, and C1 controls.
 */
export const CONTROL_CHARACTER = "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]";

/** Control characters left over once the sequences are gone. */
const CONTROLS = new RegExp(CONTROL_CHARACTER, "g");

export function stripControls(text: string): string {
  let out = text.replace(/\r\n?/g, "\n");
  for (const sequence of SEQUENCES) out = out.replace(sequence, "");
  return out.replace(CONTROLS, "");
}

/**
 * Every string in a value (plain objects and arrays, all the way down) through `stripControls`; dates and
 * other class instances are left as they are. Each object is cleaned once and the copy remembered, so the same
 * object gives the same copy and a front end can still compare or memoise by identity: clean only objects
 * that no one changes afterwards (results, loaded content, outgoing messages).
 */
export function withoutControls<T>(value: T): T {
  return clean(value) as T;
}

const cleaned = new WeakMap<object, unknown>();

function clean(value: unknown): unknown {
  if (typeof value === "string") return stripControls(value);
  if (value === null || typeof value !== "object") return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  const known = cleaned.get(value);
  if (known !== undefined) return known;
  const out = Array.isArray(value)
    ? value.map(clean)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  cleaned.set(value, out);
  return out;
}
