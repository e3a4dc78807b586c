/**
 * A local stand-in for Discord's HTTP API: records every request the bot makes and answers like Discord would.
 * Nothing here reaches the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { APP_ID, CHANNEL_ID } from "./payloads.js";

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/1/tok/callback. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Files of a multipart request (the body is then its payload_json). */
  files?: RecordedFile[];
}

export interface RecordedFile {
  /** The form field, files[n]. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Discord's upload limit for a bot's message in a server without boosts, as interactions report it. */
export const ATTACHMENT_SIZE_LIMIT = 8_388_608;

/** A multipart/form-data body as Discord reads it: payload_json, and files[n] parts. */
function parseMultipart(raw: Buffer, contentType: string): { body: unknown; files: RecordedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const mark = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  const files: RecordedFile[] = [];
  let body: unknown;
  let at = raw.indexOf(mark);
  while (at >= 0) {
    const start = at + mark.length;
    const next = raw.indexOf(mark, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // past CRLF, before CRLF
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? "";
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === "payload_json") body = JSON.parse(data.toString("utf8"));
    else if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? "";
      files.push({ field: name, filename, contentType: type, data: Buffer.from(data) });
    }
    at = next;
  }
  return { body, files };
}

export interface CannedReply {
  status: number;
  body?: unknown;
}

export interface FakeDiscord {
  /** The base to give discord.js as `rest.api` (or DISCORD_API_BASE). */
  url: string;
  requests: RecordedRequest[];
  /** Answers the next request whose "METHOD path" matches with this reply instead. */
  failNext(match: RegExp, reply: CannedReply): void;
  /** Answers every matching request with this reply (e.g. GET /gateway/bot). */
  respond(match: RegExp, reply: CannedReply | ((request: RecordedRequest) => CannedReply)): void;
  /** Resolves with the first request whose "METHOD path" matches, waiting for it if it has not come yet. */
  waitFor(match: RegExp): Promise<RecordedRequest>;
  /**
   * Holds the answer to the next matching request until `release()`: the bot is then in the middle of that
   * interaction (as when Discord is slow). `arrived` resolves once the request is in.
   */
  hold(match: RegExp): { arrived: Promise<RecordedRequest>; release(): void };
  close(): Promise<void>;
}

let messageIds = 5_000_000_000_000_000n;

/**
 * The message Discord would return for a webhook send or edit, or for a message the bot posts in a channel: what
 * was sent, plus the fields Discord adds.
 */
function messageFrom(
  body: Record<string, unknown>,
  applicationId: string,
  channelId = CHANNEL_ID,
  viaWebhook = true,
): Record<string, unknown> {
  messageIds += 1n;
  return {
    id: String(messageIds),
    channel_id: channelId,
    type: 0,
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    author: {
      id: applicationId,
      username: "tutor",
      discriminator: "0000",
      global_name: null,
      avatar: null,
      bot: true,
    },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: body.flags ?? 0,
    ...(viaWebhook ? { webhook_id: applicationId } : {}),
  };
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; files?: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) return parseMultipart(raw, type);
  const text = raw.toString("utf8");
  if (!text) return { body: undefined };
  return { body: type.includes("json") ? JSON.parse(text) : text };
}

function send(response: ServerResponse, reply: CannedReply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  response.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const once: { match: RegExp; reply: CannedReply }[] = [];
  const waiters: { match: RegExp; resolve: (request: RecordedRequest) => void }[] = [];
  const always: { match: RegExp; reply: CannedReply | ((request: RecordedRequest) => CannedReply) }[] = [];
  const holds: { match: RegExp; arrived: (request: RecordedRequest) => void; released: Promise<void> }[] = [];

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const { body, files } = await readBody(request);
      const recorded: RecordedRequest = {
        method: request.method ?? "GET",
        path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ""),
        query: Object.fromEntries(url.searchParams),
        body,
        headers: request.headers,
        ...(files ? { files } : {}),
      };
      requests.push(recorded);
      const key = `${recorded.method} ${recorded.path}`;
      for (const waiter of waiters.filter((w) => w.match.test(key))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
      const held = holds.findIndex((h) => h.match.test(key));
      if (held >= 0) {
        const [entry] = holds.splice(held, 1);
        entry?.arrived(recorded);
        await entry?.released;
      }
      // Discord's limits on files: 10 a message, each within the upload limit.
      if (files && (files.length > 10 || files.some((f) => f.data.length > ATTACHMENT_SIZE_LIMIT))) {
        send(response, { status: 413, body: { message: "Request entity too large", code: 40005 } });
        return;
      }
      const canned = once.findIndex((c) => c.match.test(key));
      if (canned >= 0) {
        const [entry] = once.splice(canned, 1);
        send(response, (entry as { reply: CannedReply }).reply);
        return;
      }
      const rule = always.find((c) => c.match.test(key));
      if (rule) {
        send(response, typeof rule.reply === "function" ? rule.reply(recorded) : rule.reply);
        return;
      }
      const webhook = /^\/webhooks\/(\d+)\/[^/]+(\/messages\/(@original|\d+))?$/.exec(recorded.path);
      const channel = /^\/channels\/(\d+)\/(messages|typing)$/.exec(recorded.path);
      if (recorded.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(recorded.path)) {
        send(response, { status: 204 });
      } else if (webhook && recorded.method === "DELETE") {
        send(response, { status: 204 });
      } else if (webhook && (recorded.method === "PATCH" || recorded.method === "POST")) {
        send(response, {
          status: 200,
          body: messageFrom(recorded.body as Record<string, unknown>, webhook[1] as string),
        });
      } else if (channel && recorded.method === "POST" && channel[2] === "typing") {
        send(response, { status: 204 });
      } else if (channel && recorded.method === "POST") {
        send(response, {
          status: 200,
          body: messageFrom(recorded.body as Record<string, unknown>, APP_ID, channel[1] as string, false),
        });
      } else if (recorded.method === "POST" && recorded.path === "/users/@me/channels") {
        // A direct message channel with the recipient: its id is derived from theirs, as stable as Discord's.
        const recipient = String((recorded.body as { recipient_id?: string }).recipient_id);
        send(response, {
          status: 200,
          body: {
            id: String(BigInt(recipient) + 1000n),
            type: 1,
            last_message_id: null,
            recipients: [
              { id: recipient, username: "member", discriminator: "0000", global_name: null, avatar: null },
            ],
          },
        });
      } else if (recorded.method === "PUT" && /\/commands$/.test(recorded.path)) {
        const body = recorded.body as Record<string, unknown>[];
        send(response, {
          status: 200,
          body: body.map((c, i) => ({ id: String(700000000000000000n + BigInt(i)), ...c })),
        });
      } else {
        send(response, { status: 404, body: { message: "404: Not Found", code: 0 } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    failNext(match, reply) {
      once.push({ match, reply });
    },
    respond(match, reply) {
      always.push({ match, reply });
    },
    waitFor(match) {
      const seen = requests.find((r) => match.test(`${r.method} ${r.path}`));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    hold(match) {
      let arrived: (request: RecordedRequest) => void = () => undefined;
      let release: () => void = () => undefined;
      const entry = {
        match,
        arrived: (request: RecordedRequest) => arrived(request),
        released: new Promise<void>((resolve) => {
          release = resolve;
        }),
      };
      holds.push(entry);
      return {
        arrived: new Promise<RecordedRequest>((resolve) => {
          arrived = resolve;
        }),
        release,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
