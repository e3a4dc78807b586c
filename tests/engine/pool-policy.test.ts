// The question-pool rules of the content policy (issue 17): a quiz is written to a temp folder, loaded by the
// real loader and held to the pool rules; each case breaks one rule and the issue must land on its line.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy, POLICY } from "../../engine/content/policy.js";
import { loadContent } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

const BASE = new URL("../fixtures/malformed/_base/", import.meta.url).pathname;

interface StageSpec {
  objectives?: string[];
  /** One question per entry: the objective it names, `!` in front for review-only, `?` for an explain question, "" for none. */
  questions: string[];
}

function quizText(stages: StageSpec[]): string {
  const parts = ["---\nlesson: target\n---"];
  stages.forEach((spec, i) => {
    const stage = i + 1;
    parts.push(`## Stage ${stage}`);
    if (spec.objectives) {
      parts.push(
        `> **Objectives:**\n${spec.objectives.map((o) => `> - \`${o}\`: what ${o} means`).join("\n")}`,
      );
    }
    spec.questions.forEach((q, k) => {
      const objective = q.replace(/^[!?]/, "");
      const explain = q.startsWith("?");
      const attributes = [
        objective ? `objective: ${objective}` : "",
        q.startsWith("!") ? "review-only" : "",
      ].filter(Boolean);
      parts.push(
        `### t${stage}-q${k} (${[explain ? "explain" : "single", ...attributes].join(", ")})`,
        explain ? "Explain it." : "Pick one.",
        explain ? "- A point\n  - a phrase" : "- [ ] Wrong\n  > Because it is wrong.\n- [x] Right",
        "> **Explanation:** Because.",
      );
    });
  });
  return `${parts.join("\n\n")}\n`;
}

/** A full pool: two objectives, eight gate questions covering both, in each of the six stages. */
const full = (): StageSpec[] =>
  Array.from({ length: 6 }, () => ({
    objectives: ["alpha", "beta"],
    questions: ["alpha", "beta", "alpha", "beta", "alpha", "beta", "alpha", "beta"],
  }));

async function poolIssues(stages: StageSpec[]) {
  const root = tempDir("tutor-pools-");
  cpSync(BASE, root, { recursive: true });
  mkdirSync(join(root, "quizzes"), { recursive: true });
  const text = quizText(stages);
  writeFileSync(join(root, "quizzes/target.md"), text);
  const result = await loadContent(root);
  expect(result.issues).toEqual([]);
  const lines = text.split("\n");
  const issues = checkPolicy(result.catalog, { pools: true })
    .filter((i) => i.file.endsWith("quizzes/target.md"))
    // Only the pool rules: the fixture lesson is far from the rest of the bar.
    .filter((i) => /pool|objective/.test(i.message));
  return issues.map((i) => ({ text: lines[i.line - 1], message: i.message }));
}

describe("question pools in the content policy", () => {
  it("accepts six stages of eight gate questions that cover their objectives", async () => {
    expect(await poolIssues(full())).toEqual([]);
  });

  it("reports a pool under eight at the stage heading, counting review-only questions apart", async () => {
    const stages = full();
    stages[2] = { objectives: ["alpha", "beta"], questions: ["alpha", "beta", "alpha", "!beta", "!alpha"] };
    expect(await poolIssues(stages)).toEqual([
      {
        text: "## Stage 3",
        message: `stage 3: a pool of 3 questions (and 2 review-only); a stage has at least ${POLICY.pools.perStage}, so that a retake asks new ones`,
      },
    ]);
  });

  it("reports an objective that only review-only questions test, at the objective's line", async () => {
    const stages = full();
    stages[4] = {
      objectives: ["alpha", "beta", "gamma"],
      questions: ["alpha", "beta", "alpha", "beta", "alpha", "beta", "alpha", "beta", "!gamma"],
    };
    expect(await poolIssues(stages)).toEqual([
      {
        text: "> - `gamma`: what gamma means",
        message:
          "stage 5: objective `gamma` is tested by no question an attempt can draw (review-only ones are not drawn)",
      },
    ]);
  });

  it("reports gate questions no attempt can draw: an explain question and 4 other objectives fill all 5", async () => {
    const stages = full();
    const objectives = ["alpha", "beta", "gamma", "delta", "eps"];
    stages[3] = {
      objectives,
      questions: ["?alpha", "alpha", "beta", "gamma", "delta", "eps", "beta", "alpha"],
    };
    expect(await poolIssues(stages)).toEqual(
      [1, 7].map((k) => ({
        text: `### t4-q${k} (single, objective: alpha)`,
        message: `stage 4: question \`t4-q${k}\` is never drawn: the stage's explain question and one question for each other objective fill all 5 of an attempt; declare fewer objectives or tie it to another`,
      })),
    );
    // With four objectives a slot is left over: every question is drawn in turn, and nothing is reported.
    stages[3] = {
      objectives: objectives.slice(0, 4),
      questions: ["?alpha", "alpha", "beta", "gamma", "delta", "beta", "alpha", "gamma"],
    };
    expect(await poolIssues(stages)).toEqual([]);
    // Stage 3 asks no explain question for certain: five objectives leave every question its turn.
    stages[3] = full()[3] as StageSpec;
    stages[2] = {
      objectives,
      questions: ["alpha", "alpha", "beta", "gamma", "delta", "eps", "beta", "alpha"],
    };
    expect(await poolIssues(stages)).toEqual([]);
  });

  it("reports a stage that declares no objectives", async () => {
    const stages = full();
    stages[0] = { questions: Array(8).fill("") };
    expect(await poolIssues(stages)).toEqual([
      {
        text: "## Stage 1",
        message:
          "stage 1: declares no objectives; add a `> **Objectives:**` block under its heading and name one in each question",
      },
    ]);
  });

  it("is off until the switch is on: checkPolicy follows POLICY.pools.enforced by default", async () => {
    const root = tempDir("tutor-pools-");
    cpSync(BASE, root, { recursive: true });
    const { catalog } = await loadContent(root);
    const poolRules = (issues: { message: string }[]) =>
      issues.filter((i) => /pool of|declares no objectives/.test(i.message)).length;
    expect(poolRules(checkPolicy(catalog, { pools: true }))).toBeGreaterThan(0);
    expect(poolRules(checkPolicy(catalog))).toBe(
      POLICY.pools.enforced ? poolRules(checkPolicy(catalog, { pools: true })) : 0,
    );
  });
});
