// What members type comes back under the bot's name escaped and without control characters, and nothing
// that goes out to Discord carries control characters, whoever wrote it: tested on the captured HTTP bodies.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userText } from "../../bot/render/user-text.js";
import { fitChoices, fitMessage, type View } from "../../bot/render/view.js";
import {
  ANY_CONTROL,
  BEL,
  HOSTILE_EXPLANATION,
  MASKED_LINK,
  NUL,
  RED,
  RESET,
  SET_TITLE,
} from "../helpers/hostile.js";
import { passStages } from "./answers.js";
import {
  allText,
  buttonLabelled,
  callbackOf,
  deferredResult,
  type Harness,
  type MessageBody,
  startHarness,
} from "./harness.js";
import { ALICE, button, modalSubmit, slash, str } from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
/** A masked link escaped: its bracket shown, its address in <…> (no preview). */
const ESCAPED_LINK = "\\[free nitro](<https://evil.example/claim>)";
/** The masked link as Discord would render it: an unescaped `[text](`. */
const RENDERED_LINK = /(^|[^\\])\[free nitro\]\(/;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

function expectNoControls(body: MessageBody): void {
  expect(JSON.stringify(body)).not.toMatch(/\\u00(?:[01][0-9a-f]|7f)/i);
  expect(allText(body)).not.toMatch(ANY_CONTROL);
  expect(allText(body)).not.toContain("pwned");
}

describe("/ask echoes the question escaped", () => {
  it("shows a masked link, a heading, code fences and @everyone as typed, in a quote, pinging no one", async () => {
    const question = `# heading ${MASKED_LINK} \`\`\`js evil() \`\`\` @everyone ${SET_TITLE}what is a pipe buffer?${BEL}`;
    const body = deferredResult(await h.send(slash("ask", [str("question", question)], { userId: ALICE })), {
      type: 5,
      ephemeral: false,
    });
    const echo = (body.content ?? "").split("\n")[0] ?? "";
    expect(echo.startsWith("> \\# heading ")).toBe(true);
    expect(echo).toContain(ESCAPED_LINK);
    expect(echo).not.toMatch(RENDERED_LINK);
    expect(echo).toContain("\\`\\`\\`js evil() \\`\\`\\`");
    // @everyone is not part of a question (questions.ts) and would ping no one anyway.
    expect(echo).not.toContain("@everyone");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expectNoControls(body);
  });
});

describe("a member's answers come back escaped and without control characters", () => {
  const ANSWER = `# Heading ${MASKED_LINK}\n${HOSTILE_EXPLANATION}`;

  async function answerStage2(): Promise<MessageBody> {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const question = deferredResult(await h.send(slash("quiz", [str("lesson", "pipe-buffers")])), {
      type: 5,
      ephemeral: true,
    });
    const modal = callbackOf(await h.send(button(buttonLabelled(question, "Write your answer").custom_id)));
    const customId = (modal.data as { custom_id: string }).custom_id;
    return deferredResult(await h.send(modalSubmit(customId, { answer: ANSWER })), { type: 6 });
  }

  it("keeps the explanation clean in the journal, and shows it escaped in /journal", async () => {
    const feedback = await answerStage2();
    expectNoControls(feedback);
    const [entry] = await h.tutor.journal(LEARNER);
    expect(entry?.text).toBe(
      "# Heading [free nitro](https://evil.example/claim)\nThe handshake is done by the kernel; connections wait in a queue;\nrecv copies into user space.",
    );
    const journal = deferredResult(await h.send(slash("journal")), { type: 5, ephemeral: true });
    const description = journal.embeds?.[0]?.description ?? "";
    expect(description.startsWith(`\\# Heading ${ESCAPED_LINK}\n`)).toBe(true);
    expect(description).not.toMatch(RENDERED_LINK);
    expect(description).toContain("The handshake is done by the kernel; connections wait in a queue;");
    expectNoControls(journal);
  });

  it("shows an entry stored with escapes before the engine cleaned answers without them", async () => {
    await answerStage2();
    await h.tutor.store.update(LEARNER, (doc) => {
      (doc.journal[0] as { text: string }).text = `${RED}red${RESET}${NUL} ${SET_TITLE}${MASKED_LINK}`;
    });
    const journal = deferredResult(await h.send(slash("journal")), { type: 5, ephemeral: true });
    expect(journal.embeds?.[0]?.description).toBe(`red ${ESCAPED_LINK}`);
    expectNoControls(journal);
  });

  it("echoes a typed short answer escaped", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3, 4]);
    await h.tutor.startQuiz(LEARNER, "pipe-buffers", 5);
    await h.tutor.answer(LEARNER, {
      questionId: "pipe-default-pages",
      response: { kind: "text", text: "16" },
    });
    const typed = `${SET_TITLE}## fcntl ${MASKED_LINK}${BEL}`;
    const body = deferredResult(
      await h.send(modalSubmit("quiz:text:pipe-resize-call:1", { answer: typed })),
      { type: 6 },
    );
    const description = body.embeds?.[0]?.description ?? "";
    expect(description).toContain(`You answered: \\## fcntl ${ESCAPED_LINK}`);
    expectNoControls(body);
  });
});

describe("the last check before Discord", () => {
  it("takes control characters out of content, embeds and components alike", () => {
    const hostile = `Pipe ${SET_TITLE}${RED}buffers${RESET}${NUL}`;
    const view: View = {
      content: hostile,
      embeds: [{ title: hostile, description: hostile, fields: [{ name: hostile, value: hostile }] }],
    };
    const out = fitMessage(view);
    expect(out.content).toBe("Pipe buffers");
    expect(JSON.stringify(out)).not.toMatch(/\\u00(?:[01][0-9a-f]|7f)/i);
    expect(out.allowedMentions).toEqual({ parse: [] });
    expect(fitChoices([{ name: hostile, value: "pipe-buffers" }])).toEqual([
      { name: "Pipe buffers", value: "pipe-buffers" },
    ]);
  });

  it("keeps echoed text within every limit after escaping, cutting the text and not an escape", () => {
    for (const max of [300, 1000, 1024, 2000, 4096]) {
      for (const text of ["*".repeat(5000), "[x](y) ".repeat(900), `\`\`\`${"_".repeat(4999)}`]) {
        const out = userText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.endsWith("…")).toBe(true);
        // Never a lone backslash before the ellipsis: that would escape it, and unescape a cut escape.
        expect(out.endsWith("\\…")).toBe(false);
      }
    }
    const echo = fitMessage({ content: `> ${userText("*".repeat(5000), 1998)}` });
    expect(echo.content.length).toBeLessThanOrEqual(2000);
    expect(echo.content.endsWith("\\*…")).toBe(true);
  });
});
