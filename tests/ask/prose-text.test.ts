import { describe, expect, it } from "vitest";
import { intentOf } from "../../engine/ask/intent.js";
import { proseText } from "../../engine/ask/passage-text.js";

describe("what a passage may quote", () => {
  it("drops fenced code, indented code and drawn lines, and keeps the prose around them", () => {
    const markdown = [
      "A page is written with one call.",
      "",
      "```text",
      "page  8 KB",
      "+------+------+",
      "```",
      "",
      "    indented code block",
      "",
      "NIC -> ring buffer -> skb -> socket",
      "┌────┐",
      "The kernel may send the blocks at different moments -> so nothing promises order.",
      "",
      "~~~",
      "tilde fence",
      "~~~",
    ].join("\n");
    const prose = proseText(markdown);
    expect(prose).toContain("A page is written with one call.");
    // A sentence with an arrow in it is still a sentence.
    expect(prose).toContain("The kernel may send the blocks at different moments");
    for (const gone of ["8 KB", "+---", "indented code", "ring buffer", "┌", "tilde fence"])
      expect(prose).not.toContain(gone);
  });

  it("is empty for a section that is only a diagram", () => {
    expect(proseText("```\nA -> B\n```\n")).toBe("");
  });
});

describe("the kind of answer a question asks for", () => {
  it.each([
    ["what is a torn page?", "definition"],
    ["What's FPW", "definition"],
    ["what does io_combine_limit mean?", "definition"],
    ["what does the background writer do?", "definition"],
    ["why is my Kafka p99 bad on ext4?", "cause"],
    ["what causes port exhaustion", "cause"],
    ["how do I fix ephemeral port exhaustion?", "fix"],
    ["how can we avoid torn pages", "fix"],
    ["how does io_uring zero-copy receive work", "other"],
  ])("%s -> %s", (question, intent) => {
    expect(intentOf(question)).toBe(intent);
  });
});
