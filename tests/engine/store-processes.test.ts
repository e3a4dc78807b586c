// The JSON store shared by separate processes: concurrent writers and a writer killed mid-stream.
// In the "process" project (vitest.config.ts): each test starts node processes.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswerRecord } from "../../engine/progress/model.js";
import { JsonProgressStore } from "../../engine/progress/store.js";
import { tempDir } from "../helpers/engine.js";

const WRITER = new URL("../helpers/store-writer.ts", import.meta.url).pathname;

function writer(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", WRITER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

/** Resolves once the writer has reported `count` finished writes (it prints "wrote <n>" after each). */
function wrote(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes(`wrote ${count}\n`)) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the writer exited (${code}) after:\n${out}`)));
  });
}

describe("the JSON progress store across processes", () => {
  it("loses no update when two processes answer for the same learner at once", async () => {
    const dir = tempDir();
    const a = writer([dir, "shared", "a", "60"]);
    const b = writer([dir, "shared", "b", "60"]);
    const [codeA, codeB] = await Promise.all([exited(a), exited(b)]);
    expect([codeA, codeB]).toEqual([0, 0]);
    const doc = await new JsonProgressStore(dir).read("shared");
    const ids = doc.history.map((r) => r.questionId);
    expect(ids).toHaveLength(120);
    for (const tag of ["a", "b"]) {
      const mine = ids.filter((id) => id.startsWith(`${tag}-`));
      expect(mine).toEqual(Array.from({ length: 60 }, (_, i) => `${tag}-${i}`));
    }
  });

  it("leaves a parseable document when a writer is killed with SIGKILL mid-stream", async () => {
    const dir = tempDir();
    const child = writer([dir, "victim", "k", "forever", "200000"]);
    // Killed while it is writing one large document after another, not before its first write.
    await wrote(child, 5);
    child.kill("SIGKILL");
    await exited(child);
    const file = join(dir, "learners", "victim.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.history.length).toBeGreaterThan(0);
    // The lock a killed writer may leave behind is taken over once stale (5 s without an update), and the
    // store goes on working. Age the lock instead of waiting those seconds out.
    const lock = `${file}.lock`;
    if (existsSync(lock)) utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const store = new JsonProgressStore(dir);
    const before = doc.history.length;
    await store.update("victim", (d) => {
      d.history.push({ ...(d.history[0] as AnswerRecord), questionId: "after-kill" });
    });
    expect((await store.read("victim")).history.length).toBeGreaterThan(before);
  }, 40_000);
});
