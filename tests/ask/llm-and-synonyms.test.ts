import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ask } from "../../engine/ask/ask.js";
import { endpoint, llmConfigFromEnv } from "../../engine/ask/llm.js";
import { SectionIndex } from "../../engine/ask/search.js";
import { loadSynonyms } from "../../engine/ask/synonyms.js";
import type { ContentIssue } from "../../engine/errors.js";
import { defaultContentDir, loadContent } from "../../engine/index.js";
import { tempDir } from "../helpers/engine.js";

const { catalog } = await loadContent(defaultContentDir());
const index = new SectionIndex(catalog.lessons, catalog.synonyms);

interface Seen {
  url: string;
  authorization?: string;
  body: { model: string; messages: { role: string; content: string }[]; temperature: number };
}

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A local server that speaks the chat-completions API; one that `hangs` never answers (until afterEach). */
async function modelServer(reply: (seen: Seen) => { status: number; body: unknown; hangs?: boolean }) {
  const seen: Seen[] = [];
  server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const entry: Seen = {
      url: req.url ?? "",
      body: JSON.parse(raw),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    seen.push(entry);
    const { status, body, hangs } = reply(entry);
    if (hangs) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/v1`, seen };
}

describe("answers written by a language model", () => {
  it("sends the question and the retrieved passages only, and returns the model's cited answer", async () => {
    const { base, seen } = await modelServer(() => ({
      status: 200,
      body: {
        choices: [
          { message: { role: "assistant", content: "A torn page is a page only partly written [1]." } },
        ],
      },
    }));
    const result = await ask(index, "what is a torn page?", {
      url: base,
      model: "tiny",
      apiKey: "sk-test",
      timeoutMs: 5000,
    });
    expect(result.answer).toBe("A torn page is a page only partly written [1].");
    expect(result.model).toEqual({ used: true, name: "tiny" });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("/v1/chat/completions");
    expect(seen[0]?.authorization).toBe("Bearer sk-test");
    expect(seen[0]?.body.model).toBe("tiny");
    const [system, user] = seen[0]?.body.messages ?? [];
    expect(system?.role).toBe("system");
    expect(system?.content).toContain("ONLY the numbered passages");
    expect(user?.content).toContain("Question: what is a torn page?");
    expect(user?.content).toContain(
      `[1] ${result.passages[0]?.lessonTitle}, stage ${result.passages[0]?.stage}`,
    );
    expect(user?.content).toContain(result.passages[0]?.excerpt);
  });

  it("falls back to the passages and says so when the server fails", async () => {
    const { base } = await modelServer(() => ({ status: 500, body: { error: "boom" } }));
    const result = await ask(index, "what is a torn page?", { url: base, model: "tiny", timeoutMs: 5000 });
    expect(result.answer).toBeUndefined();
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.model).toEqual({ used: false, name: "tiny", error: "the model server answered HTTP 500" });
    expect(result.message).toContain("The language model was not used: the model server answered HTTP 500");
  });

  it("falls back when the model does not answer in time", async () => {
    const { base } = await modelServer(() => ({ status: 200, body: { choices: [] }, hangs: true }));
    const result = await ask(index, "what is a torn page?", { url: base, model: "slow", timeoutMs: 100 });
    expect(result.model?.error).toBe("it did not answer in time");
    expect(result.passages[0]?.lessonId).toBe("torn-pages");
  });

  it("does not call the model for a question the lessons do not cover", async () => {
    const { base, seen } = await modelServer(() => ({ status: 200, body: {} }));
    const result = await ask(index, "how do I bake sourdough bread?", {
      url: base,
      model: "tiny",
      timeoutMs: 5000,
    });
    expect(result.confident).toBe(false);
    expect(seen).toHaveLength(0);
  });

  it("is configured from the environment, and off without it", () => {
    expect(llmConfigFromEnv({})).toBeUndefined();
    expect(llmConfigFromEnv({ TUTOR_LLM_URL: "http://127.0.0.1:11434/v1" })).toBeUndefined();
    expect(
      llmConfigFromEnv({ TUTOR_LLM_URL: "http://x/v1", TUTOR_LLM_MODEL: "m", TUTOR_LLM_API_KEY: "k" }),
    ).toEqual({
      url: "http://x/v1",
      model: "m",
      apiKey: "k",
      timeoutMs: 20000,
    });
    expect(endpoint("http://x/v1/")).toBe("http://x/v1/chat/completions");
    expect(endpoint("http://x/v1/chat/completions")).toBe("http://x/v1/chat/completions");
  });
});

describe("the synonym list that lives with the content", () => {
  it("recognises every spelling of an idea in a question", () => {
    const zc = index.conceptsOf("how does ZC work").map((c) => c.token);
    expect(index.conceptsOf("how does zero-copy work").map((c) => c.token)).toEqual(zc);
    expect(index.conceptsOf("zerocopy?").map((c) => c.token)).toEqual(zc);
    expect(zc).toHaveLength(1);
    expect(index.conceptsOf("p99 spikes")).toEqual(index.conceptsOf("our tail latency spikes"));
    expect(index.conceptsOf("how do I bake bread")).toEqual([]);
  });

  it("finds a lesson by an acronym the lesson never spells out", async () => {
    const withSynonyms = await ask(index, "FPW");
    const without = await ask(new SectionIndex(catalog.lessons, []), "FPW");
    expect(withSynonyms.lessons[0]?.id).toBe("torn-pages");
    expect(withSynonyms.confident).toBe(true);
    expect(without.confident).toBe(false);
  });

  it("reports a malformed group with its line", async () => {
    const dir = tempDir();
    const path = join(dir, "synonyms.yml");
    writeFileSync(path, "- [fsync, fdatasync]\n- [lonely]\n- just a string\n");
    const issues: ContentIssue[] = [];
    expect(await loadSynonyms(path, "lessons/synonyms.yml", issues)).toEqual([["fsync", "fdatasync"]]);
    expect(issues).toEqual([
      {
        file: "lessons/synonyms.yml",
        line: 2,
        message: "each group is a list of at least two spellings, like `- [fsync, fdatasync]`",
      },
      {
        file: "lessons/synonyms.yml",
        line: 3,
        message: "each group is a list of at least two spellings, like `- [fsync, fdatasync]`",
      },
    ]);
  });
});
