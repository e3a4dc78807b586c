import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ButtonStyle } from "discord-api-types/v10";
import { afterEach, describe, expect, it } from "vitest";
import { defaultContentDir, type LlmConfig } from "../../engine/index.js";
import { passStages } from "./answers.js";
import type { RecordedRequest } from "./fake-discord.js";
import {
  allText,
  buttonLabelled,
  buttonsOf,
  callbackOf,
  deferredResult,
  EPHEMERAL,
  expectSafeMessage,
  type Harness,
  type HarnessOptions,
  type MessageBody,
  startHarness,
} from "./harness.js";
import {
  ALICE,
  APP_ID,
  BOB,
  BOT_USER,
  button,
  CHANNEL_ID,
  messageCreate,
  slash,
  str,
  THREAD_ID,
  user,
} from "./payloads.js";

const FULL_PIPE = "what happens when a pipe buffer is full?";
const MENTION = `<@${APP_ID}>`;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void>)();
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.dispose());
  return h;
}

/** /ask, deferred publicly (the model may take seconds), then the answer in one edit. */
async function ask(h: Harness, question: string, userId = ALICE): Promise<MessageBody> {
  return deferredResult(await h.send(slash("ask", [str("question", question)], { userId })), {
    type: 5,
    ephemeral: false,
  });
}

/** The one message the bot posted in reply to a mention, and where. */
function replyOf(requests: RecordedRequest[]): {
  channelId: string;
  body: MessageBody & Record<string, unknown>;
} {
  const posts = requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));
  expect(posts, "exactly one message posted").toHaveLength(1);
  const post = posts[0] as RecordedRequest;
  return {
    channelId: post.path.split("/")[2] as string,
    body: post.body as MessageBody & Record<string, unknown>,
  };
}

/** A local server that speaks the OpenAI chat-completions API. */
async function modelServer(reply: (question: string) => { status: number; body: unknown }) {
  const questions: string[] = [];
  const seenBeforeAnswer: boolean[] = [];
  let deferred: () => boolean = () => true;
  const server: Server = createServer((req, res) => {
    void (async () => {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw) as { messages: { role: string; content: string }[] };
      const userText = body.messages.find((m) => m.role === "user")?.content ?? "";
      questions.push(/Question: (.*)$/.exec(userText)?.[1] ?? "");
      seenBeforeAnswer.push(deferred());
      const { status, body: out } = reply(userText);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(out));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  const llm: LlmConfig = { url: `http://127.0.0.1:${port}/v1`, model: "tiny-tutor", timeoutMs: 5000 };
  return {
    llm,
    questions,
    /** For each model call: whether the interaction had already been deferred when the model was asked. */
    seenBeforeAnswer,
    watch(h: Harness) {
      deferred = () => h.discord.requests.some((r) => /\/callback$/.test(r.path));
    },
  };
}

// A third, far weaker passage (another lesson's stage 2) is left out by the engine as filler.
const SOURCES = ["[1] Pipe buffers · Stage 1: Understand", "[2] Pipe buffers · Stage 1: Understand"];

describe("/ask", () => {
  it("answers in the channel from the lessons, with numbered sources and a Study this button, pinging nobody", async () => {
    const h = await harness();
    const body = await ask(h, FULL_PIPE);
    expect(body.content).toBe(`> ${FULL_PIPE}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = body.embeds?.[0];
    expect(body.embeds).toHaveLength(1);
    expect(embed?.title).toBe("From the lessons");
    expect(embed?.description).toBe("From Pipe buffers, stage 1 (Understand).");
    expect(embed?.fields?.map((f) => f.name)).toEqual(SOURCES);
    expect(embed?.fields?.[0]?.value).toMatch(
      /^\*\*Full buffers and blocking writers\*\*\nA writer that finds the ring full sleeps on the same wait queue until a reader makes room\./,
    );
    expect(embed?.footer?.text).toBe(
      "The buttons open a lesson stage that only the member who presses them sees.",
    );
    expect(buttonsOf(body).map((b) => [b.label, b.custom_id, b.style])).toEqual([
      ["Study this: Pipe buffers, stage 1", "learn:open:pipe-buffers:1", ButtonStyle.Primary],
    ]);
  });

  it("says honestly when the lessons do not cover the question, offering no unrelated lesson", async () => {
    const h = await harness();
    const body = await ask(h, "how do I bake sourdough bread?");
    expect(body.embeds).toEqual([
      {
        color: 0x99aab5,
        title: "Not in the lessons",
        description: "The lessons do not cover that.\nTry other words, or see every lesson with `/lessons`.",
      },
    ]);
    expect(buttonsOf(body)).toEqual([]);
  });

  it("names the closest lessons when the question comes near one", async () => {
    const h = await harness({ contentDir: defaultContentDir() });
    const body = await ask(h, "how does kafka replication work?");
    expect(body.embeds?.[0]?.description).toMatch(
      /^The lessons do not cover that; the closest are: Kafka tail latency, ext4 journaling and the move to XFS/,
    );
    expect(buttonsOf(body)[0]).toMatchObject({
      label: "Open Kafka tail latency, ext4 journaling and the move to XFS",
      custom_id: "learn:open:kafka-ext4-vs-xfs",
    });
  });

  it("with a language model: defers first, then shows its answer with the passages as its numbered sources", async () => {
    const model = await modelServer(() => ({
      status: 200,
      body: {
        choices: [
          {
            message: {
              role: "assistant",
              content:
                "The writer sleeps until the reader makes room [1]; @everyone gets back-pressure for free [1].",
            },
          },
        ],
      },
    }));
    const h = await harness({ llm: model.llm });
    model.watch(h);
    const body = await ask(h, FULL_PIPE);
    expect(model.questions).toEqual([FULL_PIPE]);
    expect(model.seenBeforeAnswer).toEqual([true]);
    const embed = body.embeds?.[0];
    expect(embed?.title).toBe("Answer");
    expect(embed?.description).toBe(
      "The writer sleeps until the reader makes room [1]; @everyone gets back-pressure for free [1].",
    );
    expect(embed?.fields?.map((f) => f.name)).toEqual(SOURCES);
    expect(embed?.footer?.text).toBe(
      "Written by tiny-tutor from the numbered sources only: check them in the lessons. The buttons open a lesson stage that only the member who presses them sees.",
    );
    // Whatever the model writes, nobody is pinged.
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(buttonLabelled(body, "Study this: Pipe buffers, stage 1").custom_id).toBe(
      "learn:open:pipe-buffers:1",
    );
  });

  it("when the model fails: the passages, the reason in plain words, and a warning in the log", async () => {
    const model = await modelServer(() => ({ status: 500, body: { error: "overloaded" } }));
    const h = await harness({ llm: model.llm });
    const body = await ask(h, FULL_PIPE);
    expect(model.questions).toHaveLength(1);
    const embed = body.embeds?.[0];
    expect(embed?.title).toBe("From the lessons");
    expect(embed?.description).toBe(
      "From Pipe buffers, stage 1 (Understand). (The language model was not used: the model server answered HTTP 500. Here are the passages instead.)",
    );
    expect(embed?.fields?.map((f) => f.name)).toEqual(SOURCES);
    expect(h.logs.some((l) => l.includes("warn the language model was not used"))).toBe(true);
  });

  it("does not call the model for a question the lessons do not cover", async () => {
    const model = await modelServer(() => ({ status: 200, body: {} }));
    const h = await harness({ llm: model.llm });
    const body = await ask(h, "how do I bake sourdough bread?");
    expect(body.embeds?.[0]?.title).toBe("Not in the lessons");
    expect(model.questions).toEqual([]);
  });

  it("takes @everyone and mentions out of the question, and pings nobody", async () => {
    const h = await harness();
    const body = await ask(h, `@everyone @here <@${BOB}> <@&500000000000000001> ${FULL_PIPE}`);
    expect(body.content).toBe(`> ${FULL_PIPE}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.[0]?.title).toBe("From the lessons");
  });

  it("refuses an over-long question to the member alone, before deferring or searching", async () => {
    const h = await harness();
    const question = `${"why does the writer block ".repeat(20)}?`;
    const requests = await h.send(slash("ask", [str("question", question)]));
    expect(requests).toHaveLength(1);
    expect(callbackOf(requests)).toEqual({
      type: 4,
      data: expect.objectContaining({
        content:
          "That question is 521 characters long; the tutor takes questions of up to 500. Ask the heart of it in fewer words.",
        flags: EPHEMERAL,
        allowed_mentions: { parse: [] },
      }),
    });
  });
});

describe("the question rate limit", () => {
  it("takes 5 questions a minute from a member, by /ask and mentions together, and says when to ask again", async () => {
    let now = new Date("2025-03-10T12:00:00Z");
    const h = await harness({ now: () => now });
    for (let i = 0; i < 3; i++) await ask(h, FULL_PIPE);
    for (let i = 0; i < 2; i++) {
      const answered = replyOf(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`)));
      expect(answered.body.embeds?.[0]?.title).toBe("From the lessons");
    }
    const retryAt = Math.floor(now.getTime() / 1000) + 60;
    const refusal = `⏳ You have asked 5 questions in the last minute. Ask again <t:${retryAt}:R>.`;
    // /ask: refused to the member alone, every time (an interaction must be answered).
    now = new Date(now.getTime() + 30_000);
    for (let i = 0; i < 2; i++) {
      const requests = await h.send(slash("ask", [str("question", FULL_PIPE)]));
      expect(requests).toHaveLength(1);
      expect(callbackOf(requests)).toEqual({
        type: 4,
        data: expect.objectContaining({ content: refusal, flags: EPHEMERAL }),
      });
    }
    // A mention: the first refusal is said once (it was said to /ask already in this window: not again).
    expect(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`))).toEqual([]);
    // Another member is not held up.
    await ask(h, FULL_PIPE, BOB);
    // A minute after the first question, there is room again.
    now = new Date(now.getTime() + 30_001);
    expect((await ask(h, FULL_PIPE)).embeds?.[0]?.title).toBe("From the lessons");
  });

  it("answers a mention that goes over the limit once, then stays quiet until the minute is over", async () => {
    let now = new Date("2025-03-10T12:00:00Z");
    const h = await harness({ now: () => now });
    for (let i = 0; i < 5; i++) replyOf(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`)));
    const told = replyOf(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`)));
    expect(told.body.content).toBe(
      `⏳ You have asked 5 questions in the last minute. Ask again <t:${Math.floor(now.getTime() / 1000) + 60}:R>.`,
    );
    expect(told.body.embeds).toEqual([]);
    expect(told.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`))).toEqual([]);
    now = new Date(now.getTime() + 60_000);
    const again = replyOf(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`)));
    expect(again.body.embeds?.[0]?.title).toBe("From the lessons");
  });
});

describe("Study this", () => {
  it("opens the lesson stage for whoever presses it, in a message only they see: what /learn shows", async () => {
    const h = await harness();
    const answer = await ask(h, FULL_PIPE);
    const study = buttonLabelled(answer, "Study this: Pipe buffers, stage 1");
    // Bob presses the button on Alice's answer.
    const opened = deferredResult(await h.send(button(study.custom_id, { userId: BOB })), {
      type: 5,
      ephemeral: true,
    });
    expect(opened.content).toBe("📘 **Pipe buffers** · Stage 1 of 6: **Understand** 🔓\n🔓🔒🔒🔒🔒🔒");
    const learn = deferredResult(
      await h.send(
        slash("learn", [str("lesson", "pipe-buffers"), { name: "stage", type: 4, value: 1 }], {
          userId: BOB,
        }),
      ),
      { type: 5, ephemeral: true },
    );
    expect(opened).toEqual(learn);
    // It is Bob's reading, not Alice's.
    expect((await h.tutor.store.read(`discord:${BOB}`)).read["pipe-buffers"]?.[1]).toBeDefined();
    expect((await h.tutor.store.read(`discord:${ALICE}`)).read["pipe-buffers"]).toBeUndefined();
  });

  it("opens the stage cited even while it is locked, with its questions gated", async () => {
    const h = await harness();
    const answer = await ask(h, "when does a bigger pipe help?");
    const later = buttonLabelled(answer, "Study this: Pipe sizes in practice, stage 2");
    // A section named like its stage carries no heading line of its own.
    expect(answer.embeds?.[0]?.fields?.[0]?.value).toBe("Explain when a bigger pipe helps.");
    const locked = deferredResult(await h.send(button(later.custom_id)), { type: 5, ephemeral: true });
    expect(locked.content).toContain("**Pipe sizes in practice** · Stage 2 of 6: **Articulate**");
    expect(buttonLabelled(locked, "Questions open after stage 1").disabled).toBe(true);
    await passStages(h.tutor, `discord:${ALICE}`, "pipe-sizes", [1]);
    const open = deferredResult(await h.send(button(later.custom_id)), { type: 5, ephemeral: true });
    expect(open.content).toContain("**Pipe sizes in practice** · Stage 2 of 6: **Articulate**");
  });

  it("opens a closest lesson at the stage the presser is on", async () => {
    const h = await harness({ contentDir: defaultContentDir() });
    await passStages(h.tutor, `discord:${ALICE}`, "kafka-ext4-vs-xfs", [1, 2]);
    const answer = await ask(h, "how does kafka replication work?");
    const opened = deferredResult(
      await h.send(button(buttonLabelled(answer, /^Open Kafka tail latency/).custom_id)),
      {
        type: 5,
        ephemeral: true,
      },
    );
    expect(opened.content).toContain("Stage 3 of 6: **Limitations**");
  });
});

describe("a message that mentions the bot", () => {
  it("is a question, answered in a reply to it that pings nobody, not even its author", async () => {
    const h = await harness();
    const question = messageCreate(`${MENTION} ${FULL_PIPE}`);
    const requests = await h.sendMessage(question);
    expect(requests).toHaveLength(1);
    const { channelId, body } = replyOf(requests);
    expect(channelId).toBe(CHANNEL_ID);
    expect(body.message_reference).toEqual({ message_id: question.id, fail_if_not_exists: true });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expectSafeMessage({ ...body, allowed_mentions: { parse: [] } });
    // The reply quotes the question already: no echo.
    expect(body.content).toBe("");
    expect(body.embeds?.[0]?.title).toBe("From the lessons");
    expect(body.embeds?.[0]?.fields?.map((f) => f.name)).toEqual(SOURCES);
    expect(buttonLabelled(body, "Study this: Pipe buffers, stage 1").custom_id).toBe(
      "learn:open:pipe-buffers:1",
    );
  });

  it("is answered inside a thread, in the thread", async () => {
    const h = await harness();
    const question = messageCreate(`${FULL_PIPE} ${MENTION}`, { channelId: THREAD_ID });
    const { channelId, body } = replyOf(await h.sendMessage(question));
    expect(channelId).toBe(THREAD_ID);
    expect(body.message_reference).toEqual({ message_id: question.id, fail_if_not_exists: true });
    expect(body.embeds?.[0]?.title).toBe("From the lessons");
  });

  it("with @everyone and other mentions in it: understood without them, and nobody is pinged", async () => {
    const h = await harness();
    const { body } = replyOf(
      await h.sendMessage(
        messageCreate(`@everyone ${MENTION} <@${BOB}> ${FULL_PIPE}`, { mentionEveryone: true }),
      ),
    );
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(allText(body)).not.toContain("@everyone");
    expect(body.embeds?.[0]?.title).toBe("From the lessons");
  });

  it("says it is out of scope honestly, in a reply", async () => {
    const h = await harness();
    const { body } = replyOf(await h.sendMessage(messageCreate(`${MENTION} how do I bake sourdough bread?`)));
    expect(body.embeds?.[0]?.title).toBe("Not in the lessons");
    expect(body.embeds?.[0]?.description).toContain("The lessons do not cover that.");
  });

  it("with a model: shows the bot typing while the model writes, then replies with its answer", async () => {
    const model = await modelServer(() => ({
      status: 200,
      body: { choices: [{ message: { role: "assistant", content: "It sleeps until there is room [1]." } }] },
    }));
    const h = await harness({ llm: model.llm });
    const { body } = replyOf(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`)));
    expect(body.embeds?.[0]?.description).toBe("It sleeps until there is room [1].");
    const typing = await h.discord.waitFor(/^POST \/channels\/\d+\/typing$/);
    expect(typing.path).toBe(`/channels/${CHANNEL_ID}/typing`);
  });

  it("refuses an over-long question in a reply, without searching", async () => {
    const h = await harness();
    const long = `${MENTION} ${"why does the writer block ".repeat(25)}`;
    const { body } = replyOf(await h.sendMessage(messageCreate(long)));
    expect(body.content).toBe(
      "That question is 649 characters long; the tutor takes questions of up to 500. Ask the heart of it in fewer words.",
    );
    expect(body.embeds).toEqual([]);
  });

  it("with nothing but the mention: says how to ask", async () => {
    const h = await harness();
    const { body } = replyOf(await h.sendMessage(messageCreate(`${MENTION}  `)));
    expect(body.content).toBe(
      "Write your question after the mention, for example: what is a torn page? (`/ask` works too.)",
    );
  });

  it("is ignored from a bot, including the tutor itself", async () => {
    const h = await harness();
    const robot = { ...user("300000000000000009", "robot"), bot: true };
    expect(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`, { author: robot }))).toEqual([]);
    expect(await h.sendMessage(messageCreate(`${MENTION} ${FULL_PIPE}`, { author: BOT_USER }))).toEqual([]);
  });

  it("is needed: messages without it, a reply that only pings the bot, and @everyone are ignored", async () => {
    const h = await harness();
    // Without the Message Content intent, Discord sends other messages with empty text.
    expect(await h.sendMessage(messageCreate(""))).toEqual([]);
    expect(await h.sendMessage(messageCreate(`<@${BOB}> ${FULL_PIPE}`))).toEqual([]);
    // A reply to the bot's answer pings it (the bot is in `mentions`) without a mention in the text.
    expect(await h.sendMessage(messageCreate("thanks, that helps!", { mentions: [APP_ID] }))).toEqual([]);
    expect(
      await h.sendMessage(messageCreate(`@everyone ${FULL_PIPE}`, { mentionEveryone: true, mentions: [] })),
    ).toEqual([]);
  });

  it("is answered once when Discord delivers it twice", async () => {
    const h = await harness();
    const question = messageCreate(`${MENTION} ${FULL_PIPE}`);
    replyOf(await h.sendMessage(question));
    expect(await h.sendMessage(question)).toEqual([]);
  });
});
