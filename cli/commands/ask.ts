/** `tutor ask <question...> [--json]`: an answer from the lessons, with the lesson and stage it came from. */
import { type AskResult, MAX_QUESTION_LENGTH } from "../../engine/index.js";
import { EXIT_OK, EXIT_USAGE } from "../errors.js";
import { type GlobalOptions, LEARNER_ID, openTutor } from "../open-tutor.js";

export async function ask(
  words: string[],
  options: { json?: boolean },
  globals: GlobalOptions,
): Promise<number> {
  const question = words.join(" ").trim();
  if (!question) {
    process.stderr.write('tutor ask: ask a question, for example: tutor ask "what is a torn page?"\n');
    return EXIT_USAGE;
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    process.stderr.write(
      `tutor ask: the question is ${question.length} characters long; keep it under ${MAX_QUESTION_LENGTH}.\n`,
    );
    return EXIT_USAGE;
  }
  const tutor = await openTutor(globals);
  try {
    // A language model can take seconds: say so on a terminal, where someone is waiting.
    if (tutor.usesModel && process.stderr.isTTY && !options.json)
      process.stderr.write("Asking the language model…\n");
    const result = await tutor.ask(question);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(asJson(result), null, 2)}\n`);
      return EXIT_OK;
    }
    // Point at the stage to study, or at the learner's own stage of that lesson while it is still locked.
    const top = result.confident ? result.passages[0] : undefined;
    const entry = top && (await tutor.catalog(LEARNER_ID)).find((e) => e.id === top.lessonId);
    const open = entry?.stages[(top?.stage ?? 1) - 1]?.status !== "locked";
    process.stdout.write(answerText(result, open ? undefined : entry?.currentStage));
    return EXIT_OK;
  } finally {
    await tutor.close();
  }
}

/** For scripts: the verdict and the ranked passages. */
function asJson(result: AskResult) {
  return {
    question: result.question,
    confident: result.confident,
    message: result.message,
    ...(result.answer ? { answer: result.answer } : {}),
    closest: result.confident ? [] : result.lessons.map((l) => ({ lesson: l.id, title: l.title })),
    results: result.passages.map((p) => ({
      lesson: p.lessonId,
      title: p.lessonTitle,
      stage: p.stage,
      heading: p.heading,
      score: p.score,
      excerpt: p.excerpt,
    })),
  };
}

/** `currentStage` is given when the cited stage is still locked for the learner. */
export function answerText(result: AskResult, currentStage?: number): string {
  const lines: string[] = [];
  if (!result.confident) {
    lines.push(result.message);
    if (result.lessons.length > 0) {
      lines.push("", "To open one of them:");
      for (const l of result.lessons) lines.push(`  tutor learn ${l.id}`);
    }
    return `${lines.join("\n")}\n`;
  }
  lines.push(result.answer ?? result.message, "", result.answer ? "Sources:" : "From the lessons:");
  result.passages.forEach((p, i) => {
    lines.push(`[${i + 1}] ${p.lessonTitle} · stage ${p.stage} (${p.stageTitle}) · ${p.heading}`);
    lines.push(`    ${p.excerpt}`);
  });
  const top = result.passages[0];
  if (top && currentStage === undefined)
    lines.push("", `Study it: tutor learn ${top.lessonId} --stage ${top.stage}`);
  else if (top) {
    lines.push(
      "",
      `Study it: tutor learn ${top.lessonId} --stage ${top.stage} (you are on stage ${currentStage}: you can read stage ${top.stage} now; its questions open once you pass the stages before it)`,
    );
  }
  return `${lines.join("\n")}\n`;
}
