/** zod schemas for front matter; messages are written for lesson authors. */
import { z } from "zod";
import type { ContentIssue } from "../errors.js";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().regex(kebab, "must be kebab-case: lowercase letters, digits and single dashes");

export const lessonFrontMatter = z.object({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  sources: z.array(z.url({ message: "every source must be a URL" })).min(1, "list at least one source"),
  prerequisites: z.array(id).default([]),
  jargon: z
    .array(
      z.object({
        term: z.string().min(1),
        plain: z.array(z.string().min(1)).min(1, "give at least one plain phrasing for each jargon term"),
      }),
    )
    .default([]),
});

export const quizFrontMatter = z.object({ lesson: id });

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
  for (const problem of result.error.issues) {
    const key = String(problem.path[0] ?? "");
    const where = problem.path.join(".");
    const message =
      problem.code === "invalid_type" && problem.input === undefined
        ? `front matter needs \`${where}\``
        : `front matter \`${where || "(top level)"}\`: ${problem.message}`;
    issues.push({ file, line: keyLines[key] ?? fallbackLine, message });
  }
  return undefined;
}
