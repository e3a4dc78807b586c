import { ComponentType } from "discord-api-types/v10";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { historyOf } from "../helpers/engine.js";
import { passStages } from "./answers.js";
import {
  allText,
  buttonLabelled,
  buttonsOf,
  callbackOf,
  deferredResult,
  expectSafeMessage,
  type Harness,
  type MessageBody,
  selectOf,
  startHarness,
} from "./harness.js";
import { ALICE, button, GUILD_ID, int, modalSubmit, select, slash, str } from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

async function startQuiz(stage?: number): Promise<MessageBody> {
  const options = [str("lesson", "pipe-buffers"), ...(stage ? [int("stage", stage)] : [])];
  return deferredResult(await h.send(slash("quiz", options)), { type: 5, ephemeral: true });
}

async function press(customId: string): Promise<MessageBody> {
  return deferredResult(await h.send(button(customId)), { type: 6 });
}

describe("/quiz with buttons (single choice and true/false)", () => {
  it("shows the first question ephemerally with one button per option, a hint and an end button", async () => {
    const body = await startQuiz();
    expect(body.embeds?.[0]?.title).toBe("Question 1 of 2");
    expect(body.embeds?.[0]?.description).toContain("After `write()` returns on the write end of a pipe");
    expect(body.embeds?.[0]?.description).toContain("**B.** Already in the reader's buffer");
    expect(body.embeds?.[0]?.footer?.text).toBe("Pipe buffers · Stage 1: Understand · Pick one.");
    // Long option texts: the buttons carry letters; the options are in the embed.
    expect(buttonsOf(body).map((b) => [b.label, b.custom_id])).toEqual([
      ["A", "quiz:choice:pipe-where-bytes-wait:0:0"],
      ["B", "quiz:choice:pipe-where-bytes-wait:0:1"],
      ["C", "quiz:choice:pipe-where-bytes-wait:0:2"],
      ["Hint", "quiz:hint:pipe-where-bytes-wait"],
      ["End quiz", "quiz:end"],
    ]);
    // Nothing before answering says which option is right.
    expect(JSON.stringify(body)).not.toMatch(/correct|✅/);
  });

  it("gives immediate feedback with the misconception of the option chosen, never the right answer", async () => {
    const first = await startQuiz();
    const body = await press(buttonLabelled(first, "B").custom_id);
    expect(body.embeds?.[0]?.title).toBe("❌ Not quite");
    expect(body.embeds?.[0]?.description).toContain("You chose **B.** Already in the reader's buffer");
    expect(body.embeds?.[0]?.description).toContain(
      "> The reader gets the bytes only when it calls `read()`; until then they stay in the kernel.",
    );
    // During an attempt the right option and the explanation stay hidden.
    expect(JSON.stringify(body)).not.toContain("In the pipe's buffer in the kernel");
    expect(body.embeds?.[0]?.description).not.toContain("Right answer");
    expect(body.embeds?.[1]?.title).toBeUndefined();
    expect(body.embeds?.[1]?.description).toContain("The right answers are not shown during an attempt");
    expect(JSON.stringify(body)).not.toContain("ring of pages in the kernel");
    expect(body.content).toMatch(/comes back for review <t:\d+:R>/);
    expect(buttonsOf(body).map((b) => [b.label, b.custom_id])).toEqual([
      ["Next question (2 of 2) ▶", "quiz:next"],
      ["End quiz", "quiz:end"],
    ]);
  });

  it("records the answer against the server it was given in", async () => {
    const first = await startQuiz();
    await press(buttonLabelled(first, "A").custom_id);
    const history = await historyOf(h.tutor, LEARNER);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      questionId: "pipe-where-bytes-wait",
      correct: true,
      guildId: GUILD_ID,
    });
  });

  it("walks the quiz to the end, announces the stage passed and the stage unlocked", async () => {
    // First attempt: one wrong, one right: the stage is not passed.
    let body = await press(buttonLabelled(await startQuiz(), "B").custom_id);
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    expect(body.embeds?.[0]?.title).toBe("Question 2 of 2");
    expect(
      buttonsOf(body)
        .slice(0, 2)
        .map((b) => b.label),
    ).toEqual(["True", "False"]);
    body = await press(buttonLabelled(body, "False").custom_id);
    expect(body.embeds?.[0]?.title).toBe("✅ Right");
    expect(body.content).toContain(
      "**Stage 1 quiz finished: 1 of 2 right.** 1 of 2 right in the first round; stage 1 passes with 2 in one round.",
    );
    expect(body.content).toMatch(/\nMissed:\n❌ After `write\(\)` returns/);
    expect(body.content).not.toContain("passed!");
    // The retry asks the missed question once more, answers still hidden; it passes nothing.
    body = await press(buttonLabelled(body, "Retry the 1 missed").custom_id);
    expect(body.embeds?.[0]?.title).toBe("Question 1 of 1");
    body = await press(buttonLabelled(body, "A").custom_id);
    expect(body.embeds?.[0]?.title).toBe("✅ Right");
    expect(body.content).not.toContain("passed!");
    expect(body.content).toContain("**Stage 1 retry finished: 1 of 1 right.**");
    expect(body.content).toMatch(/This attempt is over: you can try stage 1 again from tomorrow/);
    // Seeing the answers lists every question of the stage with its answer.
    const shown = await press(buttonLabelled(body, "See the answers").custom_id);
    expect(shown.embeds?.[0]?.fields?.map((f) => f.value)).toEqual([
      expect.stringContaining("**Answer:** In the pipe's buffer in the kernel"),
      expect.stringContaining("**Answer:** False"),
    ]);
    // A study day later (the attempt moved back a day), a fresh attempt passes on its own.
    await h.tutor.store.update(LEARNER, (doc) => {
      const attempt = doc.attempts?.["pipe-buffers"]?.[1];
      if (attempt) attempt.day = "2020-01-01";
    });
    body = await startQuiz(1);
    expect(body.embeds?.[0]?.title).toBe("Question 1 of 2");
    body = await press(buttonLabelled(body, "A").custom_id);
    expect(body.content).not.toContain("passed!");
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    body = await press(buttonLabelled(body, "False").custom_id);
    expect(body.content).toContain("🎉 Stage 1 (Understand) of Pipe buffers passed!");
    expect(body.content).toContain("🔓 Stage 2: Articulate is now unlocked.");
    expect(body.content).toContain("**Stage 1 quiz finished: 2 of 2 right.**");
    const read = buttonLabelled(body, "Read stage 2: Articulate ▶");
    expect(read.custom_id).toBe("learn:page:pipe-buffers:2:0");
    // The button opens stage 2 in place.
    body = await press(read.custom_id);
    expect(body.content).toContain("Stage 2 of 6: **Articulate**");
  });

  it("after re-doing a stage passed long ago, offers the stage the learner is on, not the one after", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3]);
    let body = await press(buttonLabelled(await startQuiz(1), "A").custom_id);
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    body = await press(buttonLabelled(body, "False").custom_id);
    expect(body.content).toContain("**Stage 1 quiz finished: 2 of 2 right.**");
    expect(body.content).not.toContain("unlocked");
    expect(buttonsOf(body).map((b) => [b.label, b.custom_id])).toEqual([
      ["Read stage 4: Build something better ▶", "learn:page:pipe-buffers:4:0"],
      ["Re-read stage 1", "learn:page:pipe-buffers:1:0"],
    ]);
    // With every stage passed there is nowhere further to go: only the re-read.
    await passStages(h.tutor, LEARNER, "pipe-buffers", [4, 5, 6]);
    body = await press(buttonLabelled(await startQuiz(1), "A").custom_id);
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    body = await press(buttonLabelled(body, "False").custom_id);
    expect(buttonsOf(body).map((b) => b.label)).toEqual(["Re-read stage 1"]);
  });

  it("shows the hint on request and records the answer as hinted", async () => {
    const first = await startQuiz();
    const body = await press(buttonLabelled(first, "Hint").custom_id);
    expect(body.embeds?.at(-1)).toMatchObject({
      title: "💡 Hint",
      description: "Who owns the buffer: the process or the kernel?",
    });
    expect(buttonsOf(body).map((b) => b.label)).not.toContain("Hint");
    await press(buttonLabelled(body, "A").custom_id);
    const history = await historyOf(h.tutor, LEARNER);
    expect(history[0]).toMatchObject({ questionId: "pipe-where-bytes-wait", hintUsed: true });
  });

  it("says plainly that the quiz moved on when an old button is pressed again, and shows where it is", async () => {
    const first = await startQuiz();
    await press(buttonLabelled(first, "A").custom_id);
    const again = await press(buttonLabelled(first, "C").custom_id);
    expect(again.content).toBe(
      "⏭️ That question was already answered: your quiz has moved on. Here is where you are now.",
    );
    expect(again.embeds?.[0]?.title).toBe("Question 2 of 2");
    const history = await historyOf(h.tutor, LEARNER);
    expect(history).toHaveLength(1);
  });

  it("ends the quiz on request, and then says how to start again", async () => {
    const first = await startQuiz();
    const ended = await press(buttonLabelled(first, "End quiz").custom_id);
    expect(ended.content).toContain("Quiz ended.");
    expect(await h.tutor.current(LEARNER)).toBeUndefined();
    const late = await press(buttonLabelled(first, "A").custom_id);
    expect(late.content).toContain("There is no quiz in progress any more");
    expect(late.content).toContain("`/quiz`");
  });
});

describe("/quiz with selects (multiple choice and ordering)", () => {
  beforeEach(async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2]);
  });

  it("takes multiple choice through a select menu that allows several values", async () => {
    const body = await startQuiz(3);
    expect(body.embeds?.[0]?.footer?.text).toContain("Select all that apply.");
    const menu = selectOf(body);
    expect(menu).toMatchObject({ custom_id: "quiz:pick:pipe-what-breaks:0", min_values: 1, max_values: 4 });
    expect(menu.options.map((o) => o.value)).toEqual(["0", "1", "2", "3"]);
    const partly = deferredResult(await h.send(select(menu.custom_id, ["0", "2"])), { type: 6 });
    expect(partly.embeds?.[0]?.title).toBe("🟡 Partly right (50%)");
    expect(partly.embeds?.[0]?.description).toContain("You chose **C.** It can only hold one byte at a time");
    expect(partly.embeds?.[0]?.description).toContain("> The default ring holds 64 KiB.");
    // The right options left out are the answer: hidden during an attempt.
    expect(partly.embeds?.[0]?.description).not.toContain("You left out");
  });

  it("takes an ordering as a sequence of selects, one position at a time", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [3]);
    // Stage 3 passed: take the order question from a fresh stage-3 quiz, after the multiple-choice one.
    let body = await startQuiz(3);
    body = deferredResult(await h.send(select(selectOf(body).custom_id, ["0", "1"])), { type: 6 });
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    expect(body.embeds?.[0]?.footer?.text).toContain("Put the items in order");
    // The question as this attempt shows it: its items in the attempt's shuffle.
    const question = (await h.tutor.current(LEARNER))?.question;
    if (question?.type !== "order") throw new Error("fixture: pipe-wake-order is an order question");
    let menu = selectOf(body);
    expect(menu.custom_id).toBe("quiz:order:pipe-wake-order:0:");
    expect(menu.placeholder).toBe("Which comes first?");
    expect(menu.options.map((o) => Number(o.value))).toEqual(question.shuffled);
    for (const [step, item] of [0, 1, 2].entries()) {
      body = deferredResult(await h.send(select(menu.custom_id, [String(item)])), { type: 6 });
      if (step < 2) {
        menu = selectOf(body);
        expect(menu.options).toHaveLength(3 - step);
        expect(menu.placeholder).toBe(`Which comes next? (position ${step + 2})`);
        expect(body.embeds?.[0]?.description).toContain(`${step + 1}. ${question.items[item]}`);
        expect(buttonLabelled(body, "Start the order over").custom_id).toBe("quiz:reorder:pipe-wake-order:0");
      }
    }
    // The last item went in by itself and the order was graded.
    expect(body.embeds?.[0]?.title).toBe("✅ Right");
    const history = await historyOf(h.tutor, LEARNER);
    expect(history.at(-1)).toMatchObject({
      questionId: "pipe-wake-order",
      selected: [0, 1, 2, 3],
      correct: true,
    });
  });

  it("starts an ordering over on request", async () => {
    let body = await startQuiz(3);
    body = deferredResult(await h.send(select(selectOf(body).custom_id, ["0", "1"])), { type: 6 });
    body = await press(buttonLabelled(body, /^Next question/).custom_id);
    body = deferredResult(await h.send(select(selectOf(body).custom_id, ["3"])), { type: 6 });
    expect(selectOf(body).options).toHaveLength(3);
    body = await press(buttonLabelled(body, "Start the order over").custom_id);
    expect(selectOf(body).custom_id).toBe("quiz:order:pipe-wake-order:0:");
    expect(selectOf(body).options).toHaveLength(4);
  });
});

describe("/quiz with a modal (short, numeric and explain answers)", () => {
  async function openModal(body: MessageBody) {
    const requests = await h.send(button(buttonLabelled(body, /Answer|Write your answer/).custom_id));
    const callback = callbackOf(requests);
    expect(requests).toHaveLength(1);
    expect(callback.type).toBe(9);
    return callback.data as unknown as {
      custom_id: string;
      title: string;
      components: {
        type: number;
        content?: string;
        label?: string;
        description?: string;
        component?: Record<string, unknown>;
      }[];
    };
  }

  async function submit(customId: string, text: string): Promise<MessageBody> {
    return deferredResult(await h.send(modalSubmit(customId, { answer: text })), { type: 6 });
  }

  it("grades a stage 2 explanation: covered and missed key points, flagged jargon, saved to the journal", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const question = await startQuiz(2);
    expect(buttonsOf(question).map((b) => b.custom_id)).toEqual([
      "quiz:write:pipe-explain-path:0",
      "quiz:end",
    ]);
    const modal = await openModal(question);
    expect(modal.custom_id).toBe("quiz:text:pipe-explain-path:0");
    expect(modal.title).toBe("Pipe buffers");
    expect(modal.components[0]).toMatchObject({ type: ComponentType.TextDisplay });
    expect(modal.components[0]?.content).toContain("In your own words, explain where the bytes are");
    expect(modal.components[1]).toMatchObject({
      type: ComponentType.Label,
      label: "Your explanation",
      component: {
        type: ComponentType.TextInput,
        custom_id: "answer",
        style: 2,
        required: true,
        max_length: 4000,
      },
    });
    const text =
      "The pipe buffer holds them until the reader copies them out. When it is full the writer sleeps.";
    const body = await submit(modal.custom_id, text);
    const fields = body.embeds?.[0]?.fields ?? [];
    expect(body.embeds?.[0]?.title).toBe("✅ Right");
    expect(fields.find((f) => f.name === "Covered (2 of 3)")?.value).toBe(
      "✅ A writer that fills the buffer sleeps until there is room\n  “When it is full the writer sleeps.”\n✅ The reader copies the bytes out of the kernel\n  “The pipe buffer holds them until the reader copies them out.”",
    );
    expect(fields.find((f) => f.name === "Missed")?.value).toBe(
      "❌ The bytes wait in a buffer in the kernel",
    );
    expect(fields.find((f) => f.name === "Jargon to put in plain words")?.value).toBe("• pipe buffer");
    expect(body.embeds?.[1]?.title).toBe("A model answer");
    expect(body.content).toContain("📓 Saved to your journal as your explanation.");
    expect(body.content).toContain("🎉 Stage 2 (Articulate) of Pipe buffers passed!");
    const journal = await h.tutor.journal(LEARNER, "pipe-buffers");
    expect(journal).toEqual([expect.objectContaining({ kind: "explanation", stage: 2, text })]);
  });

  it("quotes a contradiction and names why stuffing does not pass", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const modal = await openModal(await startQuiz(2));
    const body = await submit(
      modal.custom_id,
      "The writer never sleeps, it keeps writing. kernel buffer, reader copies, writer blocks, read copies, kernel memory, write blocks",
    );
    const fields = body.embeds?.[0]?.fields ?? [];
    expect(body.embeds?.[0]?.title).not.toBe("✅ Right");
    expect(fields.find((f) => f.name === "Missed")?.value).toContain(
      "❌ A writer that fills the buffer sleeps until there is room\n  ⚠️ you said the opposite:\n  “The writer never sleeps, it keeps writing.”",
    );
    expect(fields.find((f) => f.name === "Why it does not pass")?.value).toBe(
      "⚠️ lists terms instead of explaining them: say in sentences who does what, and why",
    );
  });

  it("takes a stage 4 design proposal and a stage 6 reflection, shown beside the stage 2 explanation", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3]);
    const design = await openModal(await startQuiz(4));
    expect(design.components[1]?.label).toBe("Your design proposal");
    const proposal = await submit(
      design.custom_id,
      "Pass page references with splice instead of copying bytes.",
    );
    expect(proposal.content).toContain("📓 Saved to your journal as your design proposal.");
    await passStages(h.tutor, LEARNER, "pipe-buffers", [5]);
    const reflect = await openModal(await startQuiz(6));
    expect(reflect.components[1]?.label).toBe("Your reflection");
    const body = await submit(
      reflect.custom_id,
      "Back-pressure for free and bounded memory: the writer sleeps.",
    );
    expect(body.content).toContain("📓 Saved to your journal as your reflection.");
    expect(body.content).toContain("🏆 You have passed every stage of Pipe buffers.");
    const thenAndNow = body.embeds?.find((e) => e.title === "Then and now");
    expect(thenAndNow?.fields?.[0]).toEqual({
      name: "Then: your stage 2 explanation",
      value: (await h.tutor.journal(LEARNER, "pipe-buffers")).find((e) => e.stage === 2)?.text,
    });
    expect(thenAndNow?.fields?.[1]?.value).toBe(
      "Back-pressure for free and bounded memory: the writer sleeps.",
    );
    expect((await h.tutor.journal(LEARNER)).map((e) => e.kind)).toEqual([
      "explanation",
      "design",
      "reflection",
    ]);
  });

  it("takes numeric and short answers, and asks again when a number is not a number", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3, 4]);
    const question = await startQuiz(5);
    expect(question.embeds?.[0]?.footer?.text).toContain("Answer with a number (in pages).");
    const modal = await openModal(question);
    expect(modal.components[1]).toMatchObject({
      label: "Your answer (pages)",
      component: { style: 1, max_length: 300 },
    });
    const again = await submit(modal.custom_id, "sixteen-ish");
    expect(again.content).toBe("⚠️ That could not be graded: type a number. Try again.");
    expect(again.embeds?.[0]?.title).toBe("Question 1 of 2");
    const right = await submit(modal.custom_id, "16");
    expect(right.embeds?.[0]?.title).toBe("✅ Right");
    expect(right.embeds?.[0]?.description).toContain("You answered: 16");
    const next = await press(buttonLabelled(right, /^Next question/).custom_id);
    const shortModal = await openModal(next);
    const wrong = await submit(shortModal.custom_id, "F_GETPIPE_SZ");
    expect(wrong.embeds?.[0]?.title).toBe("❌ Not quite");
    // The expected answer stays hidden during an attempt.
    expect(JSON.stringify(wrong)).not.toContain("F_SETPIPE_SZ");
  });

  it("refuses empty and over-long text without grading it", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3, 4]);
    const modal = await openModal(await startQuiz(5));
    const empty = await submit(modal.custom_id, "   ");
    expect(empty.content).toBe("⚠️ The answer was empty. Write something and send it again.");
    const long = await submit(modal.custom_id, "1".repeat(301));
    expect(long.content).toBe(
      "⚠️ That answer is 301 characters long; the most this question takes is 300. Shorten it and send it again.",
    );
    expect(long.embeds?.[0]?.title).toBe("Question 1 of 2");
    const history = await historyOf(h.tutor, LEARNER);
    expect(history.filter((r) => r.questionId === "pipe-default-pages")).toHaveLength(0);
  });

  it("keeps echoed learner text from pinging anyone", async () => {
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1, 2, 3, 4]);
    const modal = await openModal(await startQuiz(5));
    const right = await submit(modal.custom_id, "16");
    const shortModal = await openModal(await press(buttonLabelled(right, /^Next question/).custom_id));
    const body = await submit(shortModal.custom_id, "@everyone <@300000000000000002> F_SETPIPE_SZ");
    expectSafeMessage(body);
    // Echoed escaped: the underscores do not turn into italics.
    expect(allText(body)).toContain("You answered: @everyone <@300000000000000002> F\\_SETPIPE\\_SZ");
  });
});

describe("/quiz without a lesson", () => {
  it("carries on with the quiz in progress", async () => {
    const first = await startQuiz();
    await press(buttonLabelled(first, "A").custom_id);
    const body = deferredResult(await h.send(slash("quiz")), { type: 5, ephemeral: true });
    expect(body.content).toContain("▶️ Continue the stage 1 quiz of Pipe buffers: question 2 of 2.");
    expect(body.embeds?.[0]?.title).toBe("Question 2 of 2");
  });

  it("starts what the engine says comes next", async () => {
    const body = deferredResult(await h.send(slash("quiz")), { type: 5, ephemeral: true });
    expect(body.content).toContain("Tip: `/learn lesson:pipe-buffers` first.");
    expect(body.embeds?.[0]?.footer?.text).toContain("Pipe buffers · Stage 1: Understand");
  });

  it("refuses a locked stage and an unknown lesson in words", async () => {
    const locked = deferredResult(
      await h.send(slash("quiz", [str("lesson", "pipe-buffers"), int("stage", 3)])),
      {
        type: 5,
        ephemeral: true,
      },
    );
    expect(locked.content).toBe(
      "The stage 3 questions of Pipe buffers are locked: pass stage 2 first. `/learn` opens the stage you are on.",
    );
    const unknown = deferredResult(await h.send(slash("quiz", [str("lesson", "pipe-bufers")])), {
      type: 5,
      ephemeral: true,
    });
    expect(unknown.content).toBe(
      "There is no such lesson. Did you mean `pipe-buffers`? `/lessons` lists them all.",
    );
  });
});
