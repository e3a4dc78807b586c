/**
 * Question pools in quiz files: a stage's `> **Objectives:**` block and the attributes of a question heading
 * (`### id (type, objective: id, review-only)`). docs/authoring.md describes the format.
 */
import type { Tokens } from "marked";
import type { ContentIssue } from "../errors.js";
import { closest } from "../text/closest.js";
import { MAX_AUTHORED_TEXT, OBJECTIVES_PER_STAGE } from "./limits.js";
import type { LocatedToken } from "./markdown.js";
import type { Objective, StageNumber } from "./model.js";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ATTRIBUTES = ["objective", "review-only"];
const OBJECTIVE_FORMAT = "`> - \\`<id>\\`: <what the learner must understand>`";

/** `### <id> (<type>[, objective: <id>][, review-only])`: the id and what is inside the parentheses. */
export const QUESTION_HEADING = /^([A-Za-z0-9_-]+)\s*\(([^()]*)\)\s*$/;

export interface HeadingAttributes {
  objective?: string;
  reviewOnly: boolean;
}

/**
 * The attributes after the type in a question heading (`parts` is the text after the first comma, split at
 * commas). Pushes an issue for each malformed one and returns undefined if there was any.
 */
export function parseHeadingAttributes(
  id: string,
  parts: string[],
  file: string,
  line: number,
  issues: ContentIssue[],
): HeadingAttributes | undefined {
  const before = issues.length;
  const problem = (message: string) => issues.push({ file, line, message: `question \`${id}\`: ${message}` });
  const attributes: HeadingAttributes = { reviewOnly: false };
  for (const raw of parts) {
    const part = raw.trim();
    const objective = /^objective\s*:\s*(.*)$/i.exec(part);
    if (!part) problem("an empty attribute between commas in its heading");
    else if (objective) {
      const value = (objective[1] ?? "").replace(/^`(.*)`$/, "$1").trim();
      if (attributes.objective !== undefined) problem("names two objectives; a question tests one");
      else if (!value) problem("`objective:` names no objective; write `objective: <id>`");
      else if (!KEBAB.test(value)) problem(`objective \`${value}\` must be kebab-case`);
      else attributes.objective = value;
    } else if (/^review-only$/i.test(part)) {
      if (attributes.reviewOnly) problem("says `review-only` twice");
      attributes.reviewOnly = true;
    } else {
      const key = part.split(":")[0]?.trim() ?? part;
      const suggestion = closest(key.toLowerCase(), ATTRIBUTES);
      problem(
        `unknown attribute \`${part}\` in its heading;${suggestion ? ` did you mean \`${suggestion}\`?` : ""} after the type a heading takes \`objective: <id>\` and \`review-only\``,
      );
    }
  }
  return issues.length > before ? undefined : attributes;
}

/** Whether a blockquote is an `> **Objectives:**` block (by its label, however the rest is written). */
export function isObjectivesBlock(quote: Tokens.Blockquote): boolean {
  return /^\s*\*\*objectives\s*:?\s*\*\*/i.test(quote.text);
}

/**
 * The objectives of one `> **Objectives:**` block: a label line, then one `- \`id\`: text` line each. Each
 * problem is reported at its own line; returns undefined if there was any.
 */
export function parseObjectives(
  located: LocatedToken,
  stage: StageNumber,
  file: string,
  issues: ContentIssue[],
): Objective[] | undefined {
  const before = issues.length;
  const problem = (line: number, message: string) =>
    issues.push({ file, line, message: `stage ${stage} objectives: ${message}` });
  const objectives: Objective[] = [];
  let labelSeen = false;
  located.token.raw.split("\n").forEach((rawLine, i) => {
    const line = located.line + i;
    // Lazy continuation lines carry no `>`: they belong to the block all the same.
    const text = rawLine.replace(/^ {0,3}> ?/, "").trim();
    if (!text) return;
    if (!labelSeen) {
      labelSeen = true;
      const rest = text.replace(/^\*\*objectives\s*:?\s*\*\*\s*:?/i, "").trim();
      if (rest)
        problem(
          line,
          `the **Objectives:** label stands alone on its line; list each objective as ${OBJECTIVE_FORMAT}`,
        );
      return;
    }
    const item = /^[-*+]\s+`([^`]*)`\s*:\s*(.*)$/.exec(text);
    if (!item) {
      problem(
        line,
        /^[-*+]\s/.test(text)
          ? `write each objective as ${OBJECTIVE_FORMAT}`
          : `text that is no objective; each objective is one line, ${OBJECTIVE_FORMAT}`,
      );
      return;
    }
    const id = (item[1] ?? "").trim();
    const about = (item[2] ?? "").trim();
    if (!KEBAB.test(id)) problem(line, `objective id \`${id}\` must be kebab-case`);
    else if (objectives.some((o) => o.id === id)) {
      problem(line, `objective \`${id}\` is declared twice; ids are unique within a stage`);
    } else if (!about)
      problem(line, `objective \`${id}\` says nothing: write what the learner must understand`);
    else if (about.length > MAX_AUTHORED_TEXT) {
      problem(line, `objective \`${id}\` is ${about.length} characters; at most ${MAX_AUTHORED_TEXT}`);
    } else objectives.push({ id, text: about, line });
  });
  const { min, max } = OBJECTIVES_PER_STAGE;
  if (issues.length === before && (objectives.length < min || objectives.length > max)) {
    problem(
      located.line,
      `${objectives.length} objective${objectives.length === 1 ? "" : "s"}; a stage declares ${min} to ${max} (an attempt asks 5 questions, one or more for each)`,
    );
  }
  return issues.length > before ? undefined : objectives;
}

/**
 * A question's objective against its stage's: required once the stage declares objectives, and one of them;
 * none allowed when the stage declares none.
 */
export function checkQuestionObjective(
  question: { id: string; stage: StageNumber; line: number; objective?: string },
  declared: Objective[] | undefined,
  file: string,
  issues: ContentIssue[],
): boolean {
  const { id, stage, line, objective } = question;
  const ids = (declared ?? []).map((o) => o.id);
  const listed = ids.map((o) => `\`${o}\``).join(", ");
  const problem = (message: string) => {
    issues.push({ file, line, message: `question \`${id}\`: ${message}` });
    return false;
  };
  if (ids.length === 0) {
    if (objective === undefined) return true;
    return problem(
      `names objective \`${objective}\`, but stage ${stage} declares no objectives: add a \`> **Objectives:**\` block under its \`## Stage ${stage}\` heading`,
    );
  }
  if (objective === undefined) {
    return problem(
      `names no objective; stage ${stage} declares ${listed}: write \`(<type>, objective: <id>)\` in its heading`,
    );
  }
  if (ids.includes(objective)) return true;
  const suggestion = closest(objective, ids);
  return problem(
    `names objective \`${objective}\`, which stage ${stage} does not declare;${suggestion ? ` did you mean \`${suggestion}\`?` : ""} it declares ${listed}`,
  );
}
