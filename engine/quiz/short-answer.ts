/**
 * Short and numeric answers, graded as a reader would: an accepted answer inside a short reply counts ("it's
 * accept()"), a reply that negates or hedges does not ("not accept", "accept or listen"), patterns match a whole
 * answer (or a whole span of a short reply), and numbers are read with their units and converted.
 */
import { patternMatches } from "../content/pattern.js";

/** Longest reply, in words, searched for an accepted answer inside it: longer is an essay, not a short answer. */
export const SHORT_REPLY_WORDS = 8;
/** Words that turn a reply against the answer it contains, or offer a second one. */
const NEGATION =
  /\b(?:not|no|never|neither|nor|isn'?t|aren'?t|wasn'?t|doesn'?t|don'?t|can'?t|cannot|without)\b|n't\b/i;
const HEDGE = /\b(?:or|either|maybe|perhaps)\b|\/|\?/i;

/** Case, spacing, surrounding quotes and backticks, a final full stop, and a leading "v" of a version dropped. */
export function normaliseShort(text: string): string {
  return text
    .trim()
    .replace(/^[`"'“‘]+|[`"'”’]+$/g, "")
    .replace(/\.$/, "")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim();
}

/** The same answer written with or without spaces, dashes, underscores or a call's "()": "auto-vectorization". */
function compact(text: string): string {
  return normaliseShort(text)
    .replace(/\(\s*\)/g, "")
    .replace(/[\s\-_]+/g, "")
    .replace(/^v(?=\d)/, "");
}

/** A whole answer, or a word span of a short reply, with the punctuation around it dropped. */
function candidates(text: string): string[] {
  const whole = normaliseShort(text);
  const words = whole.split(" ").filter(Boolean);
  const out = new Set<string>([whole]);
  if (words.length > SHORT_REPLY_WORDS || NEGATION.test(whole) || HEDGE.test(whole)) return [...out];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const span = words
        .slice(i, j)
        .join(" ")
        .replace(/^[\s,;:!("'`“‘]+|[\s,;:!.)"'`”’]+$/g, "");
      if (span) out.add(span);
    }
  }
  // "accept()" keeps its parentheses: the loop above strips a final ")" only with its pair gone.
  for (const w of words) out.add(w.replace(/^[,;:!"'`“‘]+|[,;:!."'`”’]+$/g, ""));
  return [...out];
}

export function shortAnswerMatches(
  accepted: readonly string[],
  pattern: string | undefined,
  text: string,
): boolean {
  const spans = candidates(text);
  const wanted = new Set(accepted.map(compact));
  if (spans.some((s) => wanted.has(compact(s)))) return true;
  if (pattern === undefined) return false;
  // Anchored whatever the author wrote: a pattern names a whole answer, never a fragment of a longer one.
  const anchored = `^(?:${pattern})$`;
  return spans.some((s) => patternMatches(anchored, s) || patternMatches(anchored, s.replace(/\s+/g, " ")));
}

type Dimension = "size" | "time" | "share";
interface Unit {
  dimension: Dimension;
  /** Value of one unit in the dimension's base (bytes, seconds, percent); KB and MB may mean either. */
  factors: number[];
}

const UNITS: [RegExp, Unit][] = [
  [/^(?:b|bytes?)$/i, { dimension: "size", factors: [1] }],
  [/^(?:kb|kbytes?|kilobytes?)$/i, { dimension: "size", factors: [1000, 1024] }],
  [/^(?:kib|kibibytes?)$/i, { dimension: "size", factors: [1024] }],
  [/^(?:mb|mbytes?|megabytes?)$/i, { dimension: "size", factors: [1e6, 1048576] }],
  [/^(?:mib|mebibytes?)$/i, { dimension: "size", factors: [1048576] }],
  [/^(?:gb|gigabytes?)$/i, { dimension: "size", factors: [1e9, 1073741824] }],
  [/^(?:gib|gibibytes?)$/i, { dimension: "size", factors: [1073741824] }],
  [/^(?:ns|nanoseconds?)$/i, { dimension: "time", factors: [1e-9] }],
  [/^(?:us|µs|μs|microseconds?)$/i, { dimension: "time", factors: [1e-6] }],
  [/^(?:ms|msecs?|milliseconds?)$/i, { dimension: "time", factors: [1e-3] }],
  [/^(?:s|secs?|seconds?)$/i, { dimension: "time", factors: [1] }],
  [/^(?:min|mins|minutes?)$/i, { dimension: "time", factors: [60] }],
  [/^(?:%|percent|per cent|pct)$/i, { dimension: "share", factors: [1] }],
];

export function unitOf(word: string | undefined): Unit | undefined {
  if (!word) return undefined;
  return UNITS.find(([re]) => re.test(word.trim()))?.[1];
}

/** Whether a question's unit is a unit of measure (a size, a time, a share); anything else is counted. */
export function isMeasuredUnit(unit: string | undefined): boolean {
  return unitOf(unit) !== undefined;
}

const NUMBER =
  /([-+]?(?:\d{1,3}(?:[,_ ]\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?|[-+]?\.\d+)(?:\s*(%|[a-zµμ]+\b))?/gi;

export type NumericReading = { ok: true; values: number[] } | { ok: false; reason: string };

/**
 * The values a numeric answer can mean, in the question's unit: "128 KiB" for a question in bytes is 131072;
 * "128 KB" is 128000 or 131072. Working before a final "=" is dropped ("7 x 8192 = 57344"). Two different
 * numbers ("16 or 32", "not 16, it's 8") are refused: an answer gives one value.
 */
export function readNumber(text: string, questionUnit: string | undefined): NumericReading {
  const afterEquals = text.includes("=") ? text.slice(text.lastIndexOf("=") + 1) : text;
  const target = unitOf(questionUnit);
  const found: number[][] = [];
  for (const match of afterEquals.matchAll(NUMBER)) {
    const value = Number((match[1] as string).replace(/[,_ ]/g, ""));
    if (!Number.isFinite(value)) continue;
    const unit = unitOf(match[2]);
    if (!unit || !target) {
      // A known unit where the question's is another kind ("5 ms" for bytes) is refused, not guessed.
      if (unit && questionUnit && !target) return { ok: false, reason: `give the number in ${questionUnit}` };
      found.push([value]);
      continue;
    }
    if (unit.dimension !== target.dimension)
      return { ok: false, reason: `give the number in ${questionUnit}` };
    const base = target.factors[0] as number;
    found.push(unit.factors.map((f) => (value * f) / base));
  }
  if (found.length === 0) return { ok: false, reason: "type a number" };
  const distinct = found.filter(
    (values, i) => !found.slice(0, i).some((other) => other.some((v) => values.some((w) => close(v, w)))),
  );
  if (distinct.length > 1) return { ok: false, reason: "give one number, not several" };
  return { ok: true, values: found[0] as number[] };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
