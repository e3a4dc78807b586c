/**
 * Self-assessment after an explain answer, in Discord: the rating buttons under the feedback, the "check
 * yourself" view (each key point's verdict, a select to dispute verdicts, the ratings), and the result. The
 * disputed points travel in the rating buttons' custom ids (a bit mask), like an order question's partial order:
 * nothing is kept outside the store. What a dispute changes is the engine's rule (judgeSelfAssessment).
 */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
  StringSelectMenuBuilder,
} from "discord.js";
import {
  type Assessable,
  blockedReason,
  judgeSelfAssessment,
  RECALL_RATINGS,
  type RecallRating,
  type SelfAssessOutcome,
  stageTitle,
} from "../../engine/index.js";
import { customId, refOf } from "../components/custom-id.js";
import { COLORS, percent, relativeTime } from "./format.js";
import { LIMITS, truncate } from "./limits.js";
import type { Row, View } from "./view.js";

export const RATING_NAMES: Record<RecallRating, string> = {
  again: "Again",
  hard: "Hard",
  good: "Good",
  easy: "Easy",
};

/** The disputed key points as they go into a custom id: a bit mask in base 36 ("" for none). */
export function encodeDisputed(disputed: readonly number[]): string {
  const mask = disputed.reduce((m, i) => (i >= 0 && i < LIMITS.selectOptions ? m | (1 << i) : m), 0);
  return mask === 0 ? "" : mask.toString(36);
}

export function decodeDisputed(text: string | undefined): number[] {
  const mask = text ? Number.parseInt(text, 36) : 0;
  if (!Number.isSafeInteger(mask) || mask <= 0) return [];
  return Array.from({ length: LIMITS.selectOptions }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0);
}

export function isRating(value: string | undefined): value is RecallRating {
  return RECALL_RATINGS.includes(value as RecallRating);
}

function ratingButtons(
  assessable: Assessable,
  action: "rate" | "send",
  disputed: readonly number[],
): ButtonBuilder[] {
  const ref = refOf(assessable.questionId);
  return RECALL_RATINGS.map((rating) =>
    new ButtonBuilder()
      .setCustomId(
        action === "rate"
          ? customId("assess", "rate", ref, rating)
          : customId("assess", "send", ref, rating, encodeDisputed(disputed)),
      )
      .setLabel(RATING_NAMES[rating])
      .setStyle(rating === assessable.suggested ? ButtonStyle.Primary : ButtonStyle.Secondary),
  );
}

/** Under the feedback of an explain answer: rate your recall at once, or open the view to dispute verdicts. */
export function assessRow(assessable: Assessable): Row {
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    ...ratingButtons(assessable, "rate", []),
    new ButtonBuilder()
      .setCustomId(customId("assess", "open", refOf(assessable.questionId)))
      .setLabel("Dispute a verdict…")
      .setStyle(ButtonStyle.Secondary),
  );
}

export const ASSESS_PROMPT =
  "🧠 **Check yourself:** how well did you know it? Rate your recall (the highlighted rating is what the grade suggests), or dispute a verdict first.";

/** The "check yourself" view: each verdict, the disputes chosen so far and what they would do, the ratings. */
export function renderAssessment(assessable: Assessable, disputed: readonly number[]): View {
  const judged = judgeSelfAssessment(assessable, disputed);
  const points = assessable.keyPoints.slice(0, LIMITS.selectOptions);
  const lines = points.map((point, i) => {
    const mark = point.covered ? "✅ covered" : "❌ missed";
    const says = judged.disputed.includes(i)
      ? point.covered
        ? " → **you say missed**"
        : " → **you say covered**"
      : "";
    return `${i + 1}. ${mark}${says}: ${point.text}`;
  });
  let effect = "Pick the verdicts you disputed in the menu, then rate your recall.";
  if (judged.blocked) effect = blockedReason(judged.blocked, assessable);
  else if (judged.credited.length > 0) {
    effect = judged.correct
      ? `On your word: ${percent(judged.score)} of the key points, **right** (self-assessed: for your progress, not for leaderboards).`
      : `On your word: ${percent(judged.score)} of the key points, still not enough to pass.`;
  } else if (judged.disputed.length > 0) effect = "Your disputes go to the authors; the grade stands.";
  const embed: APIEmbed = {
    color: COLORS.brand,
    title: "🧠 Check yourself",
    description: truncate(`${lines.join("\n")}\n\n${effect}`, LIMITS.description),
    footer: {
      text: "Then rate your recall: Again, Hard, Good or Easy. It sets when the question comes back.",
    },
  };
  const select = new StringSelectMenuBuilder()
    .setCustomId(customId("assess", "pick", refOf(assessable.questionId)))
    .setPlaceholder("Verdicts you dispute (none: you agree with all)")
    .setMinValues(0)
    .setMaxValues(Math.max(1, points.length))
    .addOptions(
      points.map((point, i) => ({
        label: truncate(`${i + 1}. ${point.text}`, LIMITS.selectLabel),
        value: String(i),
        description: point.covered
          ? "Graded covered: pick if you did not say it"
          : "Graded missed: pick if you did say it",
        default: judged.disputed.includes(i),
      })),
    );
  const ratings = new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    ...ratingButtons(assessable, "send", judged.disputed),
  );
  return {
    embeds: [embed],
    // A select needs an option: without key points there is only the rating.
    components:
      points.length > 0
        ? [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(select), ratings]
        : [ratings],
  };
}

/** After the assessment is saved: the rating and the next review, what counted on the learner's word, the stage. */
export function renderAssessed(
  outcome: SelfAssessOutcome,
  assessable: Assessable | undefined,
  lessonTitle: string,
): View {
  const lines = [
    `You rated your recall **${RATING_NAMES[outcome.rating]}**: this question comes back for review ${relativeTime(outcome.nextDue)}.`,
  ];
  for (const text of outcome.credited) lines.push(`✅ covered (self-assessed): ${text}`);
  if (outcome.credited.length > 0) {
    lines.push(
      outcome.correct && !outcome.graderCorrect
        ? `Your answer counts as right on your word (${percent(outcome.score)}): for your progress, not for leaderboards.`
        : `On your word: ${percent(outcome.score)} of the key points.`,
    );
  }
  if (outcome.blocked && assessable) lines.push(blockedReason(outcome.blocked, assessable));
  if (outcome.disputed.length > 0)
    lines.push(
      `📨 Your dispute${outcome.disputed.length === 1 ? " was" : "s were"} sent to the lesson's authors.`,
    );
  const { stage } = outcome;
  if (stage.passedNow)
    lines.push(
      `🎉 Stage ${stage.stage} (${stageTitle(stage.stage)}) of ${lessonTitle} passed (self-assessed)!`,
    );
  if (stage.unlocked)
    lines.push(`🔓 Stage ${stage.unlocked}: ${stageTitle(stage.unlocked)} is now unlocked.`);
  if (stage.lessonCompleted) lines.push(`🏆 You have passed every stage of ${lessonTitle}.`);
  const view: View = {
    embeds: [
      {
        color: COLORS.brand,
        title: "🧠 Self-assessment saved",
        description: truncate(lines.join("\n"), LIMITS.description),
      },
    ],
    components: [],
  };
  if (!outcome.quiz.done) {
    view.components = [
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(customId("quiz", "next"))
          .setLabel(`Next question (${outcome.quiz.index + 1} of ${outcome.quiz.total}) ▶`)
          .setStyle(ButtonStyle.Primary),
      ),
    ];
  }
  return view;
}
