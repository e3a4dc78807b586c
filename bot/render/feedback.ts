/** What the learner sees right after answering: right or not, why, what it saved, and what the stage did. */
import {
  ActionRowBuilder,
  type APIEmbed,
  type APIEmbedField,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import {
  type AnswerOutcome,
  type JournalEntry,
  type QuizState,
  type StageProgress,
  stageTitle,
} from "../../engine/index.js";
import { customId, refOf } from "../components/custom-id.js";
import { COLORS, letter, percent, relativeTime } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import { clipMarkdown, toDiscordMarkdown } from "./markdown.js";
import { ASSESS_PROMPT, assessRow } from "./self-assess.js";
import { userText } from "./user-text.js";
import type { Row, View } from "./view.js";

export interface FeedbackOptions {
  lessonTitle: string;
  /** For a stage-6 reflection: the stage-2 explanation beside it. */
  thenAndNow?: { then?: JournalEntry; now?: JournalEntry };
  /** The text the learner typed, for text answers. */
  typed?: string;
  /** A question's prompt by id, for the summary's list of missed questions. */
  prompt?: (questionId: string) => string;
}

const JOURNAL_NAMES = {
  explanation: "explanation",
  design: "design proposal",
  reflection: "reflection",
  note: "note",
} as const;

function verdict(outcome: AnswerOutcome): { title: string; color: number } {
  const { grade, question } = outcome;
  if (grade.correct) return { title: "✅ Right", color: COLORS.good };
  if (
    grade.score > 0 &&
    (question.type === "explain" || question.type === "order" || question.type === "multiple")
  ) {
    return { title: `🟡 Partly right (${percent(grade.score)})`, color: COLORS.partial };
  }
  return { title: "❌ Not quite", color: COLORS.bad };
}

function list(lines: string[], max = LIMITS.fieldValue): string {
  return truncate(lines.join("\n"), max) || "—";
}

function answerDetails(
  outcome: AnswerOutcome,
  typed: string | undefined,
): { lines: string[]; fields: APIEmbedField[] } {
  const { grade, question } = outcome;
  const lines: string[] = [];
  const fields: APIEmbedField[] = [];
  switch (question.type) {
    case "single":
    case "multiple":
    case "true-false": {
      for (const wrong of grade.chosenWrong) {
        lines.push(`You chose **${letter(wrong.option)}.** ${wrong.text}`);
        if (wrong.feedback) lines.push(`> ${wrong.feedback.replaceAll("\n", "\n> ")}`);
      }
      for (const missed of grade.missedCorrect) {
        lines.push(`You left out **${letter(missed)}.** ${question.options[missed]?.text ?? ""}`);
      }
      if (outcome.revealed) {
        const right = question.options.flatMap((o, i) => (o.correct ? [`**${letter(i)}.** ${o.text}`] : []));
        lines.push(`${right.length > 1 ? "Right answers" : "Right answer"}: ${right.join(" · ")}`);
      }
      break;
    }
    case "order":
      if (!grade.correct && outcome.revealed)
        lines.push(`Right order:\n${question.items.map((item, i) => `${i + 1}. ${item}`).join("\n")}`);
      break;
    case "short":
    case "numeric":
      if (typed !== undefined) lines.push(`You answered: ${userText(typed, 300)}`);
      if (!grade.correct && grade.expected) lines.push(`Expected: ${grade.expected}`);
      break;
    case "explain": {
      const points = grade.keyPoints ?? [];
      // Each point with the learner's sentence that covered it, or the one that said the opposite.
      const quote = (text: string) => `\n  “${userText(text, 120)}”`;
      const covered = points
        .filter((k) => k.covered)
        .map((k) => `✅ ${k.text}${k.evidence ? quote(k.evidence) : ""}`);
      const missed = points
        .filter((k) => !k.covered)
        .map(
          (k) =>
            `❌ ${k.text}${k.contradiction ? `\n  ⚠️ you said the opposite:${quote(k.contradiction)}` : ""}`,
        );
      fields.push({ name: `Covered (${covered.length} of ${points.length})`, value: list(covered) });
      if (missed.length) fields.push({ name: "Missed", value: list(missed) });
      const flags = (grade.flags ?? []).filter((f) => f.kind !== "contradiction");
      if (flags.length)
        fields.push({ name: "Why it does not pass", value: list(flags.map((f) => `⚠️ ${f.message}`)) });
      if (grade.jargon?.length) {
        fields.push({
          name: "Jargon to put in plain words",
          value: list(grade.jargon.map((term) => `• ${term}`)),
        });
      }
      break;
    }
  }
  return { lines, fields };
}

export function renderFeedback(outcome: AnswerOutcome, options: FeedbackOptions): View {
  const { question, stage, quiz } = outcome;
  const { title, color } = verdict(outcome);
  const { lines, fields } = answerDetails(outcome, options.typed);
  const embeds: APIEmbed[] = [
    {
      color,
      title,
      description: truncate(
        [`**Q:** ${clipMarkdown(toDiscordMarkdown(question.prompt), 600)}`, ...lines].join("\n\n"),
        LIMITS.description,
      ),
      ...(fields.length ? { fields } : {}),
    },
    outcome.revealed
      ? {
          color: COLORS.muted,
          title: question.type === "explain" ? "A model answer" : "Explanation",
          description: clipMarkdown(toDiscordMarkdown(question.explanation), 2500),
        }
      : {
          color: COLORS.muted,
          description:
            "The right answers are not shown during an attempt: after it you can retry the missed questions once, or see every answer.",
        },
  ];
  const news: string[] = [];
  if (outcome.journal) {
    news.push(
      `📓 Saved to your journal as your ${JOURNAL_NAMES[outcome.journal.kind]}. See it with \`/journal\`.`,
    );
  }
  if (outcome.unveiled) {
    news.push(
      `📖 Now shown in stage ${question.stage} of the lesson: ${outcome.unveiled.join(", ")}. Read it before the next questions.`,
    );
  }
  if (stage.passedNow)
    news.push(`🎉 Stage ${stage.stage} (${stageTitle(stage.stage)}) of ${options.lessonTitle} passed!`);
  if (stage.unlocked) news.push(`🔓 Stage ${stage.unlocked}: ${stageTitle(stage.unlocked)} is now unlocked.`);
  if (stage.lessonCompleted) news.push(`🏆 You have passed every stage of ${options.lessonTitle}.`);
  news.push(`🔁 This question comes back for review ${relativeTime(outcome.nextDue)}.`);
  const then = options.thenAndNow?.then;
  if (outcome.journal?.kind === "reflection" && then) {
    embeds.push({
      color: COLORS.brand,
      title: "Then and now",
      fields: [
        { name: "Then: your stage 2 explanation", value: userText(then.text, 1000) || "—" },
        { name: "Now: your stage 6 reflection", value: userText(outcome.journal.text, 1000) || "—" },
      ],
    });
  }
  const row = feedbackRow(outcome);
  // An explain answer: the learner's self-assessment (render/self-assess.ts).
  const assess = outcome.assessment ? assessRow(outcome.assessment) : undefined;
  if (outcome.assessment) news.push(ASSESS_PROMPT);
  return {
    content: truncate(
      [...news, quiz.done ? summaryLine(quiz, stage.progress, options.prompt ?? (() => "")) : ""]
        .filter(Boolean)
        .join("\n"),
      LIMITS.content,
    ),
    embeds,
    // An empty list still clears the question's buttons from the message.
    components: [row, assess].filter((r) => r !== undefined),
  };
}

function summaryLine(quiz: QuizState, progress: StageProgress, prompt: (id: string) => string): string {
  const right = quiz.results.filter((r) => r.correct).length;
  const what =
    quiz.mode === "review" ? "Review" : `Stage ${quiz.stage} ${quiz.round === "retry" ? "retry" : "quiz"}`;
  const line = `**${what} finished: ${right} of ${quiz.results.length} right.**`;
  const missed = quiz.results
    .filter((r) => !r.correct)
    .slice(0, 10)
    .map((r) => `❌ ${truncate(prompt(r.questionId), 150)}`);
  const list = missed.length > 0 ? `\nMissed:\n${missed.join("\n")}` : "";
  if (quiz.mode !== "review") {
    if (quiz.round === "practice") {
      return `${line} Stage ${progress.stage} is passed already: this practice changes nothing.${list}`;
    }
    return `${line}${quiz.attempt ? ` ${quiz.attempt.message}` : ""}${list}`;
  }
  const tail = quiz.moreDue
    ? `${quiz.moreDue} more review${quiz.moreDue === 1 ? " is" : "s are"} due.`
    : "No more reviews are due.";
  return `${line} ${tail}${list}`;
}

/** The buttons under the feedback; none after a review that leaves nothing due. */
function feedbackRow(outcome: AnswerOutcome): Row | undefined {
  const { quiz, stage } = outcome;
  const row = new ActionRowBuilder<MessageActionRowComponentBuilder>();
  if (!quiz.done) {
    return row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("quiz", "next"))
        .setLabel(`Next question (${quiz.index + 1} of ${quiz.total}) ▶`)
        .setStyle(ButtonStyle.Primary),
      new ButtonBuilder()
        .setCustomId(customId("quiz", "end"))
        .setLabel("End quiz")
        .setStyle(ButtonStyle.Secondary),
    );
  }
  const ref = refOf(stage.lessonId);
  if (quiz.mode === "review") {
    if (!quiz.moreDue) return undefined;
    return row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("quiz", "review"))
        .setLabel("Review more")
        .setStyle(ButtonStyle.Primary),
    );
  }
  // Where to go on, as the engine says: the first open stage after this one.
  const next = stage.nextStage && stage.stages[stage.nextStage - 1];
  if (next) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("learn", "page", ref, next.stage, 0))
        .setLabel(`Read stage ${next.stage}: ${truncate(next.title, 40)} ▶`)
        .setStyle(ButtonStyle.Primary),
    );
  }
  // What the attempt rules leave open (journey/attempt.ts): retry the missed questions once, or see the answers.
  const attempt = quiz.attempt;
  if (attempt?.canRetry) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("quiz", "retry", ref, stage.stage))
        .setLabel(`Retry the ${attempt.missed.length} missed`)
        .setStyle(ButtonStyle.Secondary),
    );
  }
  if (attempt?.canSeeAnswers && attempt.state !== "passed") {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId("quiz", "answers", ref, stage.stage))
        .setLabel("See the answers")
        .setStyle(ButtonStyle.Secondary),
    );
  }
  row.addComponents(
    new ButtonBuilder()
      .setCustomId(customId("learn", "page", ref, stage.stage, 0))
      .setLabel(`Re-read stage ${stage.stage}`)
      .setStyle(ButtonStyle.Secondary),
  );
  return row;
}
