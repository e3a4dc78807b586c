import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { refOf, resolveRef } from "../../bot/components/custom-id.js";
import { renderAnswer } from "../../bot/render/answer.js";
import { renderCatalog } from "../../bot/render/catalog.js";
import { renderFeedback } from "../../bot/render/feedback.js";
import { LIMITS } from "../../bot/render/limits.js";
import { clipMarkdown, splitMarkdown, toDiscordMarkdown } from "../../bot/render/markdown.js";
import { answerModal, renderQuestion } from "../../bot/render/question.js";
import { renderStage, stagePages } from "../../bot/render/stage.js";
import { embedsLength, fitMessage, type View } from "../../bot/render/view.js";
import {
  type AnswerOutcome,
  type CatalogEntry,
  type Grade,
  type JournalEntry,
  JsonProgressStore,
  type Lesson,
  loadContent,
  type Question,
  STAGE_NUMBERS,
  type StageProgress,
  type StageView,
  stageTitle,
  Tutor,
} from "../../engine/index.js";
import { rightResponse } from "./answers.js";
import { expectSafeMessage } from "./harness.js";

// The bundled content is parsed once for the file, and one tutor over it, with its progress in a temp folder,
// serves every test that needs one.
const ROOT = join(import.meta.dirname, "../..");
let content: ReturnType<typeof loadContent> | undefined;
const bundledContent = () => {
  content ??= loadContent(ROOT);
  return content;
};
const dataDir = mkdtempSync(join(tmpdir(), "tutor-render-"));
let opened: Promise<Tutor> | undefined;
const bundledTutor = () => {
  opened ??= Tutor.open({
    contentDir: ROOT,
    store: new JsonProgressStore(dataDir),
    llm: false,
    timeZone: "UTC",
  });
  return opened;
};
afterAll(async () => {
  await (await opened)?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function viewOf(lesson: Lesson, stage: number): StageView {
  const content = lesson.stages[stage - 1];
  const stages: StageProgress[] = STAGE_NUMBERS.map((n) => ({
    stage: n,
    title: stageTitle(n),
    status: n <= stage ? "available" : "locked",
    total: 3,
    answered: 0,
    correct: 0,
    score: 0,
    needed: 3,
    read: false,
  }));
  return {
    lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, sources: lesson.sources },
    stage: stage as StageView["stage"],
    title: stageTitle(stage as StageView["stage"]),
    markdown: content?.markdown ?? "",
    sections: content?.sections ?? [],
    status: "available",
    stages,
    questionCount: 3,
    hidden: [],
  };
}

function words(text: string): string[] {
  return text.match(/[A-Za-z0-9]{3,}/g) ?? [];
}

describe("lesson markdown for Discord", () => {
  it("turns headings bold, tables and HTML into code blocks and images into links", () => {
    const out = toDiscordMarkdown(
      "#### Deep\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>raw</div>\n\nSee ![the ring](https://x.test/ring.png).",
    );
    expect(out).toBe(
      "**Deep**\n\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n\n```\n<div>raw</div>\n```\n\nSee [the ring](https://x.test/ring.png).",
    );
  });

  it("splits between blocks, and reopens a code block it has to cut", () => {
    const code = `\`\`\`c\n${Array.from({ length: 200 }, (_, i) => `int line_${i} = ${i};`).join("\n")}\n\`\`\``;
    const pieces = splitMarkdown(`Intro paragraph.\n\n${code}\n\nOutro.`, 1000);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000);
    expect(pieces[0]).toBe("Intro paragraph.");
    // Every piece of the code is a whole code block of its own.
    for (const piece of pieces.slice(1)) expect(piece).toMatch(/^```c\n[^`]*\n```(\n\nOutro\.)?$/);
    const lines = pieces
      .join("\n")
      .split("\n")
      .filter((l) => l.startsWith("int "));
    expect(lines).toHaveLength(200);
    expect(pieces.at(-1)).toMatch(/\n\nOutro\.$/);
  });

  it("cuts a single line longer than a piece", () => {
    const pieces = splitMarkdown("x".repeat(2500), 1000);
    expect(pieces.map((p) => p.length)).toEqual([1000, 1000, 500]);
  });
});

describe("message limits", () => {
  it("trims what would exceed Discord's limits and turns mentions off", () => {
    const huge = "y".repeat(5000);
    const out = fitMessage({
      content: `@everyone ${huge}`,
      embeds: Array.from({ length: 12 }, (_, i) => ({
        title: huge,
        description: huge,
        fields: Array.from({ length: 30 }, () => ({ name: huge, value: huge })),
        footer: { text: huge },
        ...(i === 0 ? {} : {}),
      })),
    });
    expectSafeMessage({ ...out, allowed_mentions: out.allowedMentions });
    expect(out.content).toHaveLength(LIMITS.content);
    expect(out.content.endsWith("…")).toBe(true);
    expect(embedsLength(out.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it("keeps a message that fits exactly as it is", () => {
    const view = { content: "hi", embeds: [{ title: "t", description: "d".repeat(4096) }] };
    expect(fitMessage(view)).toEqual({ ...view, components: [], allowedMentions: { parse: [] } });
  });
});

describe("custom ids", () => {
  it("carry short ids as they are and long ones as a stable hash that resolves back", () => {
    expect(refOf("pipe-buffers")).toBe("pipe-buffers");
    const long = "a-question-id-that-is-far-too-long-to-fit-comfortably-in-a-custom-id";
    const ref = refOf(long);
    expect(ref).toMatch(/^~[\w-]{12}$/);
    expect(resolveRef(ref, ["other", long])).toBe(long);
    expect(resolveRef(ref, ["other"])).toBeUndefined();
  });
});

describe("stage pages", () => {
  it("fit every limit and lose no text, for every stage of every bundled lesson", async () => {
    const { catalog } = await bundledContent();
    expect(catalog.lessons.length).toBeGreaterThan(0);
    for (const lesson of catalog.lessons) {
      for (const stage of STAGE_NUMBERS) {
        const view = viewOf(lesson, stage);
        const pages = stagePages(view);
        let text = "";
        for (let page = 0; page < pages.length; page++) {
          const message = fitMessage(renderStage(view, page));
          expectSafeMessage({ ...message, allowed_mentions: message.allowedMentions });
          // Nothing was trimmed by the guard: the pages themselves fit.
          expect(message.embeds).toEqual(renderStage(view, page).embeds);
          text += message.embeds.map((e) => `${e.title}\n${e.description ?? ""}`).join("\n");
        }
        const have = new Set(words(text));
        const missing = words(view.markdown).filter((w) => !have.has(w));
        expect(missing, `${lesson.id} stage ${stage}`).toEqual([]);
      }
    }
  });

  it("splits a very long stage into many pages of at most 3,500 characters", () => {
    const section = (i: number) => ({
      heading: `Part ${i}`,
      depth: 3,
      markdown: Array.from(
        { length: 12 },
        (_, p) => `Paragraph ${p} of part ${i}. ${"word ".repeat(80)}`,
      ).join("\n\n"),
      line: i,
    });
    const lesson = {
      id: "big",
      title: "Big",
      summary: "s",
      tags: [],
      sources: ["https://example.com"],
      prerequisites: [],
      jargon: [],
      stages: [],
      file: "big.md",
    } as Lesson;
    const view = { ...viewOf(lesson, 1), sections: [1, 2, 3, 4].map(section) };
    const pages = stagePages(view);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(embedsLength(page)).toBeLessThanOrEqual(3500);
    const last = renderStage(view, 999);
    expect(last.embeds?.at(-1)?.footer?.text).toBe(
      `Page ${pages.length} of ${pages.length} · Stage 1 of 6 · 3 questions`,
    );
  });
});

describe("catalog pages", () => {
  it("page a catalog too long for one message", () => {
    const entry = (i: number): CatalogEntry => ({
      id: `lesson-${i}`,
      title: `Lesson number ${i}`,
      summary: "A summary of a realistic length that says what the lesson is about in one sentence. ".repeat(
        2,
      ),
      tags: [],
      prerequisites: [],
      prerequisitesMet: true,
      stages: viewOf({ id: "x", title: "x", summary: "", sources: [], stages: [] } as unknown as Lesson, 1)
        .stages,
      passedStages: 0,
      completed: false,
      currentStage: 1,
    });
    const entries = Array.from({ length: 60 }, (_, i) => entry(i + 1));
    const first = fitMessage(renderCatalog(entries));
    expect(first.embeds[0]?.footer?.text).toMatch(/page 1 of \d+$/);
    const pageCount = Number(/of (\d+)$/.exec(first.embeds[0]?.footer?.text ?? "")?.[1]);
    let seen = "";
    for (let page = 0; page < pageCount; page++) {
      const message = fitMessage(renderCatalog(entries, page));
      expectSafeMessage({ ...message, allowed_mentions: message.allowedMentions });
      seen += message.embeds[0]?.description;
    }
    for (const e of entries) expect(seen).toContain(`\`${e.id}\``);
  });
});

describe("clipping markdown", () => {
  it("closes a code block it cuts through, and leaves short text alone", () => {
    const text = `Look:\n\n\`\`\`c\n${"int x = 1;\n".repeat(100)}\`\`\``;
    const clipped = clipMarkdown(text, 200);
    expect(clipped.length).toBeLessThanOrEqual(200);
    expect(clipped.endsWith("…\n```")).toBe(true);
    expect((clipped.match(/```/g) ?? []).length).toBe(2);
    expect(clipMarkdown("plain words here", 10)).toBe("plain wor…");
    expect(clipMarkdown("short", 10)).toBe("short");
  });
});

describe("every bundled question", () => {
  it("renders as a question, an answer modal and its feedback within limits: as answered, and at its longest", async () => {
    // A real tutor over the bundled lessons walks every stage of every lesson, so each outcome (stage changes,
    // the lesson's stages, the quiz) is the engine's own. Only the "longest" variant puts in the worst grade.
    const tutor = await bundledTutor();
    const learner = "render-test";
    let seen = 0;
    for (const lesson of tutor.lessons()) {
      for (const stage of STAGE_NUMBERS) {
        const started = await tutor.startQuiz(learner, lesson.id, stage);
        if (!started.ok) throw new Error(`${lesson.id} stage ${stage}: ${started.message}`);
        let state = started.value;
        while (state.question) {
          const question = state.question;
          seen += 1;
          const shown = fitMessage(
            renderQuestion(state, { lessonTitle: lesson.title, hint: true, notice: "n" }),
          );
          expectSafeMessage({ ...shown, allowed_mentions: shown.allowedMentions });
          expect(shown.embeds[0]?.description).toBeTruthy();
          if (question.type === "short" || question.type === "numeric" || question.type === "explain") {
            const modal = answerModal(
              question,
              true,
              "A lesson title with a rather long name indeed",
            ).toJSON();
            expect(modal.title.length).toBeLessThanOrEqual(45);
            expect(modal.custom_id.length).toBeLessThanOrEqual(100);
          }
          const answered = await tutor.answer(learner, {
            questionId: question.id,
            response: rightResponse(question),
          });
          if (!answered.ok) throw new Error(`${question.id}: ${answered.message}`);
          const outcome = answered.value;
          expectFits(renderFeedback(outcome, { lessonTitle: lesson.title }));
          const longest: AnswerOutcome = {
            ...outcome,
            grade: longestGrade(question),
            journal: longReflection(question),
            quiz: { ...outcome.quiz, done: true },
          };
          const then = { ...longReflection(question), stage: 2 as const, kind: "explanation" as const };
          expectFits(
            renderFeedback(longest, {
              lessonTitle: lesson.title,
              thenAndNow: { then },
              typed: "z".repeat(4000),
            }),
          );
          state = outcome.quiz;
        }
      }
    }
    const { catalog } = await bundledContent();
    expect(seen).toBe(catalog.quizzes.flatMap((q) => q.questions).length);
  });
});

describe("answers to questions", () => {
  it("fit every limit with every source and the longest model answer, over the bundled lessons", async () => {
    const tutor = await bundledTutor();
    const questions = [
      "what is a torn page?",
      "how does zero copy receive work",
      "why is my kafka p99 bad on ext4?",
    ];
    for (const question of questions) {
      const result = await tutor.ask(`${question} ${"and why ".repeat(55)}`.slice(0, 500));
      expect(result.passages.length, question).toBeGreaterThan(0);
      expectFits(renderAnswer(result, { echo: true }));
      const written = {
        ...result,
        confident: true,
        answer: `${"A long answer [1]. ".repeat(200)}\n\n\`\`\`c\n${"int x;\n".repeat(300)}\`\`\`\n\n<div>html</div>`,
        model: { used: true, name: "m".repeat(300) },
      };
      const view = renderAnswer(written, { echo: true });
      expectFits(view);
      // The clipped answer does not leave a code block open.
      expect(((view.embeds?.[0]?.description ?? "").match(/```/g) ?? []).length % 2).toBe(0);
    }
    expectFits(renderAnswer(await tutor.ask("how do I bake sourdough bread?"), { echo: true }));
  });
});

/** Within every limit, and the guard had nothing to trim: the renderer kept inside them by itself. */
function expectFits(view: View): void {
  const message = fitMessage(view);
  expectSafeMessage({ ...message, allowed_mentions: message.allowedMentions });
  expect(message.embeds).toEqual(view.embeds);
}

/** The longest feedback a question can get: every wrong option chosen, every right one missed, long texts. */
function longestGrade(question: Question): Grade {
  const options = "options" in question ? question.options : [];
  return {
    questionId: question.id,
    correct: false,
    score: 0,
    chosenWrong: options.flatMap((o, i) =>
      o.correct ? [] : [{ option: i, text: o.text, feedback: o.feedback }],
    ),
    missedCorrect: options.flatMap((o, i) => (o.correct ? [i] : [])),
    expected: "x".repeat(500),
    keyPoints:
      question.type === "explain" ? question.keyPoints.map((k) => ({ text: k.text, covered: false })) : [],
    jargon: ["some term", "another term"],
  };
}

function longReflection(question: Question): JournalEntry {
  return {
    lessonId: question.lessonId,
    stage: 6,
    questionId: question.id,
    kind: "reflection",
    text: "y".repeat(4000),
    at: "2030-01-01",
    covered: [],
    missed: [],
  };
}
