/**
 * What the app reads from the terminal: keys, one at a time, and nothing that is not a key.
 *
 * Ink hands a screen whatever arrived in one read. Keys typed faster than it reads (`2`, `1`, enter over SSH,
 * or a key repeat) came as one string no screen recognised, and text copied out of a coloured terminal or a
 * window-title sequence (`ESC ] 0 ; … BEL`) came in as keys: Ink 6.8's useInput throws on a colour code, and
 * the rest of a title landed in an answer. So the terminal's input passes through `keyboard()` first: escape
 * sequences that a key sends (arrows, Home, PgUp, F-keys, alt+key) go on whole, every other character goes on
 * alone, and colour codes, screen commands and terminal strings (OSC, DCS, APC, PM, SOS) are dropped.
 */

const ESC = "\u001b";
/** Final bytes of the CSI sequences keys send: arrows, Home/End, F1-F4, shift+tab, `~` keys, kitty's `u`. */
const KEY_FINALS = new Set("ABCDEFHPQRSZ~u");
/** After ESC, these start a terminal string that runs to BEL or ST (ESC \). */
const STRING_STARTS = new Set("]PX^_");

/**
 * Terminal input as the keys in it. A sequence cut off by the end of the read is returned as `pending`, to be
 * put in front of the next read.
 */
export function keypresses(chunk: string): { keys: string[]; pending: string } {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    const start = i;
    const code = chunk.codePointAt(i) as number;
    if (chunk[i] === ESC) {
      i = escapeAt(chunk, i, keys);
    } else if (code === 0x9b) {
      // An 8-bit CSI: no key sends one in a UTF-8 terminal; drop the whole sequence.
      i = csiEnd(chunk, i + 1);
    } else if (code >= 0x80 && code <= 0x9f) {
      i += 1;
    } else if (chunk[i] === "\r" && chunk[i + 1] === "\n") {
      keys.push("\r");
      i += 2;
    } else {
      const key = String.fromCodePoint(code);
      keys.push(key);
      i += key.length;
    }
    if (i > chunk.length) return { keys, pending: chunk.slice(start) };
  }
  return { keys, pending: "" };
}

/** Reads the sequence at `chunk[at]` (an ESC), pushes it if it is a key, and returns where the next one starts. */
function escapeAt(chunk: string, at: number, keys: string[]): number {
  const next = chunk[at + 1];
  if (next === undefined) {
    keys.push(ESC); // the escape key, or the start of a sequence Ink completes from the next read
    return at + 1;
  }
  if (STRING_STARTS.has(next)) return stringEnd(chunk, at + 2);
  if (next === "[") {
    const end = csiEnd(chunk, at + 2);
    if (end <= chunk.length && KEY_FINALS.has(chunk[end - 1] ?? "")) keys.push(chunk.slice(at, end));
    return end;
  }
  if (next === "O") {
    if (at + 3 > chunk.length) return chunk.length + 1;
    keys.push(chunk.slice(at, at + 3)); // SS3: F1-F4 and arrows in application mode
    return at + 3;
  }
  if (next === ESC && (chunk[at + 2] === "[" || chunk[at + 2] === "O")) {
    // alt+arrow: ESC then the arrow's own sequence.
    const inner: string[] = [];
    const end = escapeAt(chunk, at + 1, inner);
    if (inner[0]) keys.push(ESC + inner[0]);
    return end;
  }
  const key = String.fromCodePoint(chunk.codePointAt(at + 1) as number);
  keys.push(ESC + key); // alt+key
  return at + 1 + key.length;
}

/** Index just past a CSI sequence whose parameters start at `from` (chunk.length + 1 when it is cut off). */
function csiEnd(chunk: string, from: number): number {
  let i = from;
  if (chunk[i] === "[") i++; // the Linux console's ESC [ [ A for F1
  while (i < chunk.length) {
    const code = chunk.charCodeAt(i);
    if (code >= 0x40 && code <= 0x7e) return i + 1;
    if (code < 0x20 || code > 0x3f) return i; // not a CSI after all: drop what was read, keep the rest
    i++;
  }
  return chunk.length + 1;
}

/**
 * Index just past a terminal string's terminator (BEL or ST). An unfinished one is dropped to the end of the
 * read and not held: a pasted string with no terminator must not swallow every key typed after it.
 */
function stringEnd(chunk: string, from: number): number {
  for (let i = from; i < chunk.length; i++) {
    if (chunk[i] === "\u0007" || chunk[i] === "\u009c") return i + 1;
    if (chunk[i] === ESC && chunk[i + 1] === "\\") return i + 2;
  }
  return chunk.length;
}

/**
 * The terminal's input for Ink: the same stream (raw mode, listeners, ref and unref go to it), whose `read()`
 * returns one key at a time, as `keypresses` splits what arrived.
 */
export function keyboard(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const queue: string[] = [];
  let pending = "";
  const read = (): string | null => {
    while (queue.length === 0) {
      const chunk: unknown = stdin.read();
      if (chunk === null) return null;
      const split = keypresses(pending + String(chunk));
      pending = split.pending;
      queue.push(...split.keys);
    }
    return queue.shift() as string;
  };
  return new Proxy(stdin, {
    get(target, key) {
      if (key === "read") return read;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
