/**
 * Authors' short-answer patterns, run on RE2 (re2js, pure JavaScript): matching takes time linear in the
 * answer's length whatever the pattern, so `^(a+)+$` cannot freeze the process the way a backtracking engine
 * can. RE2 has no backreferences or lookaround; the content check reports a pattern that uses them.
 */
import { RE2JS, RE2JSSyntaxException } from "re2js";

export type CompiledPattern = { ok: true; test(text: string): boolean } | { ok: false; message: string };

/**
 * Spaces JavaScript's `\s` matches and RE2's does not (RE2's is tab, newline, form feed, return, space):
 * read as a plain space, so `thundering\s*herd` still matches a pasted no-break space.
 */
const WIDE_SPACE = /[\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

const compiled = new Map<string, CompiledPattern>();

/**
 * Compiles a pattern as grading runs it: case-insensitive, found anywhere in the answer unless anchored
 * (as JavaScript's `new RegExp(pattern, "i").test(answer)`). Compiled patterns are kept: the content's
 * patterns are few.
 */
export function compilePattern(source: string): CompiledPattern {
  let result = compiled.get(source);
  if (!result) {
    result = compile(source);
    compiled.set(source, result);
  }
  return result;
}

/** True when the pattern matches; a pattern that does not compile matches nothing (the check reports it). */
export function patternMatches(source: string, text: string): boolean {
  const pattern = compilePattern(source);
  return pattern.ok && pattern.test(text);
}

function compile(source: string): CompiledPattern {
  try {
    const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    return { ok: true, test: (text) => re.test(text.replace(WIDE_SPACE, " ")) };
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    return { ok: false, message: describe(error) };
  }
}

const WHY = "answer patterns run on RE2, which never backtracks (see docs/authoring.md)";

/** The RE2 error in an author's words: which feature it is, when it is a known one. */
function describe(error: RE2JSSyntaxException): string {
  const what = error.error;
  // CASE_INSENSITIVE is applied as a `(?i)` prefix, which the author did not write.
  const where = (error.input ?? "").replace(/^\(\?i\)/, "");
  const feature = unsupportedFeature(what, where);
  if (feature) return `uses ${feature}, which answer patterns cannot use: ${WHY}`;
  return `RE2 cannot compile it (${what}${where ? `: \`${where}\`` : ""}): ${WHY}`;
}

function unsupportedFeature(what: string, where: string): string | undefined {
  if (what === "invalid escape sequence") {
    if (/^\\[1-9]/.test(where)) return `a backreference (\`${where}\`)`;
    if (where === "\\k") return "a named backreference (`\\k<name>`)";
    if (where === "\\u") return "a `\\u` escape (write the character itself)";
    return undefined;
  }
  if (what === "invalid or unsupported Perl syntax") {
    if (where === "(?=") return "a lookahead (`(?=`)";
    if (where === "(?!") return "a negative lookahead (`(?!`)";
    if (where === "(?>") return "an atomic group (`(?>`)";
    return undefined;
  }
  if (what === "invalid named capture") {
    if (where.startsWith("(?<=")) return "a lookbehind (`(?<=`)";
    if (where.startsWith("(?<!")) return "a negative lookbehind (`(?<!`)";
    return undefined;
  }
  if (what === "invalid nested repetition operator" && /^[*+?}]\+$/.test(where)) {
    return `a possessive quantifier (\`${where}\`)`;
  }
  return undefined;
}
