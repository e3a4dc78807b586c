// Files replaced all at once: the one temp-and-rename write behind the progress store and the content cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeAtomically } from "../../engine/files/write-atomically.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "write-atomically-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("writeAtomically", () => {
  it.each([true, false])(
    "writes a new file and replaces an old one, leaving no temp file (durable: %s)",
    async (durable) => {
      const file = join(dir, "doc.json");
      await writeAtomically(file, "first", { durable });
      expect(readFileSync(file, "utf8")).toBe("first");
      await writeAtomically(file, "second, longer", { durable });
      expect(readFileSync(file, "utf8")).toBe("second, longer");
      expect(readdirSync(dir)).toEqual(["doc.json"]);
    },
  );

  it("leaves one whole write, and no temp file, when many race to one file", async () => {
    const file = join(dir, "doc.json");
    const texts = Array.from({ length: 20 }, (_, i) => `write ${i} `.repeat(1000 * (i + 1)));
    await Promise.all(texts.map((text) => writeAtomically(file, text, { durable: true })));
    expect(texts).toContain(readFileSync(file, "utf8"));
    expect(readdirSync(dir)).toEqual(["doc.json"]);
  });

  it("fails without touching anything when the folder is missing or the target is a folder", async () => {
    await expect(writeAtomically(join(dir, "missing", "doc.json"), "x", { durable: true })).rejects.toThrow();
    writeFileSync(join(dir, "keep.txt"), "kept");
    await expect(writeAtomically(dir, "x", { durable: true })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["keep.txt"]);
  });
});
