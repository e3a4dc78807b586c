/** zod schemas for front matter; messages are written for lesson authors. */
import { z } from "zod";
import type { ContentIssue } from "../errors.js";
import { closest } from "../text/closest.js";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().regex(kebab, "must be kebab-case: lowercase letters, digits and single dashes");

// Strict objects: a misspelt key (`prerequisite:`) is an error with a suggestion, never silently dropped.
export const lessonFrontMatter = z.strictObject({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  sources: z
    .array(
      z
        .url({ message: "every source must be a URL", abort: true })
        .refine((url) => /^https?:\/\//i.test(url), "every source must be an http:// or https:// URL"),
    )
    .min(1, "list at least one source"),
  prerequisites: z.array(id).default([]),
  jargon: z
    .array(
      z.strictObject({
        term: z.string().min(1),
        plain: z.array(z.string().min(1)).min(1, "give at least one plain phrasing for each jargon term"),
      }),
    )
    .default([]),
});

export const quizFrontMatter = z.strictObject({ lesson: id });

export const questionId = id;

/** Validates `data`; pushes one issue per problem, at the line of the offending key when known. */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  keyLines: Record<string, number>,
  fallbackLine: number,
  issues: ContentIssue[],
): z.infer<T> | undefined {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    issues.push({
      file,
      line: fallbackLine,
      message: "front matter must be keys and values (`key: value` lines)",
    });
    return undefined;
  }
  for (const problem of result.error.issues) {
    const key = String(problem.path[0] ?? "");
    if (problem.code === "unrecognized_keys") {
      const known = Object.keys(shapeAt(schema, problem.path));
      for (const unknown of problem.keys) {
        const suggestion = closest(unknown, known);
        const where = [...problem.path, unknown].join(".");
        issues.push({
          file,
          line: keyLines[problem.path.length > 0 ? key : unknown] ?? fallbackLine,
          message: `front matter has an unknown key \`${where}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""} (known: ${known.join(", ")})`,
        });
      }
      continue;
    }
    const where = problem.path.join(".");
    const value = valueAt(data, problem.path);
    const message =
      // zod leaves out the input unless asked: look the value up to tell a missing key from a wrong one.
      problem.code === "invalid_type" && value === undefined
        ? `front matter needs \`${where}\``
        : `front matter ${described(problem.path, value)}: ${problem.message}`;
    issues.push({ file, line: keyLines[key] ?? fallbackLine, message });
  }
  return undefined;
}

/** The keys the object at `path` (`[]`, or `["jargon", 0]`) accepts. */
function shapeAt(schema: z.ZodType, path: PropertyKey[]): Record<string, unknown> {
  const unwrap = (t: unknown) => (t instanceof z.ZodDefault ? t.unwrap() : t);
  let at: unknown = unwrap(schema);
  for (const step of path) {
    if (typeof step === "number") at = at instanceof z.ZodArray ? at.element : undefined;
    else at = at instanceof z.ZodObject ? at.shape[String(step)] : undefined;
    at = unwrap(at);
  }
  return at instanceof z.ZodObject ? at.shape : {};
}

/** "`title`", or for a list's item "`sources` item 3 (`javascript:alert(1)`)": counted from 1, quoted when short. */
function described(path: PropertyKey[], value: unknown): string {
  const last = path.at(-1);
  if (typeof last !== "number") return `\`${path.join(".") || "(top level)"}\``;
  const quoted = typeof value === "string" && value.length <= 80 ? ` (\`${value}\`)` : "";
  return `\`${path.slice(0, -1).join(".")}\` item ${last + 1}${quoted}`;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let at = data;
  for (const step of path)
    at = at !== null && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[step] : undefined;
  return at;
}
