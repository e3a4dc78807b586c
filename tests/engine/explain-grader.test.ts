/**
 * The offline explain grader judges meaning sentence by sentence: a paraphrase covers a key point, a negated claim
 * is a contradiction, terms without sentences, copies and answers about something else are flagged.
 * Questions are real quiz markdown read by the real parser; the NLP model is the real wink model.
 */
import { describe, expect, it } from "vitest";
import type { ExplainQuestion } from "../../engine/content/model.js";
import { parseQuiz } from "../../engine/content/parse-quiz.js";
import { calibrate, commonWords, jumbled, negate } from "../../engine/quiz/explain/calibrate.js";
import { gradeExplain } from "../../engine/quiz/explain/grade-explain.js";

const QUIZ = `---
lesson: reads
---

## Stage 2

### reads-explain (explain)

Explain what happens between a client connecting and your code holding its request.

- The kernel completes the handshake without the program
  - kernel + handshake / sets up the connection
  - program not involved
- Finished connections wait in a limited queue until accepted
  - connection / connections + wait / queue / queued
- Arriving bytes wait in a kernel buffer for each connection
  - kernel + buffer / memory / keeps / holds
- Reading copies bytes from the kernel into the program
  - read / recv / call + copies / copy
- The program must find where a request ends
  - find / parse + where it ends / end of the request / request is complete
  - part of a request / half a request

> **Explanation:** The kernel completes the handshake on its own and parks the finished connection in a queue until the program accepts it. Arriving bytes are kept in kernel memory for that connection. Each read copies whatever has arrived into the program's buffer, which may be part of a request, so the program keeps parsing until it finds where the request ends.
`;

const question = (() => {
  const issues: { message: string }[] = [];
  const quiz = parseQuiz("quizzes/reads.md", QUIZ, issues as never);
  if (!quiz) throw new Error(issues.map((i) => i.message).join("\n"));
  return quiz.questions[0] as ExplainQuestion;
})();

const synonyms = [
  ["kernel", "OS", "operating system"],
  ["queue", "line of", "waiting line"],
  ["program", "my code", "application"],
];
const grade = (text: string) => gradeExplain(question, text, { synonyms });

describe("the offline explain grader", () => {
  it("covers key points said in plain words, and quotes the sentence that covered each", () => {
    const verdict = grade(
      "When a client connects, the OS does the whole handshake by itself. The connection then waits in a line of ready connections until my code accepts it. What the client sends is held in OS memory for that connection. Each recv copies whatever has arrived into my buffer, maybe half a request, so I keep parsing until I find where it ends.",
    );
    expect(verdict.correct).toBe(true);
    expect(verdict.flags).toEqual([]);
    expect(verdict.keyPoints.map((k) => k.covered)).toEqual([true, true, true, true, true]);
    expect(verdict.keyPoints[0]?.evidence).toBe(
      "When a client connects, the OS does the whole handshake by itself.",
    );
    expect(verdict.keyPoints[2]?.evidence).toBe(
      "What the client sends is held in OS memory for that connection.",
    );
  });

  it("reads lemmas: other forms of the rubric's words count", () => {
    const verdict = grade(
      "The kernel completed handshakes. Connections were queued. Each call copied the bytes.",
    );
    expect(verdict.keyPoints.slice(0, 2).map((k) => k.covered)).toEqual([true, true]);
    expect(verdict.keyPoints[3]?.covered).toBe(true);
  });

  it("treats a negated key point as a contradiction that fails the answer, quoting it", () => {
    const verdict = grade(
      "My program, not the kernel, sets up the connection. Finished connections never wait in a queue. The kernel keeps bytes in a buffer for each connection. Each recv copies the bytes into my buffer. I parse until the request is complete.",
    );
    expect(verdict.correct).toBe(false);
    expect(verdict.keyPoints[0]).toMatchObject({
      covered: false,
      contradiction: "My program, not the kernel, sets up the connection.",
    });
    expect(verdict.keyPoints[1]).toMatchObject({
      covered: false,
      contradiction: "Finished connections never wait in a queue.",
    });
    expect(verdict.flags.filter((f) => f.kind === "contradiction").map((f) => f.final)).toEqual([
      false,
      false,
    ]);
  });

  it("keeps a negation to its own clause", () => {
    const verdict = grade(
      "The program does not do the handshake; the kernel sets up the connection. The program is not involved.",
    );
    expect(verdict.keyPoints[0]?.covered).toBe(true);
    expect(verdict.flags).toEqual([]);
    // A negative key point is met by an answer that says it negatively, and contradicted by one that does not.
    const involved = gradeExplain(
      {
        ...question,
        keyPoints: [{ text: "The program is not involved", phrasings: ["program not involved"] }],
      },
      "The program is involved in every step of it.",
    );
    expect(involved.keyPoints[0]?.contradiction).toBe("The program is involved in every step of it.");
  });

  it("reads what bypass, skip, instead of and rather than leave out as negated", () => {
    const bypass = grade("Arriving bytes bypass the kernel buffer and go straight to my code.");
    expect(bypass.keyPoints[2]).toMatchObject({
      covered: false,
      contradiction: "Arriving bytes bypass the kernel buffer and go straight to my code.",
    });
    const rather = grade("Each read hands over a pointer rather than a copy.");
    expect(rather.keyPoints[3]).toMatchObject({
      covered: false,
      contradiction: "Each read hands over a pointer rather than a copy.",
    });
    const instead = grade("Instead of a kernel buffer per connection, bytes go straight to my code.");
    expect(instead.keyPoints[2]?.contradiction).toBeDefined();
    // Only the thing replaced is negated: what comes after it is stated.
    const replaced = grade("Instead of a handshake in my code the kernel sets up the connection.");
    expect(replaced.keyPoints[0]?.covered).toBe(true);
  });

  it("reads who does what: the claim's doer swapped with another party is a contradiction", () => {
    const swapped = grade("My code completes the handshake before the kernel sees it.");
    expect(swapped.keyPoints[0]).toMatchObject({
      covered: false,
      contradiction: "My code completes the handshake before the kernel sees it.",
    });
    expect(grade("My code will complete the handshake first.").keyPoints[0]?.covered).toBe(false);
    // The same doer in other sentence shapes still covers it.
    for (const said of [
      "The kernel completes the handshake before my code sees it.",
      "The handshake is completed by the kernel before my code sees it.",
      "Before my code sees anything, the kernel completes the handshake.",
      "The kernel will complete the handshake before my code sees it.",
    ])
      expect(grade(said).keyPoints[0]?.covered, said).toBe(true);
  });

  it("reads a bare 'never do' or 'doesn't' as negating its own subject", () => {
    expect(
      grade("Customers wait in a queue at the bank, but connections never do.").keyPoints[1]?.covered,
    ).toBe(false);
    expect(
      grade("Customers wait in a queue at the bank, and connections do too.").keyPoints[1]?.covered,
    ).toBe(true);
  });

  it("negates only what instead of names, a verb group included", () => {
    const verdict = grade("Lost bytes are dropped instead of being copied by each read into my code.");
    expect(verdict.keyPoints[3]?.covered).toBe(false);
  });

  it("does not call a statement a contradiction when the rubric says the same point another way too", () => {
    const cold: ExplainQuestion = {
      ...question,
      keyPoints: [
        { text: "On a cold cache each page is a disk read", phrasings: ["cold / not cached + read"] },
      ],
    };
    const cached = gradeExplain(cold, "Pages are read whole from disk and then cached.", { synonyms });
    expect(cached.keyPoints[0]).toEqual({ text: "On a cold cache each page is a disk read", covered: false });
    expect(cached.flags).toEqual([]);
    // Said negatively, it is still a contradiction.
    const never = gradeExplain(cold, "On a cold cache no page is read.", { synonyms });
    expect(never.keyPoints[0]?.contradiction).toBe("On a cold cache no page is read.");
  });

  it("reads a word the answer glosses as what the gloss says, wherever the answer uses it", () => {
    const glossed = grade(
      "The front desk (the kernel) greets each client and finishes the handshake. Whatever a client sends is kept by the front desk, one pile for each connection.",
    );
    expect(glossed.keyPoints[2]).toMatchObject({
      covered: true,
      evidence: "Whatever a client sends is kept by the front desk, one pile for each connection.",
    });
    const called = grade("A desk, i.e. the kernel, keeps what arrives for each connection.");
    expect(called.keyPoints[2]?.covered).toBe(true);
    // An analogy that says what it maps counts the same way.
    const thinkOf = grade(
      "Think of the kernel as a receptionist. The receptionist keeps what arrives for each connection.",
    );
    expect(thinkOf.keyPoints[2]?.evidence).toBe("The receptionist keeps what arrives for each connection.");
    const like = grade("The kernel is like a clerk. The clerk keeps what arrives for each connection.");
    expect(like.keyPoints[2]?.covered).toBe(true);
    // Without the gloss the desk is only a desk.
    const bare = grade("Whatever a client sends is kept by the front desk, one pile for each connection.");
    expect(bare.keyPoints[2]?.covered).toBe(false);
  });

  it("fails the model answer with its claims negated", () => {
    const verdict = gradeExplain(question, negate(question.explanation), { synonyms, detectCopy: false });
    expect(verdict.correct).toBe(false);
    expect(verdict.flags.some((f) => f.kind === "contradiction")).toBe(true);
  });

  it("flags keyword stuffing as final, whatever the words: lists, jumbles and runs of terms", () => {
    for (const stuffed of [
      "kernel handshake, queue of finished connections, accepted, kernel buffer, recv copy, request ends, half a request",
      "kernel handshake queue wait connection kernel buffer memory read copies recv parse end request part",
      "Kernel handshake. Queue connections. Kernel buffer. Recv copy. Request end.",
    ]) {
      const verdict = grade(stuffed);
      expect(verdict.correct, stuffed).toBe(false);
      expect(
        verdict.flags.find((f) => f.kind === "stuffing"),
        stuffed,
      ).toMatchObject({ final: true });
    }
  });

  it("flags a copy of the model answer or of the lesson as final", () => {
    const copied = gradeExplain(question, question.explanation, { synonyms });
    expect(copied.correct).toBe(false);
    expect(copied.flags).toContainEqual(expect.objectContaining({ kind: "copy", final: true }));
    expect(copied.flags[0]?.message).toContain("the model answer");
    const lessonText =
      "Arriving bytes are acknowledged by the kernel and parked in the socket's receive buffer, a piece of kernel memory that belongs to that one connection, until a read copies them out.";
    const fromLesson = gradeExplain(question, lessonText, { synonyms, lessonText });
    expect(fromLesson.flags).toContainEqual(expect.objectContaining({ kind: "copy", final: true }));
    // Model answers are graded without the copy check when calibrating.
    expect(gradeExplain(question, question.explanation, { synonyms, detectCopy: false }).correct).toBe(true);
  });

  it("flags a fluent answer about something else, and gibberish, as off topic", () => {
    for (const other of [
      "Bread rises because yeast eats sugar and releases gas, which the gluten traps while the dough proves in a warm place.",
      "Florp wibble zanthe quorl. Mibbet strandle vorp kex, drimble fonch splay.",
    ]) {
      const verdict = grade(other);
      expect(verdict.correct).toBe(false);
      expect(verdict.flags).toContainEqual(expect.objectContaining({ kind: "off-topic", final: true }));
    }
  });

  it("does not read 'note' or 'notes' as a negation", () => {
    const noted: ExplainQuestion = {
      ...question,
      keyPoints: [{ text: "The notes are applied in order", phrasings: ["notes + applied"] }],
    };
    const applied = gradeExplain(noted, "Those notes are applied one after another.", { synonyms });
    expect(applied.keyPoints[0]?.covered).toBe(true);
    expect(applied.flags).toEqual([]);
    // A real negation still is one.
    const never = gradeExplain(noted, "Those notes are never applied.", { synonyms });
    expect(never.keyPoints[0]?.contradiction).toBe("Those notes are never applied.");
  });

  it("keeps the small words that carry a phrasing's point: 'off the loop' is not just 'loop'", () => {
    const off: ExplainQuestion = {
      ...question,
      keyPoints: [
        { text: "File reads stay off the event loop", phrasings: ["file / files + off the loop"] },
        { text: "The kernel answers before my program", phrasings: ["kernel + before my program"] },
      ],
    };
    const onLoop = gradeExplain(off, "I read files with blocking calls on the same loop.", { synonyms });
    expect(onLoop.keyPoints[0]?.covered).toBe(false);
    const offLoop = gradeExplain(off, "Files are read by a worker pool, off the loop.", { synonyms });
    expect(offLoop.keyPoints[0]?.covered).toBe(true);
    expect(
      gradeExplain(off, "The kernel hands the bytes to my program.", { synonyms }).keyPoints[1]?.covered,
    ).toBe(false);
    expect(
      gradeExplain(off, "The kernel answers the client before my program runs.", { synonyms }).keyPoints[1]
        ?.covered,
    ).toBe(true);
  });

  it("meets a phrasing within one predicate of a sentence, not from words spread over its clauses", () => {
    const spread: ExplainQuestion = {
      ...question,
      keyPoints: [
        { text: "Each thread has its own listening socket", phrasings: ["each thread + listening socket"] },
        { text: "The kernel queues the connection", phrasings: ["kernel + queue"] },
        { text: "Each image is ordered on its own stream", phrasings: ["own stream + ordered"] },
      ],
    };
    const covered = (text: string) =>
      gradeExplain(spread, text, { synonyms }).keyPoints.map((k) => k.covered);
    expect(
      covered(
        "All threads accept from one shared listening socket, waking every thread for each connection.",
      ),
    ).toEqual([false, false, false]);
    expect(covered("Each thread gets its own listening socket, so no lock is needed.")[0]).toBe(true);
    // The subject is shared by every predicate; a past participle after a comma describes the noun before it.
    expect(covered("The kernel completes the handshake, then puts the connection in a queue.")[1]).toBe(true);
    expect(covered("Each image travels on its own stream, ordered only within itself.")[2]).toBe(true);
    // An opening subordinate clause goes with the clause after its comma.
    expect(covered("When a connection is ready, the kernel puts it in a queue.")[1]).toBe(true);
  });

  it("calibration reports a phrasing that comes down to one common word", () => {
    const common = commonWords([
      "The program must wait for the kernel.",
      "Each read waits for data to arrive.",
      "The notification comes later.",
    ]);
    expect(common.has("wait")).toBe(true);
    expect(common.has("notification")).toBe(false);
    const rubric = (phrasings: string[]): ExplainQuestion => ({
      ...question,
      keyPoints: [
        { text: "The program waits for the notification", phrasings },
        ...question.keyPoints.slice(1),
      ],
    });
    const lone = (phrasings: string[]) =>
      calibrate(rubric(phrasings), { synonyms }, true, common).filter((p) =>
        p.message.includes("common word"),
      );
    expect(lone(["must wait / notification"])[0]?.message).toContain(
      'comes down to the one common word "wait" (its small words are not read), so any sentence that uses it',
    );
    expect(lone(["nothing to wait for / notification"])[0]?.message).toContain(
      "any sentence that negates it",
    );
    // Two content words, a part of its own, or a word written alone on purpose are fine.
    expect(lone(["must wait for the notification / notification"])).toEqual([]);
    expect(lone(["must wait + notification"])).toEqual([]);
    expect(lone(["wait / notification"])).toEqual([]);
    // Only the content bar checks it.
    expect(calibrate(rubric(["must wait / notification"]), { synonyms }, false, common)).toEqual([]);
  });

  it("jumbles a rubric's words in an order that does not depend on how the phrasings are written", () => {
    const reordered: ExplainQuestion = {
      ...question,
      keyPoints: [...question.keyPoints]
        .reverse()
        .map((k) => ({ ...k, phrasings: [...k.phrasings].reverse() })),
    };
    expect(jumbled(reordered)).toBe(jumbled(question));
    expect(jumbled(reordered, 3)).toBe(jumbled(question, 3));
    expect(jumbled(question, 1)).not.toBe(jumbled(question));
    // Each round fails the rubric, as calibration requires.
    for (const round of [0, 1, 2, 3, 4]) expect(grade(jumbled(question, round)).correct).toBe(false);
  });

  it("gives no credit for questions or for restating the prompt", () => {
    expect(grade("Does the kernel complete the handshake? Do connections wait in a queue?").score).toBe(0);
    expect(grade(question.prompt).score).toBe(0);
  });
});
