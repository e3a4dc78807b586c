/**
 * `tutor grade <question-id> [--answer <text>] [--json] [--model]`: grades a text answer (from --answer or standard
 * input) without recording it, and prints the verdict, the score, each key point with the learner's sentence that
 * covered it, contradictions and flags. Exit code 0 whatever the verdict: only a wrong command line or an unknown
 * question is an error.
 */
import type { Grade } from "../../engine/index.js";
import { EXIT_OK, EXIT_USAGE, refusalExitCode, refusalText } from "../errors.js";
import { type GlobalOptions, openTutor } from "../open-tutor.js";

/** Standard input is read up to this many bytes: the grader takes 4,000 characters, and says so past them. */
const MAX_STDIN = 64 * 1024;

export async function grade(
  questionId: string,
  options: { answer?: string; json?: boolean; model?: boolean },
  globals: GlobalOptions,
): Promise<number> {
  const text = options.answer ?? (process.stdin.isTTY ? "" : await readStdin());
  if (!text.trim()) {
    process.stderr.write(
      'tutor grade: give the answer with --answer "<text>" or on standard input (tutor grade <id> < answer.txt)\n',
    );
    return EXIT_USAGE;
  }
  const tutor = await openTutor(globals);
  try {
    if (options.model && !tutor.usesModel)
      process.stderr.write(
        "tutor grade: no model endpoint is configured (TUTOR_LLM_URL, TUTOR_LLM_MODEL): grading offline.\n",
      );
    const result = await tutor.grade(questionId, text, { model: options.model === true });
    if (!result.ok) {
      process.stderr.write(`tutor grade: ${refusalText(result)}\n`);
      return refusalExitCode(result);
    }
    process.stdout.write(
      options.json ? `${JSON.stringify(asJson(result.value), null, 2)}\n` : gradeText(result.value),
    );
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_STDIN) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_STDIN).toString("utf8");
}

export function asJson(g: Grade) {
  return {
    questionId: g.questionId,
    correct: g.correct,
    score: g.score,
    keyPoints: (g.keyPoints ?? []).map((k) => ({
      text: k.text,
      covered: k.covered,
      evidence: k.evidence ?? null,
      ...(k.contradiction ? { contradiction: k.contradiction } : {}),
    })),
    flags: (g.flags ?? []).map((f) => ({
      kind: f.kind,
      message: f.message,
      final: f.final,
      ...(f.evidence ? { evidence: f.evidence } : {}),
    })),
    ...(g.jargon?.length ? { jargon: g.jargon } : {}),
    ...(g.expected ? { expected: g.expected } : {}),
    ...(g.invalid ? { invalid: g.invalid } : {}),
    gradedBy: g.gradedBy ?? "offline",
    ...(g.modelError ? { modelError: g.modelError } : {}),
  };
}

function gradeText(g: Grade): string {
  if (g.invalid) return `Not graded: ${g.invalid}.\n`;
  const lines: string[] = [];
  const points = g.keyPoints ?? [];
  const covered = points.filter((k) => k.covered).length;
  const share = `${Math.round(g.score * 100)}%`;
  lines.push(
    `${g.correct ? "Passes" : "Does not pass"}: ${points.length ? `${covered} of ${points.length} key points (${share})` : share}${g.gradedBy === "model" ? ", graded by the model" : ""}.`,
  );
  if (g.modelError) lines.push(`The model did not grade (${g.modelError}); graded offline.`);
  for (const k of points) {
    lines.push(`${k.covered ? "[x]" : "[ ]"} ${k.text}`);
    if (k.evidence) lines.push(`    you wrote: "${k.evidence}"`);
    else if (k.contradiction) lines.push(`    contradicted: "${k.contradiction}"`);
    else lines.push("    missing");
  }
  for (const f of g.flags ?? [])
    lines.push(`Flag (${f.kind}): ${f.message}${f.evidence ? `: "${f.evidence}"` : ""}`);
  if (g.jargon?.length) lines.push(`Terms used without explaining them: ${g.jargon.join(", ")}`);
  if (g.expected && !g.correct) lines.push(`Expected: ${g.expected}`);
  return `${lines.join("\n")}\n`;
}
