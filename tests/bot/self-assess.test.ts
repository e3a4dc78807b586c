import { join } from "node:path";
import { ButtonStyle } from "discord-api-types/v10";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderAssessed, renderAssessment } from "../../bot/render/self-assess.js";
import { fitMessage, type View } from "../../bot/render/view.js";
import { type Assessable, loadContent, type SelfAssessOutcome } from "../../engine/index.js";
import { passStages } from "./answers.js";
import {
  allText,
  buttonLabelled,
  buttonsOf,
  deferredResult,
  expectSafeMessage,
  type Harness,
  type MessageBody,
  selectOf,
  startHarness,
} from "./harness.js";
import { ALICE, button, GUILD_ID, int, modalSubmit, select, slash, str } from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
/** Covers "A writer that fills the buffer sleeps until there is room" only: 1 of 3, not passed. */
const ONE_POINT = "When the pipe is full the writer sleeps.";
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

/** Stage 2's explain question answered with `text` through the modal: the feedback message. */
async function explained(text: string): Promise<MessageBody> {
  await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
  const question = deferredResult(
    await h.send(slash("quiz", [str("lesson", "pipe-buffers"), int("stage", 2)])),
    { type: 5, ephemeral: true },
  );
  expect(buttonsOf(question).map((b) => b.custom_id)).toContain("quiz:write:pipe-explain-path:0");
  return deferredResult(await h.send(modalSubmit("quiz:text:pipe-explain-path:0", { answer: text })), {
    type: 6,
  });
}

const reply = async (customId: string) =>
  deferredResult(await h.send(button(customId)), { type: 5, ephemeral: true });
const update = async (customId: string) => deferredResult(await h.send(button(customId)), { type: 6 });

describe("self-assessment in Discord", () => {
  it("puts the four recall ratings and a dispute button under an explain answer's feedback", async () => {
    const feedback = await explained(ONE_POINT);
    expect(feedback.content).toContain("🧠 **Check yourself:** how well did you know it?");
    const ratings = buttonsOf(feedback).filter((b) => b.custom_id.startsWith("assess:"));
    expect(ratings.map((b) => [b.label, b.custom_id, b.style])).toEqual([
      ["Again", "assess:rate:pipe-explain-path:again", ButtonStyle.Primary],
      ["Hard", "assess:rate:pipe-explain-path:hard", ButtonStyle.Secondary],
      ["Good", "assess:rate:pipe-explain-path:good", ButtonStyle.Secondary],
      ["Easy", "assess:rate:pipe-explain-path:easy", ButtonStyle.Secondary],
      ["Dispute a verdict…", "assess:open:pipe-explain-path", ButtonStyle.Secondary],
    ]);
    // Choice answers get none.
    await h.tutor.endSession(LEARNER);
    const first = deferredResult(
      await h.send(slash("quiz", [str("lesson", "pipe-buffers"), int("stage", 1)])),
      {
        type: 5,
        ephemeral: true,
      },
    );
    const choice = await update(buttonLabelled(first, "A").custom_id);
    expect(buttonsOf(choice).some((b) => b.custom_id.startsWith("assess:"))).toBe(false);
  });

  it("a rating straight from the feedback schedules the review on it, in a message only the learner sees", async () => {
    const feedback = await explained(ONE_POINT);
    const before = (await h.tutor.store.read(LEARNER)).cards["pipe-explain-path"]?.due as string;
    const saved = await reply(buttonLabelled(feedback, "Easy").custom_id);
    expect(saved.embeds?.[0]?.title).toBe("🧠 Self-assessment saved");
    expect(saved.embeds?.[0]?.description).toMatch(
      /^You rated your recall \*\*Easy\*\*: this question comes back for review <t:\d+:R>\.$/,
    );
    const after = (await h.tutor.store.read(LEARNER)).cards["pipe-explain-path"]?.due as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    // Pressed again: the engine's refusal, in words.
    const again = await reply(buttonLabelled(feedback, "Good").custom_id);
    expect(again.content).toBe("You have already assessed that answer.");
  });

  it("disputes a missed verdict from the menu, shows what it does, and counts it on the learner's word", async () => {
    const feedback = await explained(ONE_POINT);
    const view = await reply(buttonLabelled(feedback, "Dispute a verdict…").custom_id);
    expect(view.embeds?.[0]?.title).toBe("🧠 Check yourself");
    expect(view.embeds?.[0]?.description).toContain("1. ❌ missed: The bytes wait in a buffer in the kernel");
    expect(view.embeds?.[0]?.description).toContain(
      "2. ✅ covered: A writer that fills the buffer sleeps until there is room",
    );
    const menu = selectOf(view);
    expect(menu).toMatchObject({ custom_id: "assess:pick:pipe-explain-path", min_values: 0, max_values: 3 });
    expect(menu.options.map((o) => [o.value, o.description])).toEqual([
      ["0", "Graded missed: pick if you did say it"],
      ["1", "Graded covered: pick if you did not say it"],
      ["2", "Graded missed: pick if you did say it"],
    ]);
    expect(buttonsOf(view).map((b) => b.custom_id)).toEqual([
      "assess:send:pipe-explain-path:again:",
      "assess:send:pipe-explain-path:hard:",
      "assess:send:pipe-explain-path:good:",
      "assess:send:pipe-explain-path:easy:",
    ]);

    const picked = deferredResult(await h.send(select(menu.custom_id, ["0"])), { type: 6 });
    expect(picked.embeds?.[0]?.description).toContain(
      "1. ❌ missed → **you say covered**: The bytes wait in a buffer in the kernel",
    );
    expect(picked.embeds?.[0]?.description).toContain("On your word: 67% of the key points, **right**");
    expect(selectOf(picked).options[0]?.default).toBe(true);
    const good = buttonLabelled(picked, "Good");
    expect(good.custom_id).toBe("assess:send:pipe-explain-path:good:1");

    const saved = await update(good.custom_id);
    const text = allText(saved);
    expect(text).toContain("✅ covered (self-assessed): The bytes wait in a buffer in the kernel");
    expect(text).toContain(
      "Your answer counts as right on your word (67%): for your progress, not for leaderboards.",
    );
    expect(text).toContain("📨 Your dispute was sent to the lesson's authors.");
    expect(text).toContain("🎉 Stage 2 (Articulate) of Pipe buffers passed (self-assessed)!");
    expect(text).toContain("🔓 Stage 3: Limitations is now unlocked.");
    // The quiz is over: no next-question button.
    expect(saved.components).toEqual([]);

    // /progress and /journal say what rests on the learner's word; the leaderboard does not count it.
    const progress = deferredResult(await h.send(slash("progress")), { type: 5, ephemeral: true });
    expect(progress.embeds?.[0]?.fields?.find((f) => f.name === "Self-assessed")?.value).toBe(
      "🧠 1 answer counted a key point on their own word\nPassed so: Pipe buffers stage 2\nLeaderboards count only the grader's verdicts.",
    );
    const journal = deferredResult(await h.send(slash("journal")), { type: 5, ephemeral: true });
    const fields = journal.embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === "Missed")?.value).toContain(
      "☑️ The bytes wait in a buffer in the kernel (covered, self-assessed)",
    );
    expect(fields.find((f) => f.name === "Self-assessment")?.value).toBe("🧠 Recall rated Good");
    const [row] = await h.tutor.leaderboard({ guildId: GUILD_ID, period: "all" });
    // No stage: stage 1 was passed by the set-up outside this server, and stage 2 only on the learner's word.
    expect(row).toMatchObject({ learnerId: LEARNER, stagesPassed: 0, xp: 0 });
  });

  it("says why two disputed missed points do not count, and sends both to the authors", async () => {
    const feedback = await explained(ONE_POINT);
    const view = await reply(buttonLabelled(feedback, "Dispute a verdict…").custom_id);
    const picked = deferredResult(await h.send(select(selectOf(view).custom_id, ["0", "2"])), { type: 6 });
    expect(picked.embeds?.[0]?.description).toContain("Only 1 missed point can count on your word");
    const saved = await update(buttonLabelled(picked, "Hard").custom_id);
    expect(allText(saved)).toContain("📨 Your disputes were sent to the lesson's authors.");
    expect(allText(saved)).not.toContain("self-assessed)");
    const report = await h.tutor.disputes();
    expect(report.questions[0]?.points.map((p) => p.text)).toEqual([
      "The bytes wait in a buffer in the kernel",
      "The reader copies the bytes out of the kernel",
    ]);
  });

  it("refuses stale and forged components in words, without crashing", async () => {
    const feedback = await explained(ONE_POINT);
    const open = buttonLabelled(feedback, "Dispute a verdict…").custom_id;
    expect((await update("assess:send:pipe-explain-path:perfect:1")).content).toBe(
      "That answer can no longer be assessed: only your latest explain answer can, until you answer another question.",
    );
    // A mask too large for the key points, or not a number at all: the disputes are ignored, the rating counts.
    const forged = await update("assess:send:pipe-explain-path:good:zzzzzzzzzzzzzz");
    expect(forged.embeds?.[0]?.title).toBe("🧠 Self-assessment saved");
    expect((await reply(open)).content).toContain("can no longer be assessed");
    expect((await update("assess:pick:no-such-question")).content).toContain("can no longer be assessed");
  });
});

/** Within every limit, and the guard had nothing to trim: the renderer kept inside them by itself. */
function expectFits(view: View): void {
  const message = fitMessage(view);
  expectSafeMessage({ ...message, allowed_mentions: message.allowedMentions });
  expect(message.embeds).toEqual(view.embeds);
}

function assessable(questionId: string, points: string[]): Assessable {
  return {
    questionId,
    lessonId: "lesson",
    stage: 2,
    mode: "quiz",
    keyPoints: points.map((text, i) => ({ text, covered: i % 2 === 1 })),
    flags: ["stuffing", "contradiction", "a-flag-this-version-does-not-know"],
    correct: false,
    score: 0.5,
    suggested: "again",
    maxCredited: 1,
    locked: "flagged",
  };
}

function outcome(of: Assessable): SelfAssessOutcome {
  const stage = {
    stage: 2 as const,
    title: "Articulate",
    status: "passed" as const,
    total: 1,
    answered: 1,
    correct: 1,
    score: 1,
    asked: 1,
    needed: 1,
    read: true,
  };
  return {
    questionId: of.questionId,
    rating: "easy",
    disputed: of.keyPoints,
    credited: of.keyPoints.filter((k) => !k.covered).map((k) => k.text),
    blocked: "flagged",
    correct: true,
    graderCorrect: false,
    score: 1,
    nextDue: new Date("2026-04-01T00:00:00Z"),
    stage: {
      lessonId: of.lessonId,
      stage: 2,
      before: "available",
      after: "passed",
      passedNow: true,
      unlocked: 3,
      lessonCompleted: true,
      progress: stage,
      stages: [stage],
    },
    quiz: { mode: "quiz", index: 0, total: 3, results: [], done: false, reveals: false },
  };
}

describe("self-assessment views within Discord's limits", () => {
  it("fit for every bundled explain question, every point disputed, and for 40 long key points", async () => {
    const { catalog } = await loadContent(join(import.meta.dirname, "../.."));
    const explains = catalog.quizzes.flatMap((q) => q.questions).filter((q) => q.type === "explain");
    expect(explains.length).toBeGreaterThan(20);
    const cases = [
      ...explains.map((q) => assessable(q.id, q.type === "explain" ? q.keyPoints.map((k) => k.text) : [])),
      assessable(
        `q-${"x".repeat(120)}`,
        Array.from({ length: 40 }, (_, i) => `${i} ${"a long key point ".repeat(25)}`),
      ),
    ];
    const none = assessable("no-points", []);
    expect(renderAssessment(none, [0]).components).toHaveLength(1);
    for (const a of cases) {
      const all = a.keyPoints.map((_, i) => i);
      expectFits(renderAssessment(a, []));
      expectFits(renderAssessment(a, all));
      expectFits(renderAssessed(outcome(a), a, "A lesson with a long title ".repeat(8)));
    }
  });
});
