// The answer to /tutor reload when the bot runs as several shards (tests/bot/shards.test.ts runs the real thing).
import { describe, expect, it } from "vitest";
import { describeReload } from "../../bot/commands/tutor.js";

describe("/tutor reload on several shards", () => {
  it("says which shards did not answer, and when one refused the content, that the others had reloaded", () => {
    expect(
      describeReload(
        [
          { shard: 0, ok: true, lessons: 2, questions: 16 },
          { shard: 1, ok: false, unreachable: "Shard 1 has no active process or worker." },
          { shard: 2, ok: true, lessons: 2, questions: 16 },
        ],
        true,
      ),
    ).toBe(
      "🔄 Reloaded on 2 of 3 shards: 2 lessons, 16 questions.\nShard 1 did not answer (Shard 1 has no active process or worker.); a shard reads the lessons afresh when it starts again.",
    );
    expect(
      describeReload(
        [
          { shard: 0, ok: true, lessons: 2, questions: 16 },
          { shard: 1, ok: false, issues: ["quizzes/a.md:3: no answer"] },
        ],
        true,
      ),
    ).toBe(
      "⚠️ The content has 1 problem, so the lessons in use stay as they were:\n```\nquizzes/a.md:3: no answer\n```\n(Shard 0 had already reloaded.)",
    );
  });
});
