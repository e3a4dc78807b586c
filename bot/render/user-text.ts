/**
 * The one place text a member wrote is made fit to echo under the bot's name: the /ask question, typed answers,
 * journal entries, server names. Control characters go (as from everything: see fitMessage), and the
 * markdown is escaped, so a masked link (`[free nitro](https://…)`), a heading, a quote, a list or a code fence
 * shows as the characters typed and never renders. Bare links are wrapped in <…> so they get no preview.
 * Mentions stay as written: every message goes out with mentions turned off.
 */
import { escapeMarkdown } from "discord.js";
import { stripControls } from "../../engine/index.js";

const ESCAPE_ALL = {
  heading: true,
  maskedLink: true,
  bulletedList: true,
  numberedList: true,
} as const;

/** What escapeMarkdown leaves: block quotes and subtext (`-# `) at the start of a line. */
const LINE_STARTS = /^([ \t]*)(>|-#)/gm;
const BARE_LINK = /\bhttps?:\/\/[^\s<>()]+/g;

function escaped(text: string): string {
  // Its italic pattern takes time that grows with the square of a line's length, even with nothing to escape.
  const italic = text.includes("*") || text.includes("_");
  return escapeMarkdown(text, { ...ESCAPE_ALL, italic })
    .replace(LINE_STARTS, "$1\\$2")
    .replace(BARE_LINK, (url) => `<${url}>`);
}

/**
 * A member's text, escaped, in at most `max` characters. Escaping lengthens text, so it is cut before it is
 * escaped (never inside an escape, which would unescape what follows) and ends with an ellipsis when cut.
 * escapeMarkdown slows down fast on long runs without spaces, so no more than `max` characters are escaped.
 */
export function userText(text: string, max: number): string {
  if (max < 1) return "";
  const clean = stripControls(text);
  if (clean.length <= max) {
    const whole = escaped(clean);
    if (whole.length <= max) return whole;
  }
  let keep = Math.min(clean.length, max - 1);
  let out = cut(clean, keep);
  // Each pass keeps the share of the text that fitted last time: two or three passes at most.
  while (out.length > max && keep > 0) {
    keep = Math.min(keep - 1, Math.floor((keep * (max - 1)) / (out.length - 1)));
    out = cut(clean, Math.max(0, keep));
  }
  return out;
}

function cut(text: string, keep: number): string {
  return `${escaped(text.slice(0, keep).trimEnd())}…`;
}
