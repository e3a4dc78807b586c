/**
 * A minimal Discord gateway on a local WebSocket (RFC 6455 by hand, text frames only, no compression): enough for
 * discord.js to identify, become ready and receive dispatches. Nothing here reaches the network.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface GatewayPacket {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export interface FakeGateway {
  url: string;
  /** Resolves with the next packet the client sends with this op code (waits for it to arrive). */
  next(op: number): Promise<GatewayPacket>;
  /** Sends a dispatch (op 0) to the connected client. */
  dispatch(t: string, d: unknown): void;
  /** Resolves when the client has closed its connection. */
  closed: Promise<number | undefined>;
  close(): Promise<void>;
}

function frame(text: string, opcode = 0x1): Buffer {
  const payload = Buffer.from(text, "utf8");
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/** Parses complete client frames off the front of `buffer` (client frames are always masked). */
function parseFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const first = buffer[offset] as number;
    const second = buffer[offset + 1] as number;
    let length = second & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (buffer.length < at + 2) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (buffer.length < at + 8) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    const masked = (second & 0x80) !== 0;
    const maskAt = at;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const payload = Buffer.from(buffer.subarray(at, at + length));
    if (masked)
      for (let i = 0; i < payload.length; i++)
        payload[i] = (payload[i] as number) ^ (buffer[maskAt + (i % 4)] as number);
    frames.push({ opcode: first & 0x0f, payload });
    offset = at + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export async function startFakeGateway(): Promise<FakeGateway> {
  const received: GatewayPacket[] = [];
  const waiting: { op: number; resolve: (packet: GatewayPacket) => void }[] = [];
  let socket: Duplex | undefined;
  let sequence = 0;
  let onClosed: (code: number | undefined) => void = () => undefined;
  const closed = new Promise<number | undefined>((resolve) => {
    onClosed = resolve;
  });

  const deliver = (packet: GatewayPacket) => {
    const i = waiting.findIndex((w) => w.op === packet.op);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(packet);
    else received.push(packet);
  };
  const send = (packet: GatewayPacket) => socket?.write(frame(JSON.stringify(packet)));

  const server: Server = createServer((_request, response) => response.writeHead(426).end());
  server.on("upgrade", (request, duplex) => {
    const key = String(request.headers["sec-websocket-key"]);
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    duplex.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket = duplex;
    let pending: Buffer = Buffer.alloc(0);
    duplex.on("data", (chunk: Buffer) => {
      const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x8) {
          const code = payload.length >= 2 ? payload.readUInt16BE(0) : undefined;
          duplex.end(frame(payload.toString("latin1"), 0x8));
          onClosed(code);
          return;
        }
        if (opcode === 0x9) {
          duplex.write(frame(payload.toString("utf8"), 0xa));
          continue;
        }
        if (opcode !== 0x1) continue;
        const packet = JSON.parse(payload.toString("utf8")) as GatewayPacket;
        if (packet.op === 1) send({ op: 11 });
        deliver(packet);
      }
    });
    duplex.on("close", () => onClosed(undefined));
    duplex.on("error", () => undefined);
    send({ op: 10, d: { heartbeat_interval: 45_000 } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    next(op) {
      const i = received.findIndex((p) => p.op === op);
      if (i >= 0) return Promise.resolve(received.splice(i, 1)[0] as GatewayPacket);
      return new Promise((resolve) => waiting.push({ op, resolve }));
    },
    dispatch(t, d) {
      sequence += 1;
      send({ op: 0, t, s: sequence, d });
    },
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
