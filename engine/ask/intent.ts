/**
 * What kind of answer a question asks for, and so which stages of a lesson answer it best:
 * - a definition ("what is a torn page?", "what does io_combine_limit mean?"): the stage that explains the
 *   mechanism, Understand (1);
 * - a cause ("why is my Kafka p99 bad on ext4?"): how it works and where it breaks, Understand (1) and
 *   Limitations (3);
 * - a fix ("how do I fix ephemeral port exhaustion?"): the stage that builds something better (4).
 * Articulate (2) holds prompts for the learner's own explanation, never an answer.
 */
import type { StageNumber } from "../content/model.js";

export type Intent = "definition" | "cause" | "fix" | "other";

const FIX =
  /\b(?:fix(?:e[sd])?|fixing|avoid(?:ed|ing)?|prevent(?:ed|ing)?|solve[sd]?|solving|mitigate[sd]?|work ?around|get rid of|remed(?:y|ies))\b/i;
const CAUSE = /\b(?:why|what causes|cause of|caused by|reason for)\b/i;
const DEFINITION =
  /^\W*(?:what(?:'s| is| are)\b|whats\b|define\b|definition of\b|meaning of\b)|\bwhat does\b.*\b(?:mean|do)\b/i;

export function intentOf(question: string): Intent {
  if (FIX.test(question)) return "fix";
  if (CAUSE.test(question)) return "cause";
  if (DEFINITION.test(question)) return "definition";
  return "other";
}

const PREFERRED: Record<Intent, readonly StageNumber[]> = {
  definition: [1],
  cause: [1, 3],
  fix: [4],
  other: [],
};

/**
 * A section of a preferred stage comes before every other section of its lesson when it scores at least this share
 * of the lesson's best section: enough to be about the question, not only to share a common word with it.
 */
const PREFERRED_FLOOR = 0.05;
/** Articulate's sections count for this share: they hold prompts and rubrics, not answers. */
const ARTICULATE = 0.4;

/**
 * Orders one lesson's matching sections for a question of this intent: the preferred stages' sections first (each
 * by its own score), then the rest, Articulate's last among equals. `score` and `stage` are read from each item.
 */
export function rankByStage<T extends { score: number; stage: StageNumber }>(
  intent: Intent,
  sections: T[],
): T[] {
  const best = Math.max(0, ...sections.map((s) => s.score));
  const key = (s: T) => {
    const preferred = PREFERRED[intent].includes(s.stage) && s.score >= PREFERRED_FLOOR * best;
    return (preferred ? best : 0) + s.score * (s.stage === 2 ? ARTICULATE : 1);
  };
  return [...sections].sort((a, b) => key(b) - key(a));
}
