// The built `tutor` bin, spawned as a learner or a script would run it: non-interactive commands,
// wrong command lines, the no-terminal error, and the engine's errors turned into words; then in a real
// pseudo-terminal (util-linux `script`): colour and NO_COLOR, and Ctrl+C leaving with every answer saved.
// The bin is the bundle that tests/helpers/build-once.ts builds once per run into a temporary folder: a
// test run never touches dist/, where a `tutor` someone started may be running.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import stripAnsi from "strip-ansi";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { Tutor } from "../../engine/index.js";
import { AS_WRITTEN } from "../helpers/engine.js";
import { scratchDatabase } from "../helpers/postgres.js";
import { waitUntil } from "../helpers/wait.js";
import { FIXTURES, LEARNER, passStages } from "./helpers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(inject("buildDir"), "tutor.js");
let dataDir: string;
let ptyDataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "tutor-bin-test-"));
  ptyDataDir = mkdtempSync(join(tmpdir(), "tutor-pty-test-"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(ptyDataDir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with pipes for stdin and stdout: no terminal, as in a script. */
function tutor(args: string[], env: NodeJS.ProcessEnv = {}, data = dataDir): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TUTOR_CONTENT_DIR: FIXTURES,
      TUTOR_DATA_DIR: data,
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("help and version", () => {
  it("prints help for the program and for every command", () => {
    const top = tutor(["--help"]);
    expect(top.status).toBe(0);
    for (const command of [
      "learn",
      "quiz",
      "review",
      "progress",
      "lessons",
      "journal",
      "ask",
      "check",
      "data",
    ]) {
      expect(top.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
      const own = tutor([command, "--help"]);
      expect(own.status).toBe(0);
      expect(own.stdout).toContain(`Usage: tutor ${command}`);
    }
    expect(tutor(["quiz", "--help"]).stdout).toContain("--stage <n>");
    expect(tutor(["progress", "--help"]).stdout).toContain("--json");
    expect(top.stdout).toContain("--data-dir <dir>");
    expect(top.stdout).toContain("--database-url <url>");
  });

  it("names bundled lessons in the help's examples", () => {
    const help = tutor(["--help"]).stdout;
    const named = [...help.matchAll(/^ {2}tutor (?:learn|quiz) ([\w-]+)/gm)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    const bundled = readdirSync(join(root, "lessons"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => /^id: (.+)$/m.exec(readFileSync(join(root, "lessons", f), "utf8"))?.[1]?.trim());
    for (const id of named) expect(bundled).toContain(id);
  });

  it("prints the version from package.json", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    const run = tutor(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it("runs as a command straight after a build, as npx tutor runs it", () => {
    // The shebang and the executable bit: npm sets the bit only at install, so the build must.
    const run = spawnSync(BIN, ["--version"], { encoding: "utf8", env: { PATH: process.env.PATH } });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });
});

describe("wrong command lines", () => {
  it("suggests the closest command for an unknown one and exits 2", () => {
    const run = tutor(["lesons"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'lesons'. Did you mean 'lessons'?");
    expect(run.stdout).toBe("");
  });

  it("suggests the command also when options follow the mistyped one", () => {
    const run = tutor(["progres", "--json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'progres'. Did you mean 'progress'?");
    expect(run.stdout).toBe("");
  });

  it("names an unknown option", () => {
    const run = tutor(["progress", "--jsno"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--jsno'");
    const root = tutor(["--jsno"]);
    expect(root.status).toBe(2);
    expect(root.stderr).toContain("unknown option '--jsno'");
  });

  it("refuses words a command does not take", () => {
    const run = tutor(["progress", "extra"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("too many arguments for 'progress'");
  });

  it("suggests the closest lesson id for an unknown lesson and exits 2", () => {
    for (const command of ["learn", "quiz", "journal"]) {
      const run = tutor([command, "tcp-raeds"]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("There is no lesson 'tcp-raeds'. Did you mean 'tcp-reads'?");
      noStack(run.stderr);
    }
  });

  it("refuses a stage that does not exist or is not a number", () => {
    const outOfRange = tutor(["quiz", "tcp-reads", "--stage", "9"]);
    expect(outOfRange.status).toBe(2);
    expect(outOfRange.stderr).toContain("There is no stage 9: stages are numbered 1 to 6.");
    const notANumber = tutor(["learn", "tcp-reads", "--stage", "two"]);
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toContain("a stage is a whole number from 1 to 6");
  });
});

describe("interactive commands without a terminal", () => {
  it("exit 1 with a clear message instead of a raw-mode stack trace", () => {
    for (const args of [[], ["learn"], ["quiz", "tcp-reads"], ["review"]]) {
      const run = tutor(args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("is interactive and needs a terminal");
      expect(run.stderr).toContain("tutor progress");
      expect(run.stderr).not.toContain("Raw mode");
      noStack(run.stderr);
    }
  });
});

describe("non-interactive commands in a pipe", () => {
  let data: string;
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), "tutor-bin-progress-"));
    const engine = await Tutor.open({ contentDir: FIXTURES, dataDir: data });
    await passStages(engine, "tcp-reads", 2);
    await engine.close();
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it("lessons: plain text with each lesson's stage bar, or JSON", () => {
    const plain = tutor(["lessons"], {}, data);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("2 lessons (■ passed  □ open  · locked)");
    expect(plain.stdout).toContain("■■□··· 2/6  TCP reads (tcp-reads)");
    expect(plain.stdout).toContain("first: tcp-reads");
    // Plain text: no terminal escapes in a pipe.
    expect(plain.stdout).not.toContain("\u001b[");
    const json = JSON.parse(tutor(["lessons", "--json"], {}, data).stdout) as {
      id: string;
      passedStages: number;
    }[];
    expect(json.map((l) => [l.id, l.passedStages])).toEqual([
      ["tcp-reads", 2],
      ["torn-pages", 0],
    ]);
  });

  it("progress: completion, streak, heatmap and reviews due as text, or the engine's summary as JSON", () => {
    const plain = tutor(["progress"], {}, data);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("Overall: 2 of 12 stages passed (17%)");
    expect(plain.stdout).toContain("Streak: 1 day (longest 1) · studied today");
    expect(plain.stdout).toContain("Study activity, last 12 weeks");
    expect(plain.stdout).toContain("less · ░ ▒ ▓ █ more");
    expect(plain.stdout).toContain("Reviews due now: 0");
    const json = JSON.parse(tutor(["progress", "--json"], {}, data).stdout) as {
      learnerId: string;
      stagesPassed: number;
      activity: unknown[];
    };
    expect(json.learnerId).toBe(LEARNER);
    expect(json.stagesPassed).toBe(2);
    expect(json.activity).toHaveLength(84);
  });

  it("journal: what the learner wrote, all or for one lesson", () => {
    const all = tutor(["journal"], {}, data);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain("TCP reads · stage 2 Articulate · explanation");
    expect(all.stdout).toContain("covered: The network card writes packets into memory");
    const one = JSON.parse(tutor(["journal", "torn-pages", "--json"], {}, data).stdout) as unknown[];
    expect(one).toEqual([]);
    // Another lesson's entries exist: the empty one is this lesson's, not the whole journal.
    expect(tutor(["journal", "torn"], {}, data).stdout).toMatch(/^Nothing in the journal for .*Torn.* yet/i);
    expect(tutor(["journal"], {}, mkdtempSync(join(tmpdir(), "tutor-empty-"))).stdout).toContain(
      "The journal is empty",
    );
  });

  it("data export: the learner's document with every answer; data rebuild: the figures recounted", () => {
    const exported = tutor(["data", "export"], {}, data);
    expect(exported.status).toBe(0);
    const exportedData = JSON.parse(exported.stdout) as {
      learnerId: string;
      data: { history: { seq: number; lessonId: string }[] };
    };
    expect(exportedData.learnerId).toBe("local");
    const answers = exportedData.data.history;
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.map((a) => a.seq)).toEqual(answers.map((_, i) => i + 1));
    expect(answers.every((a) => a.lessonId === "tcp-reads")).toBe(true);
    const rebuilt = tutor(["data", "rebuild"], {}, data);
    expect(rebuilt).toMatchObject({ status: 0, stderr: "" });
    expect(rebuilt.stdout).toBe(
      `Recounted the server figures from 1 learner(s) and ${answers.length} answer(s) in ${data}.\n`,
    );
  });

  it("honours --data-dir over TUTOR_DATA_DIR", () => {
    const run = tutor(["--data-dir", data, "progress", "--json"], { TUTOR_DATA_DIR: dataDir });
    expect((JSON.parse(run.stdout) as { stagesPassed: number }).stagesPassed).toBe(2);
    const fresh = tutor(["progress", "--json"], {}, dataDir);
    expect((JSON.parse(fresh.stdout) as { stagesPassed: number }).stagesPassed).toBe(0);
  });
});

describe("progress in PostgreSQL", () => {
  it("keeps the learner's progress in the database --database-url names, and says which one it cannot reach", async () => {
    const database = await scratchDatabase();
    onTestFinished(() => database.drop());
    const empty = mkdtempSync(join(tmpdir(), "tutor-bin-pg-"));
    onTestFinished(() => rmSync(empty, { recursive: true, force: true }));
    const tutorInDb = await Tutor.open({
      contentDir: FIXTURES,
      databaseUrl: database.url,
      dataDir: empty,
      llm: false,
    });
    await passStages(tutorInDb, "tcp-reads", 1);
    await tutorInDb.close();
    const shown = tutor(["progress", "--json", "--database-url", database.url], {}, empty);
    expect(shown.stderr).toBe("");
    expect(shown.status).toBe(0);
    const passed = (run: Run) => (JSON.parse(run.stdout) as { stagesPassed: number }).stagesPassed;
    expect(passed(shown)).toBe(1);
    // The same through the environment; the folder alone has no progress.
    expect(passed(tutor(["progress", "--json"], { TUTOR_DATABASE_URL: database.url }, empty))).toBe(1);
    expect(passed(tutor(["progress", "--json"], {}, empty))).toBe(0);
    const rebuilt = tutor(["data", "rebuild", "--database-url", database.url], {}, empty);
    expect(rebuilt.stdout).toMatch(
      /^Recounted the server figures from 1 learner\(s\) and \d+ answer\(s\) in 127\.0\.0\.1:5432\/tutor_test_/,
    );
    const down = tutor(
      ["progress", "--database-url", "postgres://tutor:hunter22secret@127.0.0.1:1/tutor"],
      {},
      empty,
    );
    expect(down.status).toBe(1);
    expect(down.stderr).toContain("Could not reach the progress database 127.0.0.1:1/tutor (ECONNREFUSED)");
    expect(down.stderr).not.toContain("hunter22secret");
    noStack(down.stderr);
  });
});

describe("tutor check", () => {
  it("says the content is fine with lessons and questions per stage", () => {
    const run = tutor(["check"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Content OK: 2 lessons, 15 questions (stage 1: 3,");
  });

  it("reports every problem as file:line: message and exits 1", () => {
    const broken = mkdtempSync(join(tmpdir(), "tutor-bin-broken-"));
    try {
      cpSync(FIXTURES, broken, { recursive: true });
      writeFileSync(
        join(broken, "lessons", "torn-pages.md"),
        "---\nid: torn-pages\ntitle: Torn pages\nsummary: x\n---\n\n## Understand\n\nOnly one stage.\n",
      );
      const run = tutor(["check"], { TUTOR_CONTENT_DIR: broken });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/lessons\/torn-pages\.md:\d+: .+/);
      expect(run.stderr).toMatch(/\d+ problems? found\./);
      noStack(run.stderr);
      // The same content stops the other commands with the engine's clear error, not a stack trace.
      const lessons = tutor(["lessons"], { TUTOR_CONTENT_DIR: broken });
      expect(lessons.status).toBe(1);
      expect(lessons.stderr).toContain("problem");
      expect(lessons.stderr).toMatch(/torn-pages\.md:\d+: /);
      // Set by the environment, it is the folder `tutor check` checks anyway.
      expect(lessons.stderr).toContain("Run `tutor check` after fixing them.");
      noStack(lessons.stderr);
      // Named with --content-dir, the hint names it too: `tutor check` alone would check the bundled lessons.
      const named = tutor(["--content-dir", broken, "lessons"]);
      expect(named.status).toBe(1);
      expect(named.stderr).toContain(`Run \`tutor check ${JSON.stringify(broken)}\` after fixing them.`);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe("tutor grade", () => {
  const good =
    "The network card writes each packet into memory. The kernel keeps the bytes in a receive buffer. Each read copies the bytes into the process.";

  it("prints the verdict, each key point with the sentence that covered it, and exits 0", () => {
    const run = tutor(["grade", "explain-tcp-read", "--answer", good]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Passes: 3 of 3 key points (100%).");
    expect(run.stdout).toContain(
      '[x] The kernel keeps the bytes in a receive buffer\n    you wrote: "The kernel keeps the bytes in a receive buffer."',
    );
  });

  it("reads the answer from standard input and prints JSON, also for a failing answer", () => {
    const result = spawnSync(process.execPath, [BIN, "grade", "explain-tcp-read", "--json"], {
      cwd: root,
      encoding: "utf8",
      input:
        "The card does not write packets into memory. receive buffer, kernel buffer, network card, copies into the process, copied into user space, recv",
      env: { PATH: process.env.PATH, TUTOR_CONTENT_DIR: FIXTURES, TUTOR_DATA_DIR: dataDir },
    });
    expect(result.status).toBe(0);
    const grade = JSON.parse(result.stdout);
    expect(grade).toMatchObject({ questionId: "explain-tcp-read", correct: false, gradedBy: "offline" });
    expect(grade.keyPoints[0]).toEqual({
      text: "The network card writes packets into memory",
      covered: false,
      evidence: null,
      contradiction: "The card does not write packets into memory.",
    });
    expect(grade.flags.map((f: { kind: string }) => f.kind)).toEqual(["contradiction", "stuffing"]);
  });

  it("refuses an unknown question, a choice question and an empty answer", () => {
    const unknown = tutor(["grade", "explain-tcp-reed", "--answer", good]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      "There is no question 'explain-tcp-reed'. Did you mean 'explain-tcp-read'?",
    );
    const empty = tutor(["grade", "explain-tcp-read"]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("give the answer with --answer");
    noStack(unknown.stderr + empty.stderr);
  });

  it("grades through the configured model with --model, and offline when the model fails", async () => {
    const { createServer } = await import("node:http");
    let calls = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        calls++;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { content: "not JSON at all" } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        [BIN, "grade", "explain-tcp-read", "--model", "--json", "--answer", good],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH,
            TUTOR_CONTENT_DIR: FIXTURES,
            TUTOR_DATA_DIR: dataDir,
            TUTOR_LLM_URL: `http://127.0.0.1:${port}/v1`,
            TUTOR_LLM_MODEL: "tiny",
          },
        },
      );
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
      expect(calls).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({
        correct: true,
        gradedBy: "offline",
        modelError: "the model sent no JSON",
      });
    } finally {
      server.close();
    }
  });
});

describe("a corrupt progress file", () => {
  it("gives the engine's clear error, keeps the file aside, and the next start begins afresh", async () => {
    const data = mkdtempSync(join(tmpdir(), "tutor-bin-corrupt-"));
    try {
      const engine = await Tutor.open({ contentDir: FIXTURES, dataDir: data });
      await passStages(engine, "tcp-reads", 1);
      await engine.close();
      const learners = join(data, "learners");
      const file = readdirSync(learners).find((n) => n.endsWith(".doc.json"));
      writeFileSync(join(learners, file as string), "{ this is not json");
      const run = tutor(["progress"], {}, data);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("could not be read");
      expect(run.stderr).toContain("moved aside");
      noStack(run.stderr);
      const again = tutor(["progress", "--json"], {}, data);
      expect(again.status).toBe(0);
      expect(readdirSync(learners).some((n) => n.includes(".corrupt-"))).toBe(true);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

/**
 * The stage 1 quiz started in `dataDir` under the pinned seed: `tutor quiz` continues that round, with its
 * questions and options in the order written (the binary itself shuffles with Math.random).
 */
async function startedAsWritten(dataDir: string): Promise<void> {
  const engine = await Tutor.open({ contentDir: FIXTURES, dataDir, random: AS_WRITTEN });
  await engine.startQuiz(LEARNER, "tcp-reads", 1);
  await engine.close();
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Only what a learner's shell would have: no FORCE_COLOR or NO_COLOR from the test runner.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TERM: "xterm-256color",
    TUTOR_CONTENT_DIR: FIXTURES,
    TUTOR_DATA_DIR: ptyDataDir,
    ...extra,
  };
}

interface Session {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  waitFor(text: string): Promise<void>;
  exit: Promise<number | null>;
}

function inTerminal(args: string[], extra: NodeJS.ProcessEnv = {}): Session {
  const command = [process.execPath, BIN, ...args].map((a) => JSON.stringify(a)).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: root, env: env(extra) });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exit,
    async waitFor(text) {
      await waitUntil(
        () => stripAnsi(output).includes(text),
        text,
        () => ` in:\n${stripAnsi(output)}`,
      );
    },
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching colour escapes
const SGR = /\u001b\[[0-9;]*m/;

describe("in a terminal", () => {
  it("colours the home screen, and not at all with NO_COLOR", async () => {
    const coloured = inTerminal([]);
    await coloured.waitFor("Six stages tutor");
    coloured.child.stdin.write("q");
    expect(await coloured.exit).toBe(0);
    expect(coloured.output()).toMatch(SGR);

    const plain = inTerminal([], { NO_COLOR: "1" });
    await plain.waitFor("Six stages tutor");
    plain.child.stdin.write("q");
    expect(await plain.exit).toBe(0);
    expect(stripAnsi(plain.output())).toContain("TCP reads");
    expect(plain.output()).not.toMatch(SGR);
  });

  it("takes keys typed in one burst one by one, and ignores pasted colour codes and window titles", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tutor-pty-"));
    await startedAsWritten(dataDir);
    const session = inTerminal(["quiz", "tcp-reads"], { TUTOR_DATA_DIR: dataDir });
    await session.waitFor("What does recv() do");
    // Text copied out of a coloured terminal, and a title sequence: Ink 6.8 threw on the first.
    session.child.stdin.write("\u001b[31mred\u001b[0m\u001b]0;PWNED\u0007");
    // 2, 1 and enter in one write, as over a slow link: option 1 (the right one) is answered.
    session.child.stdin.write("21\r");
    await session.waitFor("Right");
    session.child.stdin.write("q");
    expect(await session.exit).toBe(0);
    expect(session.output()).not.toContain("PWNED");
    expect(stripAnsi(session.output())).not.toMatch(/TypeError|\n\s+at /);
  });

  it("leaves cleanly on Ctrl+C with the answer already saved", async () => {
    await startedAsWritten(ptyDataDir);
    const session = inTerminal(["quiz", "tcp-reads"]);
    await session.waitFor("What does recv() do");
    // Nothing is chosen when the question opens: the number key chooses option 1 (the right one), then enter.
    session.child.stdin.write("1");
    await session.waitFor("(•) 1. Copies bytes");
    session.child.stdin.write("\r");
    await session.waitFor("Right");
    session.child.stdin.write("\u0003");
    expect(await session.exit).toBe(0);
    const out = stripAnsi(session.output());
    expect(out).not.toMatch(/Error|\n\s+at /);
    const progress = spawnSync(process.execPath, [BIN, "progress", "--json"], {
      env: env(),
      encoding: "utf8",
    });
    const summary = JSON.parse(progress.stdout) as { answers: number };
    expect(summary.answers).toBe(1);
    // The quiz waits where it was left: the next start continues it.
    const again = inTerminal([]);
    await again.waitFor("question 2 of 2");
    again.child.stdin.write("q");
    expect(await again.exit).toBe(0);
  });
});

describe("tutor ask", () => {
  // The bundled lessons: the questions are about them.
  const bundled = { TUTOR_CONTENT_DIR: root };

  it("answers from the lessons with numbered sources and where to study", () => {
    const run = tutor(["ask", "what", "is", "a", "torn", "page?"], bundled);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^From Torn pages: .+, stage \d \(.+\)\.\n/);
    expect(run.stdout).toMatch(/\n\[1\] Torn pages: .+ · stage \d \(.+\) · .+\n {4}\S/);
    // A new learner has not reached the stage cited, so it points at their own stage of the lesson.
    const top = Number(/^From .+, stage (\d)/.exec(run.stdout)?.[1]);
    expect(run.stdout).toMatch(
      top === 1
        ? /\nStudy it: tutor learn torn-pages --stage 1\n$/
        : new RegExp(
            `\\nStudy it: tutor learn torn-pages --stage ${top} \\(you are on stage 1: you can read stage ${top} now; its questions open once you pass the stages before it\\)\\n$`,
          ),
    );
  });

  it("says honestly when the lessons do not cover a question, and names the closest only when close", () => {
    const run = tutor(["ask", "how do I bake sourdough bread?"], bundled);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("The lessons do not cover that.\n");
    const near = tutor(["ask", "how does kafka replication work?"], bundled);
    expect(near.stdout).toMatch(/^The lessons do not cover that; the closest are: Kafka tail latency/);
    expect(near.stdout).toContain("  tutor learn kafka-ext4-vs-xfs");
    expect(near.stdout).not.toContain("Study it:");
    const json = JSON.parse(tutor(["ask", "--json", "how does kafka replication work?"], bundled).stdout);
    expect(json.confident).toBe(false);
    expect(json.closest.length).toBeGreaterThan(0);
    expect(Object.keys(json.closest[0]).sort()).toEqual(["lesson", "title"]);
  });

  it("prints the ranked passages as JSON for scripts", () => {
    const run = tutor(["ask", "--json", "why is my Kafka p99 bad on ext4?"], bundled);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.confident).toBe(true);
    expect(json.results[0]).toMatchObject({ lesson: "kafka-ext4-vs-xfs", stage: expect.any(Number) });
    for (const r of json.results) {
      expect(Object.keys(r).sort()).toEqual(["excerpt", "heading", "lesson", "score", "stage", "title"]);
    }
  });

  it("refuses an empty or over-long question with exit 2", () => {
    expect(tutor(["ask"], bundled).status).toBe(2);
    const long = tutor(["ask", "why ".repeat(200)], bundled);
    expect(long.status).toBe(2);
    expect(long.stderr).toContain("keep it under 500");
  });

  it("answers through a language model when one is configured, citing the passages", async () => {
    const { createServer } = await import("node:http");
    let body = "";
    const server = createServer((req, res) => {
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { content: "A torn page is half written [1]." } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    try {
      const child = spawn(process.execPath, [BIN, "ask", "what is a torn page?"], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          TUTOR_CONTENT_DIR: root,
          TUTOR_DATA_DIR: dataDir,
          TUTOR_LLM_URL: `http://127.0.0.1:${port}/v1`,
          TUTOR_LLM_MODEL: "tiny",
        },
      });
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      const status = await new Promise((resolve) => child.on("exit", resolve));
      expect(status).toBe(0);
      expect(stdout).toMatch(/^A torn page is half written \[1\]\.\n\nSources:\n\[1\] Torn pages/);
      expect(JSON.parse(body).model).toBe("tiny");
    } finally {
      server.close();
    }
  });
});

describe("settings and your data", () => {
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "tutor-data-test-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it("sets the time zone by its IANA name, refuses one that is not, and shows it", () => {
    const data = fresh();
    expect(tutor(["settings"], {}, data).stdout).toMatch(/^Time zone: .+ \(this computer's; set yours with/);
    const set = tutor(["settings", "timezone", "america/sao_paulo"], {}, data);
    expect(set).toMatchObject({
      status: 0,
      stdout: "Time zone: America/Sao_Paulo. Study days and streaks follow it.\n",
    });
    expect(tutor(["settings"], {}, data).stdout).toBe("Time zone: America/Sao_Paulo\n");
    const wrong = tutor(["settings", "timezone", "America/Sao_Paolo"], {}, data);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Did you mean America/Sao_Paulo?");
    expect(tutor(["settings", "colour", "red"], {}, data).status).toBe(2);
    expect(tutor(["settings", "timezone"], {}, data).status).toBe(2);
  });

  it("exports everything as JSON, to stdout or a new file, and deletes it only when confirmed", async () => {
    const data = fresh();
    expect(tutor(["data", "export"], {}, data)).toMatchObject({ status: 1, stdout: "" });
    const engine = await Tutor.open({ contentDir: FIXTURES, dataDir: data });
    await passStages(engine, "tcp-reads", 1);
    await engine.close();

    const printed = tutor(["data", "export"], {}, data);
    expect(printed.status).toBe(0);
    const exported = JSON.parse(printed.stdout);
    expect(exported).toMatchObject({ format: "six-stages-tutor/learner-data", learnerId: LEARNER });
    expect(exported.data.history.length).toBeGreaterThan(0);
    const file = join(data, "copy.json");
    expect(tutor(["data", "export", "-o", file], {}, data).status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).data).toEqual(exported.data);
    // Never over an existing file.
    const again = tutor(["data", "export", "-o", file], {}, data);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("exists already");

    // No terminal to ask on: --yes is required.
    const unasked = tutor(["data", "delete"], {}, data);
    expect(unasked.status).toBe(2);
    expect(unasked.stderr).toContain("--yes");
    expect(tutor(["data", "export"], {}, data).status).toBe(0);
    expect(tutor(["data", "delete", "--yes"], {}, data)).toMatchObject({
      status: 0,
      stdout: "Deleted: nothing is kept about you any more.\n",
    });
    expect(tutor(["data", "export"], {}, data).status).toBe(1);
    expect(tutor(["progress", "--json"], {}, data).stdout).toContain('"answers": 0');
  });
});
