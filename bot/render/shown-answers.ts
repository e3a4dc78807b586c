/** "See the answers": every question of the stage with its right answer, within Discord's embed limits. */
import type { AttemptStatus, ShownAnswer } from "../../engine/index.js";
import { COLORS } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { clipMarkdown, toDiscordMarkdown } from "./markdown.js";
import type { View } from "./view.js";

/** Per question: the answer and the explanation, well inside a field's 1,024 and the message's 6,000 in all. */
const FIELD_CHARS = 600;
const MAX_FIELDS = 8;

export function renderAnswers(answers: ShownAnswer[], status: AttemptStatus, lessonTitle: string): View {
  const fields = answers.slice(0, MAX_FIELDS).map(({ question, answer, right }) => ({
    name: truncate(`${right ? "✅" : "❌"} ${question.prompt.split("\n")[0] ?? ""}`, LIMITS.fieldName),
    value:
      clipMarkdown(
        `**Answer:** ${toDiscordMarkdown(answer)}\n${toDiscordMarkdown(question.explanation)}`,
        FIELD_CHARS,
      ) || "—",
  }));
  const more = answers.length - fields.length;
  return {
    content: status.message,
    embeds: [
      {
        color: COLORS.muted,
        title: truncate(`The answers: ${lessonTitle}, stage ${status.stage}`, LIMITS.title),
        ...(more > 0 ? { description: `${more} more question${more === 1 ? "" : "s"} not shown here.` } : {}),
        fields,
      },
    ],
    components: [],
  };
}
