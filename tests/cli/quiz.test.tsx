import { describe, expect, it } from "vitest";
import { historyOf } from "../helpers/engine.js";
import {
  arrangeByKeys,
  harnessPerTest,
  KEY,
  LEARNER,
  optionIndex,
  passStages,
  type Rendered,
  renderApp,
} from "./helpers.js";

const h = harnessPerTest();

const quiz = (stage: 1 | 2 | 3 | 4 | 5 | 6, lessonId = "tcp-reads") => ({
  name: "quiz" as const,
  lessonId,
  stage,
});

/** The stage 1 quiz with its first question answered right: the multiple-choice question is on screen. */
async function toMultipleChoice(): Promise<Rendered> {
  const app = renderApp(h.tutor, quiz(1));
  await app.frame("What does recv() do");
  await app.press("1", KEY.enter);
  await app.frame("✔ Right");
  await app.press(KEY.enter);
  await app.frame("Select all that apply");
  return app;
}

describe("quiz: single choice", () => {
  it("answers right with the number key: verdict, explanation, next review", async () => {
    const app = renderApp(h.tutor, quiz(1));
    await app.frame("What does recv() do");
    const right = optionIndex(h.tutor, "recv-copies", true);
    await app.press(String(right + 1), KEY.enter);
    const frame = await app.frame("✔ Right");
    expect(frame).toContain("The kernel has already reassembled the bytes");
    expect(frame).not.toContain("You chose");
    expect(frame).toMatch(/Next review of this question: (later today|tomorrow|in \d+ days)/);
    const history = await h.tutor.progress(LEARNER);
    expect(history.answers).toBe(1);
  });

  it("answers wrong with the arrows: verdict and the feedback on the option chosen", async () => {
    const app = renderApp(h.tutor, quiz(1));
    await app.frame("What does recv() do");
    // The second option is the NIC misconception. Nothing is chosen before a key: enter alone asks to choose.
    expect(await app.frame("What does recv() do")).toContain("2. Asks the network card for the next packet");
    await app.press(KEY.enter);
    await app.frame("Choose an option");
    expect(await h.tutor.current(LEARNER)).toMatchObject({ index: 0 });
    await app.press(KEY.down, KEY.down, KEY.enter);
    const frame = await app.frame("✘ Not quite");
    // Option texts and their feedback are inline markdown: styled, never shown with their marks.
    expect(frame).toContain("You chose 2: Asks the network card for the next packet");
    expect(frame).toContain(
      "The NIC has already written the packet to memory by DMA; recv() never talks to the NIC.",
    );
    expect(frame).not.toMatch(/\*\*|`/);
    // During an attempt a wrong answer shows its misconception, never the right answer or the explanation.
    expect(frame).not.toContain("Explanation");
    expect(frame).not.toContain("Copies bytes");
    expect(frame).toContain("The right answers are not shown during an attempt");
  });

  it("shows the hint on h and tells the engine it was used", async () => {
    const app = renderApp(h.tutor, quiz(1));
    await app.frame("What does recv() do");
    expect(await app.frame("h hint")).not.toContain("Hint:");
    await app.press("h");
    // The hint is inline markdown too: no marks.
    expect(await app.frame("Hint:")).toContain("Where are the bytes before the call?");
    await app.press("1", KEY.enter);
    await app.frame("✔ Right");
    const history = await historyOf(h.tutor, LEARNER);
    expect(history.map((r) => [r.questionId, r.hintUsed])).toEqual([["recv-copies", true]]);
  });
});

describe("quiz: multiple choice", () => {
  it("toggles options with space and number keys and grades the set", async () => {
    const app = await toMultipleChoice();
    // Nothing is under the cursor at first: space toggles nothing until the cursor moves.
    await app.press(KEY.space);
    expect(await app.frame("[ ] 1.")).not.toContain("[x]");
    // Toggle the first on and off again with space, then choose the first two with number keys.
    await app.press(KEY.down, KEY.space);
    expect(await app.frame("[x] 1.")).toContain("[ ] 2.");
    await app.press(KEY.space);
    expect(await app.frame("[ ] 1.")).not.toContain("[x]");
    await app.press("1", "2");
    const chosen = await app.frame((f) => f.includes("[x] 1.") && f.includes("[x] 2."), "two options chosen");
    expect(chosen).toContain("[ ] 3.");
    await app.press(KEY.enter);
    await app.frame("✔ Right");
  });

  it("names the correct options left out", async () => {
    const app = await toMultipleChoice();
    await app.press("2", KEY.enter);
    const frame = await app.frame("✘ Not quite");
    // The right options left out are the answer: not shown during an attempt.
    expect(frame).not.toContain("You left out");
    expect(frame).toContain("The right answers are not shown during an attempt");
  });
});

describe("quiz: passing a stage", () => {
  it("shows the moment a stage passes and the next unlocks, a summary, then opens the next stage", async () => {
    const app = await toMultipleChoice();
    await app.press("1", "2", KEY.enter);
    const passed = await app.frame("★");
    expect(passed).toContain("★ Stage 1 (Understand) of TCP reads passed!");
    expect(passed).toContain("Stage 2 (Articulate) is now unlocked.");
    await app.press(KEY.enter);
    const summary = await app.frame("2 of 2 right");
    expect(summary).toContain("passed");
    expect(summary).toContain("enter read stage 2");
    await app.press(KEY.enter);
    await app.frame("TCP-READS-STAGE-TWO");
    const catalog = await h.tutor.catalog(LEARNER);
    expect(catalog[0]?.stages.map((s) => s.status)).toEqual([
      "passed",
      "available",
      "locked",
      "locked",
      "locked",
      "locked",
    ]);
  });

  it("after retaking a passed stage, offers the next open stage the engine reports", async () => {
    await passStages(h.tutor, "tcp-reads", 2);
    const app = await toMultipleChoice();
    await app.press("1", "2", KEY.enter);
    await app.frame("✔ Right");
    await app.press(KEY.enter);
    const summary = await app.frame("2 of 2 right");
    expect(summary).not.toContain("★");
    expect(summary).toContain("enter read stage 3");
    await app.press(KEY.enter);
    await app.frame("TCP-READS-STAGE-THREE");
  });

  it("summarises a stage not passed and offers a retake", async () => {
    const app = renderApp(h.tutor, quiz(1));
    await app.frame("What does recv() do");
    await app.press("2", KEY.enter);
    await app.frame("✘ Not quite");
    await app.press(KEY.enter);
    await app.frame("Select all that apply");
    await app.press("3", KEY.enter);
    await app.frame("✘ Not quite");
    await app.press(KEY.enter);
    const summary = await app.frame("0 of 2 right");
    expect(summary).not.toMatch(/is passed/);
    // The summary lists the missed questions and says what is left: retry them once, or see the answers.
    expect(summary).toMatch(/Missed:\s+✘ What does recv\(\) do/);
    expect(summary).toContain("0 of 2 right in the first round; stage 1 passes with 2 in one round.");
    expect(summary).toContain("r retry the missed questions");
    expect(summary).toContain("a see the answers");
    await app.press("r");
    await app.frame("question 1 of 2");
    await app.press("1", KEY.enter);
    await app.frame("✔ Right");
    await app.press(KEY.enter);
    await app.press("1", "2", KEY.enter);
    await app.frame("✔ Right");
    await app.press(KEY.enter);
    // A retry passes nothing, even all right: the next attempt is on a later study day.
    const after = await app.frame("2 of 2 right in the retry");
    expect(after).not.toMatch(/is passed/);
    expect(after).toMatch(/This attempt is over: you can\s+try\s+stage\s+1\s+again\s+from\s+tomorrow/);
    expect(after).not.toContain("r retry");
    await app.press("a");
    const answers = await app.frame("Answer: ");
    expect(answers).toContain("Answer: Copies bytes from the kernel receive buffer into your buffer");
    expect((await h.tutor.catalog(LEARNER))[0]?.stages[0]?.status).toBe("available");
  });
});

describe("quiz: articulate (stage 2)", () => {
  it("takes a multi-line explanation, then shows covered and missed points, jargon and the model answer", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, quiz(2));
    await app.frame("Your explanation");
    expect(await app.frame("don't lean on: skb")).toBeTruthy();
    await app.type("The kernel keeps the bytes in a receive buffer");
    await app.press(KEY.enter);
    await app.type("and the skb holds them.");
    await app.frame("and the skb holds them.");
    // Edit: remove the final full stop with backspace.
    await app.press(KEY.backspace);
    await app.frame((f) => f.includes("and the skb holds them") && !f.includes("holds them."), "the edit");
    await app.press(KEY.ctrlD);
    const frame = await app.frame("Key points");
    expect(frame).toContain("Key points: 1 of 3 covered");
    expect(frame).toContain("✔ covered: The kernel keeps the bytes in a receive buffer");
    // The sentence that covered it, quoted as the learner wrote it (one sentence over two typed lines).
    expect(frame).toMatch(
      /you wrote: “The kernel keeps the bytes in a receive buffer\s+and the skb holds them”/,
    );
    expect(frame).toContain("✘ missed:  The network card writes packets into memory");
    expect(frame).toContain("✘ missed:  Reading copies the bytes into the process");
    expect(frame).toContain("Jargon you leaned on without saying what it means: skb");
    expect(frame).toContain("Model explanation");
    expect(frame).toContain("The NIC writes packets by DMA");
    expect(frame).toContain("Saved to your journal as your explanation.");
    const journal = await h.tutor.journal(LEARNER, "tcp-reads");
    expect(journal).toHaveLength(1);
    expect(journal[0]?.text).toBe("The kernel keeps the bytes in a receive buffer\nand the skb holds them");
  });

  it("keeps a half-written answer when the learner leaves, and restores it on return", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, quiz(2));
    await app.frame("Your explanation");
    await app.type("The kernel keeps");
    await app.press(KEY.enter);
    await app.type("the bytes");
    await app.frame("the bytes");
    await app.press(KEY.escape);
    await app.frame("Six stages tutor");
    await app.press(KEY.enter);
    const back = await app.frame("Your explanation");
    expect(back).toContain("The kernel keeps");
    expect(back).toContain("the bytes");
    // The cursor is where it was: typing goes on at the end.
    await app.type(" in a receive buffer");
    await app.press(KEY.ctrlD);
    await app.frame("Key points");
    const journal = await h.tutor.journal(LEARNER, "tcp-reads");
    expect(journal[0]?.text).toBe("The kernel keeps\nthe bytes in a receive buffer");
  });

  it("does not hand in an empty answer", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, quiz(2));
    await app.frame("Your explanation");
    await app.press(KEY.ctrlD);
    await app.type("x");
    const frame = await app.frame("x");
    expect(frame).toContain("Your explanation");
    expect((await h.tutor.progress(LEARNER)).answers).toBe(2);
  });
});

describe("quiz: feedback taller than the terminal", () => {
  it("keeps the verdict on screen and scrolls to the rest", async () => {
    await passStages(h.tutor, "tcp-reads", 1);
    const app = renderApp(h.tutor, quiz(2));
    await app.frame("Your explanation");
    app.resize(60, 14);
    await app.type("The kernel keeps the bytes in a receive buffer.");
    await app.press(KEY.ctrlD);
    // Too short to keep the self-assessment below the feedback: it leads it (tests/cli/self-assessment.test.tsx).
    await app.frame("Check yourself");
    await app.press("2");
    const top = await app.frame(
      (f) => f.includes("You rated your recall Hard") && f.includes("↓ more"),
      "the result",
    );
    // The stage leads the title line, so a narrow terminal cuts the lesson's name, not the stage.
    expect(top.split("\n")[0]).toMatch(/^2\. Articulate · TCP reads/);
    expect(top).not.toContain("Next review of this question");
    expect(top.split("\n").length).toBeLessThan(14);
    await app.press("G");
    const bottom = await app.frame("Next review of this question");
    expect(bottom).not.toContain("You rated your recall");
    expect(bottom).toContain("end · ↑↓ scroll");
    await app.press(KEY.up);
    await app.frame("↓ more (1 rows)");
    await app.press("g");
    await app.frame("You rated your recall Hard");
    await app.press(KEY.enter);
    await app.frame("finished");
  });
});

describe("quiz: stages 4 and 6", () => {
  it("asks for a design proposal in stage 4 and puts it in the journal", async () => {
    await passStages(h.tutor, "tcp-reads", 3);
    const app = renderApp(h.tutor, quiz(4));
    await app.frame("Your design proposal");
    await app.type("Map the pages into the process and give the pages back later.");
    await app.press(KEY.ctrlD);
    const frame = await app.frame("Key points");
    expect(frame).toContain("Key points: 2 of 2 covered");
    expect(frame).toContain("Saved to your journal as your design proposal.");
  });

  it("reorders items for an order question", async () => {
    await passStages(h.tutor, "tcp-reads", 3);
    const app = renderApp(h.tutor, quiz(4));
    await app.frame("Your design proposal");
    await app.type("map the pages, give the pages back");
    await app.press(KEY.ctrlD);
    await app.frame("Key points");
    await app.press(KEY.enter);
    await app.frame("Put these in order");
    const q = (await h.tutor.current(LEARNER))?.question;
    if (q?.type !== "order") throw new Error("fixture changed");
    // The items are shown out of order, so arranging them is needed.
    expect(q.shuffled).not.toEqual([0, 1, 2, 3]);
    await arrangeByKeys(app, q.shuffled);
    const arranged = await app.frame("1. The NIC writes the packet by DMA");
    expect(arranged).toMatch(
      /1\. The NIC writes[\s\S]*2\. The kernel reassembles[\s\S]*3\. The bytes wait[\s\S]*4\. recv\(\)/,
    );
    await app.press(KEY.enter);
    await app.frame("✔ Right");
  });

  it("shows a wrong order beside the right one, each a list aligned under its title", async () => {
    await passStages(h.tutor, "tcp-reads", 3);
    const app = renderApp(h.tutor, quiz(4));
    await app.frame("Your design proposal");
    await app.type("map the pages, give the pages back");
    await app.press(KEY.ctrlD);
    await app.frame("Key points");
    await app.press(KEY.enter);
    await app.frame("Put these in order");
    const q = (await h.tutor.current(LEARNER))?.question;
    if (q?.type !== "order") throw new Error("fixture changed");
    // Hand in the order as shown, which is not the right one.
    await app.press(KEY.enter);
    const frame = await app.frame("✘ Not quite");
    const lines = frame.split("\n");
    const mine = lines.indexOf("Your order:");
    expect(mine).toBeGreaterThan(-1);
    // The right order is the answer: not shown during an attempt.
    expect(lines.indexOf("The right order:")).toBe(-1);
    const listed = (from: number) => lines.slice(from + 1, from + 1 + q.items.length);
    expect(listed(mine)).toEqual(q.shuffled.map((item, i) => `  ${i + 1}. ${q.items[item]}`));
  });

  it("shows the stage-2 explanation beside the stage-6 reflection: then and now", async () => {
    await passStages(h.tutor, "tcp-reads", 5);
    const app = renderApp(h.tutor, quiz(6));
    await app.frame("Your reflection");
    await app.type("Small messages are cheaper to copy than page tricks cost.");
    await app.press(KEY.ctrlD);
    const frame = await app.frame("Then and now");
    // Side by side at 100 columns: the two headings share a row.
    expect(frame).toMatch(/Then: your stage-2 explanation.*Now: your reflection/);
    // passStages answered stage 2 with every key point as a sentence.
    expect(frame).toMatch(/It is true that The network card writes packets/);
    expect(frame).toMatch(/Small messages are cheaper to copy than page/);
    const journal = await h.tutor.thenAndNow(LEARNER, "tcp-reads");
    expect(journal.now?.text).toBe("Small messages are cheaper to copy than page tricks cost.");
    expect(frame).toContain("Saved to your journal as your reflection.");
  });
});

describe("quiz: typed answers", () => {
  it("grades a short answer and says what was expected", async () => {
    await passStages(h.tutor, "tcp-reads", 4);
    const app = renderApp(h.tutor, quiz(5));
    await app.frame("Type your answer");
    await app.press(KEY.tab);
    await app.type("sendfile");
    await app.press(KEY.enter);
    const frame = await app.frame("✘ Not quite");
    // The expected answer is not shown during an attempt.
    expect(frame).not.toMatch(/Answer: .*mmap/);
    expect(frame).toContain("You answered: sendfile");
  });

  it("asks again when a numeric answer is not a number, then grades it", async () => {
    await passStages(h.tutor, "tcp-reads", 5);
    await h.tutor.startQuiz(LEARNER, "tcp-reads", 6);
    const state = await h.tutor.current(LEARNER);
    // Answer the reflection first, through the engine, so the numeric question is current.
    await h.tutor.answer(LEARNER, {
      questionId: state?.question?.id as string,
      response: { kind: "text", text: "Small messages are cheaper to copy, and mapping pages costs too." },
    });
    const app = renderApp(h.tutor, { name: "resume" });
    const blank = await app.frame("Type a number (in KiB)");
    // The unit follows a blank, not a phrase: "› ? KiB".
    expect(blank).toContain("› ? KiB");
    await app.type("lots");
    await app.press(KEY.enter);
    // The notice itself ("type a number"), not the instruction above the input ("Type a number (in KiB)").
    const notice = await app.frame(
      (f) => /number/i.test(f) && f.includes("type a number") && f.includes("question 2 of 2"),
      "the notice",
    );
    expect(notice).not.toContain("✘");
    await app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    await app.type("128");
    await app.press(KEY.enter);
    const frame = await app.frame("✔ Right");
    expect(frame).toContain("All six stages done: the lesson is complete.");
  });
});

describe("quiz: leaving and coming back", () => {
  it("keeps the session when the learner goes home, and continue resumes it", async () => {
    const app = renderApp(h.tutor, quiz(1));
    await app.frame("What does recv() do");
    await app.press("1", KEY.enter);
    await app.frame("✔ Right");
    await app.press(KEY.escape);
    const home = await app.frame("Continue the stage 1 quiz");
    // Said once: the engine's step already starts with "Continue".
    expect(home).toMatch(/▶ Continue the stage 1 quiz/);
    expect(home).not.toContain("Continue: Continue");
    expect(home).toContain("question 2 of 2");
    await app.press(KEY.enter);
    await app.frame("Select all that apply");
  });

  it("refuses a locked stage with the engine's reason", async () => {
    const app = renderApp(h.tutor, quiz(3));
    const frame = await app.frame("locked");
    expect(frame).toContain("The stage 3 questions of TCP reads are locked: pass stage 2 first.");
  });
});
