import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StoreError, Tutor } from "../../engine/index.js";
import { historyOf } from "../helpers/engine.js";
import { passStages } from "./answers.js";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord.js";
import {
  buttonLabelled,
  callbackOf,
  deferredResult,
  EPHEMERAL,
  expectSafeMessage,
  FIXTURES,
  followUpsOf,
  type Harness,
  type MessageBody,
  startHarness,
} from "./harness.js";
import { ALICE, autocomplete, button, slash, str } from "./payloads.js";

const LEARNER = `discord:${ALICE}`;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void>)();
  vi.restoreAllMocks();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.dispose());
  return h;
}

async function shared(): Promise<{ dataDir: string; discord: FakeDiscord }> {
  const dataDir = await mkdtemp(join(tmpdir(), "bot-test-restart-"));
  const discord = await startFakeDiscord();
  cleanups.push(async () => {
    await discord.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { dataDir, discord };
}

async function startQuiz(h: Harness): Promise<MessageBody> {
  return deferredResult(await h.send(slash("quiz", [str("lesson", "pipe-buffers")])), {
    type: 5,
    ephemeral: true,
  });
}

function errorIdIn(text: string | undefined): string {
  const id = /error id `([0-9a-f]{8})`/.exec(text ?? "")?.[1];
  expect(id, `an error id in ${text}`).toBeDefined();
  return id as string;
}

describe("a restart between two button presses", () => {
  it("keeps the quiz: a button drawn by the old process works in the new one", async () => {
    const place = await shared();
    const before = await harness(place);
    const question = await startQuiz(before);
    await before.stop();

    // A new process: new Client, new Tutor, same data dir. The old message's button still answers.
    const after = await harness(place);
    const feedback = deferredResult(await after.send(button(buttonLabelled(question, "A").custom_id)), {
      type: 6,
    });
    expect(feedback.embeds?.[0]?.title).toBe("✅ Right");
    await after.stop();

    const third = await harness(place);
    const next = deferredResult(
      await third.send(button(buttonLabelled(feedback, /^Next question/).custom_id)),
      {
        type: 6,
      },
    );
    expect(next.embeds?.[0]?.title).toBe("Question 2 of 2");
    // The first question's buttons now say the quiz moved on, and show where it is.
    const stale = deferredResult(await third.send(button(buttonLabelled(question, "B").custom_id)), {
      type: 6,
    });
    expect(stale.content).toContain("your quiz has moved on");
    expect(stale.embeds?.[0]?.title).toBe("Question 2 of 2");
    const history = await historyOf(third.tutor, LEARNER);
    expect(history.map((r) => [r.questionId, r.correct])).toEqual([["pipe-where-bytes-wait", true]]);
  });

  it("says plainly how to resume when the quiz ended while the bot was away", async () => {
    const place = await shared();
    const before = await harness(place);
    const question = await startQuiz(before);
    await before.stop();
    // Meanwhile the same learner's quiz ended elsewhere (the terminal tutor shares the data dir).
    const terminal = await Tutor.open({ contentDir: FIXTURES, dataDir: place.dataDir });
    await terminal.endSession(LEARNER);
    await terminal.close();
    const after = await harness(place);
    const body = deferredResult(await after.send(button(buttonLabelled(question, "A").custom_id)), {
      type: 6,
    });
    expect(body.content).toBe(
      "There is no quiz in progress any more: it finished, or you started another one. Start one with `/quiz` or `/review`.",
    );
    expect(body.components).toEqual([]);
  });
});

describe("the error boundary", () => {
  it("turns a failure after a deferred reply into an ephemeral 'something went wrong' with an id in the log", async () => {
    const h = await harness();
    vi.spyOn(h.tutor, "catalog").mockRejectedValueOnce(new Error("disk on fire"));
    const requests = await h.send(slash("lessons"));
    const body = deferredResult(requests, { type: 5, ephemeral: true });
    expect(body.content).toMatch(
      /^Something went wrong on our side\. If it keeps happening, tell the server admins/,
    );
    expect(body.embeds).toEqual([]);
    const id = errorIdIn(body.content);
    const logged = h.logs.find((line) => line.includes(id));
    expect(logged).toContain("interaction failed");
    expect(logged).toContain("disk on fire");
    expect(logged).toContain("/lessons");
    expect(requests).toHaveLength(2);
  });

  it("after a public deferral, removes the public placeholder and tells the member alone", async () => {
    const h = await harness();
    vi.spyOn(h.tutor, "leaderboard").mockRejectedValueOnce(new Error("boom"));
    const requests = await h.send(slash("leaderboard"));
    expect(callbackOf(requests)).toEqual({ type: 5, data: { flags: 0 } });
    expect(
      requests.map((r) => `${r.method} ${r.path.replace(/\d{6,}/g, "N").replace(/token-N/, "T")}`),
    ).toEqual([
      "POST /interactions/N/T/callback",
      "DELETE /webhooks/N/T/messages/@original",
      "POST /webhooks/N/T",
    ]);
    const [followUp] = followUpsOf(requests);
    expect(followUp?.flags).toBe(EPHEMERAL);
    expectSafeMessage(followUp as MessageBody);
    errorIdIn(followUp?.content);
  });

  it("after a deferred update, follows up ephemerally and leaves the quiz message alone", async () => {
    const h = await harness();
    const question = await startQuiz(h);
    vi.spyOn(h.tutor, "answer").mockRejectedValueOnce(new Error("boom"));
    const requests = await h.send(button(buttonLabelled(question, "A").custom_id));
    expect(callbackOf(requests)).toEqual({ type: 6 });
    expect(requests.filter((r) => r.method === "PATCH")).toEqual([]);
    const followUps = followUpsOf(requests);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.flags).toBe(EPHEMERAL);
    errorIdIn(followUps[0]?.content);
    // The same button works once the fault is gone: nothing was recorded half-way.
    const retry = deferredResult(await h.send(button(buttonLabelled(question, "A").custom_id)), { type: 6 });
    expect(retry.embeds?.[0]?.title).toBe("✅ Right");
  });

  it("answers a failure before any acknowledgement with an ephemeral reply", async () => {
    const h = await harness();
    await passStages(h.tutor, LEARNER, "pipe-buffers", [1]);
    const question = await startQuiz(h);
    vi.spyOn(h.tutor, "question").mockImplementation(() => {
      throw new Error("index corrupted");
    });
    const requests = await h.send(button(buttonLabelled(question, "Write your answer").custom_id));
    expect(requests).toHaveLength(1);
    const callback = callbackOf(requests);
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    errorIdIn(callback.data?.content);
  });

  it("answers a failing autocomplete with no choices", async () => {
    const h = await harness();
    vi.spyOn(h.tutor, "lessons").mockImplementation(() => {
      throw new Error("boom");
    });
    const requests = await h.send(autocomplete("learn", [str("lesson", "pi", true)]));
    expect(requests).toHaveLength(1);
    expect(callbackOf(requests)).toEqual({ type: 8, data: { choices: [] } });
  });

  it("puts store trouble in words the member can act on", async () => {
    const h = await harness();
    vi.spyOn(h.tutor, "catalog").mockRejectedValueOnce(
      new StoreError("STORE_LOCKED", "held too long", "/secret/path/learners/x.json"),
    );
    const body = deferredResult(await h.send(slash("lessons")), { type: 5, ephemeral: true });
    expect(body.content).toMatch(
      /^Your progress is being saved by another tutor \(maybe the terminal app\) right now\./,
    );
    expect(body.content).not.toContain("/secret/path");
  });

  it("says an answer was not saved when the write was fenced off, and names a read-only folder", async () => {
    const h = await harness();
    vi.spyOn(h.tutor, "catalog")
      .mockRejectedValueOnce(new StoreError("STORE_LOCK_LOST", "lost", "/secret/path/learners/x.doc.json"))
      .mockRejectedValueOnce(
        new StoreError("STORE_READ_ONLY", "read-only", "/secret/path/learners/x.doc.json"),
      );
    const lost = deferredResult(await h.send(slash("lessons")), { type: 5, ephemeral: true });
    expect(lost.content).toMatch(/^Your last answer was not saved: .* Please answer again\./);
    const readOnly = deferredResult(await h.send(slash("lessons")), { type: 5, ephemeral: true });
    expect(readOnly.content).toMatch(
      /^The tutor cannot save progress right now \(its data folder cannot be written\)/,
    );
    expect(`${lost.content}${readOnly.content}`).not.toContain("/secret/path");
  });

  it("never answers twice: when Discord says the interaction is gone, it only logs", async () => {
    const h = await harness();
    h.discord.failNext(/^POST \/interactions\/\d+\/[^/]+\/callback$/, {
      status: 404,
      body: { message: "Unknown interaction", code: 10062 },
    });
    const requests = await h.send(slash("lessons"));
    expect(requests).toHaveLength(1);
    expect(
      h.logs.some((line) => line.includes("interaction failed") && line.includes("Unknown interaction")),
    ).toBe(true);
  });

  it("ignores a replayed dispatch of an interaction it has already taken", async () => {
    const h = await harness();
    const payload = slash("lessons");
    expect(await h.send(payload)).toHaveLength(2);
    expect(await h.send(payload)).toHaveLength(0);
  });

  it("tells the member about buttons and commands it does not know", async () => {
    const h = await harness();
    const old = callbackOf(await h.send(button("flashcards:flip:1")));
    expect(old).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(old.data?.content).toContain("older version of the tutor");
    const unknown = callbackOf(await h.send(slash("dance")));
    expect(unknown.data?.content).toContain("`/dance` is not a command of this version of the tutor");
  });
});

describe("shutdown", () => {
  it("stops taking interactions, finishes the running one and the engine's writes", async () => {
    const h = await harness();
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inside = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const real = h.tutor.catalog.bind(h.tutor);
    vi.spyOn(h.tutor, "catalog").mockImplementationOnce(async (learnerId) => {
      reached();
      await gate;
      return real(learnerId);
    });
    const close = vi.spyOn(h.tutor, "close");
    const first = h.send(slash("lessons"));
    await inside;
    const stopping = h.stop();
    // A new interaction during shutdown is told to come back later; it does not reach the engine.
    const late = slash("lessons");
    h.dispatch(late);
    release();
    const requests = await first;
    await stopping;
    const lateCallback = requests.filter((r) => r.path === `/interactions/${late.id}/${late.token}/callback`);
    expect(lateCallback.map((r) => r.body)).toEqual([
      {
        type: 4,
        data: expect.objectContaining({
          content: "The tutor is restarting. Try again in a minute; your progress is saved.",
          flags: EPHEMERAL,
        }),
      },
    ]);
    // The running one finished normally: deferred, then its answer.
    const running = requests.filter((r) => !r.path.includes(late.token) && !r.path.includes(`/${late.id}/`));
    deferredResult(running, { type: 5, ephemeral: true });
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe("a data dir shared with the terminal tutor", () => {
  it("loses no update when both write at once", async () => {
    const place = await shared();
    const h = await harness(place);
    const terminal = await Tutor.open({ contentDir: FIXTURES, dataDir: place.dataDir });
    const question = await startQuiz(h);
    // The bot answers while the terminal, in the same learner's file, opens a stage (a read-modify-write too).
    await Promise.all([
      h.send(button(buttonLabelled(question, "A").custom_id)),
      terminal.openStage(LEARNER, "pipe-sizes", 1),
      passStages(terminal, "local", "pipe-buffers", [1, 2, 3]),
    ]);
    await terminal.close();
    const alice = await h.tutor.store.read(LEARNER);
    const aliceHistory = await historyOf(h.tutor, LEARNER);
    expect(aliceHistory.map((r) => r.questionId)).toEqual(["pipe-where-bytes-wait"]);
    expect(alice.read["pipe-sizes"]?.[1]).toBeDefined();
    const localHistory = await historyOf(h.tutor, "local");
    expect(localHistory).toHaveLength(5);
  });
});
