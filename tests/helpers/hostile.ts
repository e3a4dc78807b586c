// Hostile text, shared by the engine, terminal and bot tests: what a learner or a content author could type
// to act on a terminal or to post under the bot's name.

/** Sets the terminal's window title (OSC 0, ended by BEL). */
export const SET_TITLE = "\u001b]0;pwned\u0007";
/** Colours the rest red, and resets it. */
export const RED = "\u001b[31m";
export const RESET = "\u001b[0m";
/** Clears the screen. */
export const CLEAR = "\u001b[2J";
export const NUL = "\u0000";
export const BEL = "\u0007";

/** An explanation that covers the fixture's three key points, with every kind of control in it. */
export const HOSTILE_EXPLANATION = `${SET_TITLE}The handshake is done by the kernel;${NUL} connections ${RED}wait in a queue${RESET};${BEL}\r\nrecv copies into user space.${CLEAR}`;
/** The same explanation as it should be kept and shown. */
export const CLEAN_EXPLANATION =
  "The handshake is done by the kernel; connections wait in a queue;\nrecv copies into user space.";

/** Every control character (C0 but tab and line feed, DEL, C1) and ESC itself. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
export const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Discord markdown that must not render when echoed from a member. */
export const MASKED_LINK = "[free nitro](https://evil.example/claim)";
export const HOSTILE_MARKDOWN = `# heading ${MASKED_LINK} \`\`\`js evil() \`\`\` @everyone`;
