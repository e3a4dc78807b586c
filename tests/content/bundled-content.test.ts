// The bundled lessons must pass the check and keep the content bar, so a later edit cannot quietly drop below it.
import { describe, expect, it } from "vitest";
import { defaultContentDir, formatIssue, loadContent, type Question } from "../../engine/index.js";

const loaded = await loadContent(defaultContentDir());
const { lessons, quizzes } = loaded.catalog;

const EXPECTED_LESSONS = [
  "six-stages",
  "backend-reads-requests",
  "io-uring-zero-copy-receive",
  "io-uring-zero-copy-send",
  "syscalls-across-runtimes",
  "when-to-use-threads",
  "timeouts",
  "slow-tcp-connect-windows",
  "ephemeral-port-exhaustion",
  "linux-tcp-cache-lines",
  "pingora",
  "cpython-o3",
  "language-kinds",
  "kafka-ext4-vs-xfs",
  "cloudflare-instant-purge",
  "mysql-8-regressions",
  "postgres-17-io-combining",
  "torn-pages",
  "mongodb-storage",
  "postgres-default-change",
  "background-writer",
];

const wordCount = (markdown: string) => (markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu) ?? []).length;

describe("bundled content", () => {
  it("passes the content check", () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
  });

  it("does not give the answer away by its place: the right option is first in at most 40% of choice questions", () => {
    const choice = quizzes
      .flatMap((q) => q.questions)
      .filter((q) => q.type === "single" || q.type === "multiple");
    const first = choice.filter((q) => "options" in q && q.options[0]?.correct);
    expect(first.length / choice.length).toBeLessThanOrEqual(0.4);
  });

  it("has every planned lesson", () => {
    expect(lessons.map((l) => l.id).sort()).toEqual([...EXPECTED_LESSONS].sort());
  });

  describe.each(lessons.map((l) => [l.id, l] as const))("%s", (id, lesson) => {
    const questions: Question[] = quizzes.find((q) => q.lessonId === id)?.questions ?? [];
    const inStage = (stage: number) => questions.filter((q) => q.stage === stage);

    it("is 1,200 to 2,600 words over its six stages", () => {
      const words = wordCount(lesson.stages.map((s) => s.markdown).join("\n"));
      expect(words).toBeGreaterThanOrEqual(1200);
      expect(words).toBeLessThanOrEqual(2600);
    });

    it("has at least 14 questions, 3 or more in stages 1, 3, 4 and 5", () => {
      expect(questions.length).toBeGreaterThanOrEqual(14);
      for (const stage of [1, 3, 4, 5])
        expect(inStage(stage).length, `stage ${stage}`).toBeGreaterThanOrEqual(3);
    });

    it("asks for an explanation in stage 2, a design proposal in stage 4 and a reflection in stage 6", () => {
      for (const stage of [2, 4, 6]) {
        expect(
          inStage(stage).some((q) => q.type === "explain"),
          `stage ${stage}`,
        ).toBe(true);
      }
      for (const q of questions.filter((x) => x.type === "explain" && x.stage === 2)) {
        expect(q.type === "explain" && q.keyPoints.length, q.id).toBeGreaterThanOrEqual(4);
        expect(q.type === "explain" && q.keyPoints.length, q.id).toBeLessThanOrEqual(6);
      }
    });

    it("uses at least three question types besides single choice", () => {
      const types = new Set(questions.map((q) => q.type).filter((t) => t !== "single" && t !== "explain"));
      expect([...types].length).toBeGreaterThanOrEqual(3);
    });

    it("has a predict-what-happens scenario in stage 3", () => {
      expect(inStage(3).some((q) => /\bpredict\b/i.test(q.prompt))).toBe(true);
    });

    it("gives feedback on every wrong option", () => {
      const missing = questions.flatMap((q) =>
        "options" in q
          ? q.options.filter((o) => !o.correct && !o.feedback).map((o) => `${q.id}: ${o.text}`)
          : [],
      );
      expect(missing).toEqual([]);
    });

    it("lists jargon for stage 2 and sources", () => {
      expect(lesson.jargon.length).toBeGreaterThan(0);
      expect(lesson.sources.length).toBeGreaterThan(0);
    });
  });
});
