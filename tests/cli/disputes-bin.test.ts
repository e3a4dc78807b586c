// `tutor check --disputes`, `tutor progress` and `tutor journal` on a data folder where learners self-assessed
// explain answers: the built bin, spawned as an author or a script would run it.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Tutor } from "../../engine/index.js";
import { expectOk } from "../helpers/result.js";
import { FIXTURES, LEARNER, passStages } from "./helpers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(inject("buildDir"), "tutor.js");
let dataDir: string;

function tutor(args: string[], data = dataDir) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TUTOR_CONTENT_DIR: FIXTURES,
      TUTOR_DATA_DIR: data,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function explainAndDispute(engine: Tutor, learner: string, text: string, disputed: number[]) {
  await passStages(engine, "tcp-reads", 1);
  expectOk(await engine.startQuiz(learner, "tcp-reads", 2));
  expectOk(
    await engine.answer(learner, { questionId: "explain-tcp-read", response: { kind: "text", text } }),
  );
  expectOk(await engine.selfAssess(learner, "explain-tcp-read", { disputed, rating: "good" }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tutor-disputes-bin-"));
  const engine = await Tutor.open({ contentDir: FIXTURES, dataDir });
  await explainAndDispute(engine, LEARNER, "The kernel keeps the bytes in a receive buffer.", [0]);
  await engine.close();
  appendFileSync(join(dataDir, "disputes", "explain-tcp-read.jsonl"), "not json\n");
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("tutor check --disputes", () => {
  it("prints each disputed key point with counts and the answer as an example, and skips unreadable lines", () => {
    const run = tutor(["check", "--disputes"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("explain-tcp-read (tcp-reads): 1 self-assessment with disputes");
    expect(run.stdout).toContain("  The network card writes packets into memory: 1 said covered");
    expect(run.stdout).toContain("    > The kernel keeps the bytes in a receive buffer.");
    expect(run.stdout).toContain("1 line of the disputes files could not be read and were skipped.");
  });

  it("prints the report as JSON for scripts", () => {
    const report = JSON.parse(tutor(["check", "--disputes", "--json"]).stdout) as {
      questions: { questionId: string; points: { text: string; saidCovered: number }[] }[];
      skipped: number;
    };
    expect(report.skipped).toBe(1);
    expect(report.questions).toEqual([
      expect.objectContaining({
        questionId: "explain-tcp-read",
        points: [
          expect.objectContaining({ text: "The network card writes packets into memory", saidCovered: 1 }),
        ],
      }),
    ]);
  });

  it("says when nobody has disputed anything", () => {
    const empty = mkdtempSync(join(tmpdir(), "tutor-disputes-empty-"));
    const run = tutor(["check", "--disputes"], empty);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`No disputed key points yet in ${empty}.\n`);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe("self-assessment in the plain reports", () => {
  it("progress names what was counted on the learner's word", () => {
    const run = tutor(["progress"]);
    expect(run.stdout).toContain(
      "Self-assessed: 1 answer counted a key point on your word; passed so: TCP reads stage 2. Leaderboards count only the grader's verdicts.",
    );
    expect((JSON.parse(tutor(["progress", "--json"]).stdout) as { selfAssessed: number }).selfAssessed).toBe(
      1,
    );
  });

  it("journal shows the rating and the point covered on the learner's word", () => {
    const run = tutor(["journal"]);
    expect(run.stdout).toContain("  you rated your recall Good");
    expect(run.stdout).toContain("  covered (self-assessed): The network card writes packets into memory");
  });
});
