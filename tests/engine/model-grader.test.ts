/**
 * Model grading of explain answers against a fake OpenAI-compatible endpoint on loopback: a good reply is used, a
 * slow one, junk or a reply of the wrong shape falls back to the offline grader, and the offline guards hold
 * whatever the model says.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ExplainQuestion } from "../../engine/content/model.js";
import { parseQuiz } from "../../engine/content/parse-quiz.js";
import { gradeExplain } from "../../engine/quiz/explain/grade-explain.js";
import { gradeWithModel } from "../../engine/quiz/explain/model-grader.js";

const QUIZ = `---
lesson: reads
---

## Stage 2

### reads-explain (explain)

Explain what happens between a client connecting and your code holding its request.

- The kernel completes the handshake
  - kernel + handshake
- Bytes wait in kernel memory for each connection
  - kernel + memory / buffer
- Reading copies bytes into the program
  - read / recv + copies / copy

> **Explanation:** The kernel completes the handshake. Bytes wait in kernel memory for each connection. Each read copies them into the program's buffer.
`;

const question = parseQuiz("quizzes/reads.md", QUIZ, [])?.questions[0] as ExplainQuestion;

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** A fake chat-completions endpoint; `reply` answers each request, and the requests' bodies are kept. */
async function endpoint(reply: (body: { messages: { content: string }[] }, res: ServerResponse) => void) {
  const bodies: { model: string; messages: { role: string; content: string }[] }[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const body = JSON.parse(raw);
      bodies.push(body);
      reply(body, res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { config: { url: `http://127.0.0.1:${port}/v1`, model: "grader", timeoutMs: 500 }, bodies };
}

const json = (res: ServerResponse, content: string) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ choices: [{ message: { content } }] }));
};

const allCovered = (evidence: string) =>
  JSON.stringify({
    keyPoints: [1, 2, 3].map((index) => ({ index, covered: true, contradicted: false, evidence })),
  });

describe("model grading of explain answers", () => {
  it("grades with the model's verdict, keeping only evidence the learner really wrote", async () => {
    const answer =
      "The operating system finishes the connection setup without me. Incoming data is parked by the OS per client. My read call duplicates it into my array.";
    const { config, bodies } = await endpoint((_, res) =>
      json(
        res,
        "```json\n" +
          JSON.stringify({
            keyPoints: [
              {
                index: 1,
                covered: true,
                evidence: "The operating system finishes the connection setup without me.",
              },
              { index: 2, covered: true, evidence: "Words the learner never wrote." },
              { index: 3, covered: true, evidence: "My read call duplicates it into my array." },
            ],
          }) +
          "\n```",
      ),
    );
    const verdict = await gradeWithModel(config, question, answer, gradeExplain(question, answer));
    expect(verdict).toMatchObject({ gradedBy: "model", correct: true, score: 1, flags: [] });
    expect(verdict.keyPoints.map((k) => k.evidence)).toEqual([
      "The operating system finishes the connection setup without me.",
      undefined,
      "My read call duplicates it into my array.",
    ]);
    // The rubric and the answer went to the model, the answer marked as data.
    const sent = bodies[0]?.messages.map((m) => m.content).join("\n") ?? "";
    expect(bodies[0]?.model).toBe("grader");
    expect(sent).toContain("1. The kernel completes the handshake");
    expect(sent).toContain(`<<<ANSWER\n${answer}\nANSWER>>>`);
  });

  it("falls back to the offline grader when the model does not answer in time", async () => {
    const { config } = await endpoint((_, res) => setTimeout(() => json(res, allCovered("x")), 2000));
    const answer = "The kernel completes the handshake.";
    const offline = gradeExplain(question, answer);
    const verdict = await gradeWithModel(config, question, answer, offline);
    expect(verdict.gradedBy).toBe("offline");
    expect(verdict.modelError).toBe("the model did not answer within 500 ms");
    expect(verdict.keyPoints).toEqual(offline.keyPoints);
  });

  it("falls back when the reply is junk, not JSON, the wrong shape or leaves points out", async () => {
    for (const junk of [
      "I think the answer is pretty good!",
      "{ not json",
      JSON.stringify({ verdict: "pass" }),
      JSON.stringify({ keyPoints: [{ index: 1, covered: true }] }),
    ]) {
      const { config } = await endpoint((_, res) => json(res, junk));
      const verdict = await gradeWithModel(config, question, "The kernel completes the handshake.", {
        correct: false,
        score: 1 / 3,
        keyPoints: [],
        flags: [],
      });
      expect(verdict.gradedBy, junk).toBe("offline");
      expect(verdict.modelError, junk).toMatch(/JSON|shape|leaves out/);
      server?.close();
    }
    const { config } = await endpoint((_, res) => {
      res.writeHead(500);
      res.end();
    });
    const failed = await gradeWithModel(config, question, "x", {
      correct: false,
      score: 0,
      keyPoints: [],
      flags: [],
    });
    expect(failed.modelError).toBe("the model server answered HTTP 500");
  });

  it("keeps keyword stuffing failed when the model passes it", async () => {
    const stuffed = "kernel handshake, kernel memory, buffer, read copies, recv copy, handshake kernel";
    const { config } = await endpoint((_, res) => json(res, allCovered(stuffed)));
    const verdict = await gradeWithModel(config, question, stuffed, gradeExplain(question, stuffed));
    expect(verdict.gradedBy).toBe("model");
    expect(verdict.score).toBe(1);
    expect(verdict.correct).toBe(false);
    expect(verdict.flags).toContainEqual(expect.objectContaining({ kind: "stuffing", final: true }));
  });

  it("keeps an offline contradiction, and adds the model's", async () => {
    const answer = "The kernel does not complete the handshake. Each read copies bytes into my buffer.";
    const { config } = await endpoint((_, res) =>
      json(
        res,
        JSON.stringify({
          keyPoints: [
            { index: 1, covered: true },
            {
              index: 2,
              covered: false,
              contradicted: true,
              evidence: "Each read copies bytes into my buffer.",
            },
            { index: 3, covered: true },
          ],
        }),
      ),
    );
    const verdict = await gradeWithModel(config, question, answer, gradeExplain(question, answer));
    expect(verdict.correct).toBe(false);
    expect(verdict.flags.filter((f) => f.kind === "contradiction").map((f) => f.evidence)).toEqual([
      "The kernel does not complete the handshake.",
      "Each read copies bytes into my buffer.",
    ]);
  });
});
