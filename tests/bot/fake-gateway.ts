/**
 * A minimal Discord gateway on a local WebSocket (RFC 6455 by hand, text frames only, no compression): enough for
 * discord.js to identify, become ready and receive dispatches, from one connection or several (shards). It keeps
 * Discord's rules on IDENTIFY: a valid `shard` ([id, count], the same count for every session), one session per
 * shard, one IDENTIFY per connection, the required shard count, and one IDENTIFY per bucket every 5 seconds.
 * Nothing here reaches the network.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { APIUser, GatewayGuildCreateDispatchData } from "discord-api-types/v10";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface GatewayPacket {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

/** One IDENTIFY as the gateway saw it, and what it did with it. */
export interface IdentifyRecord {
  /** The `shard` field: [shard id, shard count]; undefined when the client sent none. */
  shard: [number, number] | undefined;
  at: number;
  /** "ready", or why it was refused: a close code (4005, 4010, 4011) or 9 (invalid session: identified too soon). */
  outcome: "ready" | 4005 | 4010 | 4011 | 9;
}

/** An identified connection: one shard's session. */
export interface GatewaySession {
  shard: [number, number];
  sessionId: string;
  identify: GatewayPacket;
  /** Sends a dispatch (op 0) on this session. */
  dispatch(t: string, d: unknown): void;
  /** Resolves with the close code the client sent (undefined when the connection just dropped). */
  closed: Promise<number | undefined>;
  isOpen(): boolean;
}

export interface GatewayOptions {
  /**
   * What Discord sends a shard once it identified: READY (the bot's user, the servers of that shard as
   * unavailable) and then GUILD_CREATE for each of them. Without it, the test dispatches READY itself.
   */
  ready?: { user: APIUser; guilds: GatewayGuildCreateDispatchData[] };
  /** session_start_limit.max_concurrency: shards whose id modulo this differ identify in separate buckets. */
  maxConcurrency?: number;
  /** The shard count Discord requires for the bot's servers: an IDENTIFY with fewer is closed with 4011. */
  requiredShards?: number;
}

export interface FakeGateway {
  url: string;
  /** Every IDENTIFY received, in order. */
  identifies: IdentifyRecord[];
  /** Resolves with the next packet any client sends with this op code (waits for it to arrive). */
  next(op: number): Promise<GatewayPacket>;
  /**
   * Sends a dispatch (op 0) where Discord would: to the shard of `d.guild_id` ((id >> 22) % count), else to
   * shard 0; before any shard identified, to the one connection.
   */
  dispatch(t: string, d: unknown): void;
  /** The open session of a shard (other than `not`), waiting for it to identify. */
  session(shardId: number, not?: GatewaySession): Promise<GatewaySession>;
  /** Resolves when the first connection closed, with the client's close code. */
  closed: Promise<number | undefined>;
  close(): Promise<void>;
}

/** Discord: one IDENTIFY per rate-limit bucket (shard id modulo max_concurrency) every 5 seconds. */
export const IDENTIFY_WINDOW_MS = 5_000;

/** The shard Discord sends a server's events to. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

function frame(data: string | Buffer, opcode = 0x1): Buffer {
  const payload = typeof data === "string" ? Buffer.from(data, "utf8") : data;
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

function closeFrame(code: number, reason: string): Buffer {
  const payload = Buffer.concat([Buffer.from([code >> 8, code & 0xff]), Buffer.from(reason, "utf8")]);
  return Buffer.concat([Buffer.from([0x88, payload.length]), payload]);
}

interface Connection {
  socket: Duplex;
  sequence: number;
  open: boolean;
  session?: GatewaySession;
  closed: Promise<number | undefined>;
}

export async function startFakeGateway(options: GatewayOptions = {}): Promise<FakeGateway> {
  const received: GatewayPacket[] = [];
  const waiting: { op: number; resolve: (packet: GatewayPacket) => void }[] = [];
  const connections: Connection[] = [];
  const identifies: IdentifyRecord[] = [];
  const sessionWaiters: { shardId: number; not?: GatewaySession; resolve: (s: GatewaySession) => void }[] =
    [];
  const lastIdentify = new Map<number, number>();
  const concurrency = options.maxConcurrency ?? 1;
  let sessions = 0;

  const deliver = (packet: GatewayPacket) => {
    const i = waiting.findIndex((w) => w.op === packet.op);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(packet);
    else received.push(packet);
  };
  const send = (connection: Connection, packet: GatewayPacket) => {
    if (connection.open) connection.socket.write(frame(JSON.stringify(packet)));
  };
  const dispatchOn = (connection: Connection, t: string, d: unknown) => {
    connection.sequence += 1;
    send(connection, { op: 0, t, s: connection.sequence, d });
  };
  const refuse = (connection: Connection, code: number, reason: string) => {
    if (!connection.open) return;
    connection.socket.end(closeFrame(code, reason));
    connection.open = false;
  };
  const live = () => connections.filter((c) => c.open && c.session).map((c) => c.session as GatewaySession);

  const identify = (connection: Connection, packet: GatewayPacket) => {
    const d = packet.d as { shard?: [number, number] };
    const shard = d.shard;
    const record: IdentifyRecord = { shard, at: Date.now(), outcome: "ready" };
    identifies.push(record);
    const [id, count] = shard ?? [0, 1];
    if (connection.session) {
      record.outcome = 4005;
      return refuse(connection, 4005, "Already authenticated.");
    }
    const others = live();
    if (
      !Number.isInteger(id) ||
      !Number.isInteger(count) ||
      count < 1 ||
      id < 0 ||
      id >= count ||
      others.some((o) => o.shard[1] !== count || o.shard[0] === id)
    ) {
      record.outcome = 4010;
      return refuse(connection, 4010, "Invalid shard.");
    }
    if (count < (options.requiredShards ?? 1)) {
      record.outcome = 4011;
      return refuse(connection, 4011, "Sharding required.");
    }
    const bucket = id % concurrency;
    const previous = lastIdentify.get(bucket);
    lastIdentify.set(bucket, record.at);
    if (previous !== undefined && record.at - previous < IDENTIFY_WINDOW_MS) {
      record.outcome = 9;
      return send(connection, { op: 9, d: false });
    }
    sessions += 1;
    const session: GatewaySession = {
      shard: [id, count],
      sessionId: `session-${sessions}`,
      identify: packet,
      dispatch: (t, data) => dispatchOn(connection, t, data),
      closed: connection.closed,
      isOpen: () => connection.open,
    };
    connection.session = session;
    if (options.ready) {
      const guilds = options.ready.guilds.filter((g) => shardOf(g.id, count) === id);
      dispatchOn(connection, "READY", {
        v: 10,
        user: options.ready.user,
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.sessionId,
        resume_gateway_url: url,
        application: { id: options.ready.user.id, flags: 0 },
        shard: [id, count],
      });
      for (const guild of guilds) dispatchOn(connection, "GUILD_CREATE", guild);
    }
    for (const waiter of [...sessionWaiters]) {
      if (waiter.shardId !== id || waiter.not === session) continue;
      sessionWaiters.splice(sessionWaiters.indexOf(waiter), 1);
      waiter.resolve(session);
    }
  };

  const server: Server = createServer((_request, response) => response.writeHead(426).end());
  server.on("upgrade", (request, duplex) => {
    const key = String(request.headers["sec-websocket-key"]);
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    duplex.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    let onClosed: (code: number | undefined) => void = () => undefined;
    const connection: Connection = {
      socket: duplex,
      sequence: 0,
      open: true,
      closed: new Promise((resolve) => {
        onClosed = resolve;
      }),
    };
    connections.push(connection);
    let pending: Buffer = Buffer.alloc(0);
    duplex.on("data", (chunk: Buffer) => {
      const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x8) {
          const code = payload.length >= 2 ? payload.readUInt16BE(0) : undefined;
          if (connection.open) duplex.end(frame(payload, 0x8));
          connection.open = false;
          onClosed(code);
          return;
        }
        if (opcode === 0x9) {
          duplex.write(frame(payload, 0xa));
          continue;
        }
        if (opcode !== 0x1 || !connection.open) continue;
        const packet = JSON.parse(payload.toString("utf8")) as GatewayPacket;
        if (packet.op === 1) send(connection, { op: 11 });
        if (packet.op === 2) identify(connection, packet);
        deliver(packet);
      }
    });
    // A client that dies (a killed shard) leaves no close frame: its socket just ends.
    duplex.on("end", () => {
      connection.open = false;
      duplex.end();
      onClosed(undefined);
    });
    duplex.on("close", () => {
      connection.open = false;
      onClosed(undefined);
    });
    duplex.on("error", () => undefined);
    send(connection, { op: 10, d: { heartbeat_interval: 45_000 } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}`;
  let firstClosed: (code: number | undefined) => void = () => undefined;
  const closed = new Promise<number | undefined>((resolve) => {
    firstClosed = resolve;
  });
  server.once("upgrade", () => void connections[0]?.closed.then(firstClosed));
  return {
    url,
    identifies,
    next(op) {
      const i = received.findIndex((p) => p.op === op);
      if (i >= 0) return Promise.resolve(received.splice(i, 1)[0] as GatewayPacket);
      return new Promise((resolve) => waiting.push({ op, resolve }));
    },
    dispatch(t, d) {
      const sessionsNow = live();
      if (sessionsNow.length === 0) {
        const last = connections.filter((c) => c.open).at(-1);
        if (!last) throw new Error(`no connection to dispatch ${t} on`);
        return dispatchOn(last, t, d);
      }
      const count = (sessionsNow[0] as GatewaySession).shard[1];
      const guildId = (d as { guild_id?: string }).guild_id;
      const shardId = guildId ? shardOf(guildId, count) : 0;
      const session = sessionsNow.find((s) => s.shard[0] === shardId);
      if (!session) throw new Error(`shard ${shardId} has no session to dispatch ${t} on`);
      session.dispatch(t, d);
    },
    session(shardId, not) {
      const found = live().find((s) => s.shard[0] === shardId && s !== not);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => sessionWaiters.push({ shardId, ...(not ? { not } : {}), resolve }));
    },
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
