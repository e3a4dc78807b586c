/**
 * Text as wide as the terminal shows it, on string-width (the measure Ink lays text out with): a CJK
 * character or an emoji takes two columns, a colour code none, where `.length` counts UTF-16 code units.
 */
import stringWidth from "string-width";

export { stringWidth };

/** `text` with spaces before it, to `width` columns. */
export function padStartTo(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** `text` with spaces after it, to `width` columns. */
export function padEndTo(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}
