import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, Tutor } from "../../engine/index.js";
import { FIXTURE_CONTENT, tempDir } from "../helpers/engine.js";

function setUp() {
  const content = tempDir();
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  const dataDir = tempDir();
  return { content, dataDir, cacheDir: join(dataDir, "cache") };
}

const cacheFileIn = (dir: string) =>
  join(dir, readdirSync(dir).find((n) => n.startsWith("content-")) as string);

describe("the parsed-content cache", () => {
  it("is written on the first start and read on the next, while no file changes", async () => {
    const { content, dataDir, cacheDir } = setUp();
    await Tutor.open({ contentDir: content, dataDir });
    const file = cacheFileIn(cacheDir);
    // Mark the cached copy: if the next start shows the mark, it read the cache instead of the markdown.
    const cached = JSON.parse(readFileSync(file, "utf8"));
    cached.catalog.lessons[0].title = "From the cache";
    writeFileSync(file, JSON.stringify(cached));
    const second = await Tutor.open({ contentDir: content, dataDir });
    expect(second.lessons()[0]?.title).toBe("From the cache");
  });

  it("parses again when a lesson changes", async () => {
    const { content, dataDir, cacheDir } = setUp();
    await Tutor.open({ contentDir: content, dataDir });
    const file = cacheFileIn(cacheDir);
    const cached = JSON.parse(readFileSync(file, "utf8"));
    cached.catalog.lessons[0].title = "From the cache";
    writeFileSync(file, JSON.stringify(cached));
    const lesson = join(content, "lessons", "tcp-basics.md");
    writeFileSync(
      lesson,
      readFileSync(lesson, "utf8").replace("title: TCP basics", "title: TCP basics, edited"),
    );
    utimesSync(lesson, new Date(), new Date(Date.now() + 5000));
    const tutor = await Tutor.open({ contentDir: content, dataDir });
    expect(tutor.lessons().map((l) => l.title)).toContain("TCP basics, edited");
  });

  it("never caches content with problems, and an unreadable cache only costs a parse", async () => {
    const { content, dataDir, cacheDir } = setUp();
    const quiz = join(content, "quizzes", "tcp-basics.md");
    const good = readFileSync(quiz, "utf8");
    writeFileSync(quiz, good.replace("- [x] True", "- [ ] True"));
    await expect(Tutor.open({ contentDir: content, dataDir })).rejects.toBeInstanceOf(ContentError);
    await expect(Tutor.open({ contentDir: content, dataDir })).rejects.toBeInstanceOf(ContentError);
    writeFileSync(quiz, good);
    utimesSync(quiz, new Date(), new Date(Date.now() + 5000));
    await Tutor.open({ contentDir: content, dataDir });
    writeFileSync(cacheFileIn(cacheDir), "{ half a file");
    const tutor = await Tutor.open({ contentDir: content, dataDir });
    expect(tutor.lessons().map((l) => l.id)).toEqual(["tcp-basics", "tcp-advanced"]);
  });
});
