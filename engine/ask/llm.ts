/**
 * Optional answers written by a language model from the retrieved passages only, over any
 * OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp, vLLM).
 */
import type { Passage } from "./search.js";

export interface LlmConfig {
  /** The chat-completions endpoint, or a base URL to which /chat/completions is added. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/** From TUTOR_LLM_URL, TUTOR_LLM_MODEL, TUTOR_LLM_API_KEY and TUTOR_LLM_TIMEOUT_MS; undefined when unset. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  if (!env.TUTOR_LLM_URL || !env.TUTOR_LLM_MODEL) return undefined;
  const timeout = Number(env.TUTOR_LLM_TIMEOUT_MS);
  return {
    url: env.TUTOR_LLM_URL,
    model: env.TUTOR_LLM_MODEL,
    ...(env.TUTOR_LLM_API_KEY ? { apiKey: env.TUTOR_LLM_API_KEY } : {}),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 20_000,
  };
}

export function endpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith("/chat/completions") ? trimmed : `${trimmed}/chat/completions`;
}

const SYSTEM = `You are a tutor for backend, operating-system and database engineering.
Answer the learner's question using ONLY the numbered passages from the course's lessons.
Cite the passages you use as [1], [2], ... right after the sentence they support.
If the passages do not answer the question, say so plainly instead of guessing.
Be concise: at most about 150 words. Plain text or simple markdown; no HTML.`;

export function buildMessages(question: string, passages: Passage[]) {
  const numbered = passages
    .map(
      (p, i) =>
        `[${i + 1}] ${p.lessonTitle}, stage ${p.stage} (${p.stageTitle}), "${p.heading}":\n${p.excerpt}`,
    )
    .join("\n\n");
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: `Passages:\n\n${numbered}\n\nQuestion: ${question}` },
  ];
}

/** The model's answer; throws with a short reason on any HTTP, format or time-out failure. */
export async function completeWithModel(
  config: LlmConfig,
  question: string,
  passages: Passage[],
): Promise<string> {
  const response = await fetch(endpoint(config.url), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: config.model,
      messages: buildMessages(question, passages),
      temperature: 0.2,
    }),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  if (!response.ok) throw new Error(`the model server answered HTTP ${response.status}`);
  const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== "string" || !content.trim()) throw new Error("the model server sent no answer text");
  return content.trim();
}
