// `tutor data migrate` and `tutor data verify` through the built bin, on real temporary data folders, as an operator
// would run them from a script (no terminal: progress as plain lines on standard error).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import stripAnsi from "strip-ansi";
import { describe, expect, inject, it } from "vitest";
import type { ExportedLearner } from "../../engine/progress/model.js";
import { JsonProgressStore } from "../../engine/progress/store.js";
import { answerRecord, comparable, figuresOf, fillLearners, recordAnswer } from "../engine/store-contract.js";
import { tempDir } from "../helpers/engine.js";
import { scratchDatabase } from "../helpers/postgres.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(inject("buildDir"), "tutor.js");

function tutor(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: "utf8",
    input: "",
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const quiet = (dir: string) => new JsonProgressStore(dir, { onNotice: () => undefined });

/** A data folder with ana, bo and cy in it (3, 4 and 5 answers). */
async function filledFolder(): Promise<string> {
  const dir = tempDir("tutor-migrate-from-");
  const store = quiet(dir);
  await fillLearners(store);
  await store.close();
  return dir;
}

/** Every learner file of a data folder, name -> content. */
function learnerFiles(dir: string): Record<string, string> {
  const folder = join(dir, "learners");
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => statSync(join(folder, name)).isFile())
      .map((name) => [name, readFileSync(join(folder, name), "utf8")]),
  );
}

describe("tutor data migrate", () => {
  it("copies a data folder into a new one, every learner and figure, and prints the count of each kind in both", async () => {
    const from = await filledFolder();
    const to = join(tempDir("tutor-migrate-to-"), "new");
    const run = tutor(["data", "migrate", "--from", from, "--to", to]);
    expect(run.stderr).toContain("copying: 3 of 3 learner(s)");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^learners\s+3\s+3$/m);
    expect(run.stdout).toMatch(/^answers\s+12\s+12$/m);
    expect(run.stdout).toMatch(/^stage passes\s+5\s+5$/m);
    expect(run.stdout).toMatch(/^journal entries\s+3\s+3$/m);
    expect(run.stdout).toMatch(/^review cards\s+3\s+3$/m);
    expect(run.stdout).toContain(`Migrated 3 learner(s) from ${from} to ${to}: every count matches.`);
    const [source, target] = [quiet(from), quiet(to)];
    for (const id of ["ana", "bo", "cy"]) {
      expect(comparable(await target.export(id))).toEqual(comparable(await source.export(id)));
    }
    expect(await figuresOf(target)).toEqual(await figuresOf(source));
  });

  it("gives the same folder when run again", async () => {
    const from = await filledFolder();
    const to = tempDir("tutor-migrate-to-");
    expect(tutor(["data", "migrate", "--from", from, "--to", to]).status).toBe(0);
    const once = learnerFiles(to);
    expect(Object.keys(once).length).toBe(6);
    const again = tutor(["data", "migrate", "--from", from, "--to", to]);
    expect(again.status).toBe(0);
    expect(learnerFiles(to)).toEqual(once);
    expect(learnerFiles(to)).toEqual(learnerFiles(from));
  });

  it("shows a progress bar on a terminal", async () => {
    const from = await filledFolder();
    const to = tempDir("tutor-migrate-to-");
    // util-linux `script` runs the command in a pseudo-terminal, as a person at a terminal would.
    const command = [process.execPath, BIN, "data", "migrate", "--from", from, "--to", to]
      .map((a) => `'${a}'`)
      .join(" ");
    const run = spawnSync("script", ["-qfec", command, "/dev/null"], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: "xterm" },
    });
    expect(run.status).toBe(0);
    const screen = stripAnsi(run.stdout);
    expect(screen).toMatch(/copying\s+\|[\u2588\u2591]+\| 3\/3 learners/);
    expect(screen).toMatch(/counting the target\s+\|[\u2588]+\| 3\/3 learners/);
    expect(screen).not.toContain("copying: ");
    expect(screen).toContain("every count matches");
  });

  it("exits 1 with both counts when the target holds learners the source does not", async () => {
    const from = await filledFolder();
    const to = tempDir("tutor-migrate-to-");
    const other = quiet(to);
    await recordAnswer(other, "someone-else", answerRecord());
    await other.close();
    const run = tutor(["data", "migrate", "--from", from, "--to", to]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^learners\s+3\s+4\s+differs$/m);
    expect(run.stdout).toMatch(/^answers\s+12\s+13\s+differs$/m);
    expect(run.stdout).toMatch(/^review cards\s+3\s+3$/m);
    expect(run.stderr).toContain(
      "learners 3 in the source, 4 in the target; answers 12 in the source, 13 in the target. Run 'tutor data verify'",
    );
  });

  it("stops, naming the file, when a learner's document cannot be read, rather than leave the learner behind", async () => {
    const from = await filledFolder();
    const file = quiet(from).pathsOf("bo").doc;
    writeFileSync(file, '{"learnerId": "bo", "totals": ');
    const to = tempDir("tutor-migrate-to-");
    const run = tutor(["data", "migrate", "--from", from, "--to", to]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`1 learner document(s) could not be read`);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // The source is as it was.
    expect(readFileSync(file, "utf8")).toBe('{"learnerId": "bo", "totals": ');
  });

  it("refuses the same place twice, a folder that is not a data folder, and a database it cannot reach, never printing a password", async () => {
    const from = await filledFolder();
    const same = tutor(["data", "migrate", "--from", from, "--to", join(from, ".")]);
    expect(same).toMatchObject({ status: 2, stdout: "" });
    expect(same.stderr).toContain("both name the same store");
    const notData = tempDir();
    const empty = tutor(["data", "migrate", "--from", notData, "--to", tempDir()]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(`${notData} is not a tutor data folder (it has no learners/ folder)`);
    for (const args of [
      ["--from", "postgres://tutor:s3cret-pw@db.example:5432/tutor", "--to", tempDir()],
      ["--from", from, "--to", "postgresql://tutor:s3cret-pw@db.example/tutor"],
    ]) {
      const run = tutor(["data", "migrate", ...args]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Could not reach the progress database db\.example:5432\/tutor/);
      expect(run.stderr + run.stdout).not.toContain("s3cret");
    }
    const urls = tutor([
      "data",
      "migrate",
      "--from",
      "postgres://a:s3cret-pw@DB.example/tutor",
      "--to",
      "postgres://b@db.example:5432/tutor",
    ]);
    expect(urls.status).toBe(2);
    expect(urls.stderr).not.toContain("s3cret");
    expect(tutor(["data", "migrate", "--from", from]).status).toBe(2);
  });
});

describe("tutor data verify", () => {
  it("says identical for a faithful copy, and lists a learner changed afterwards with exit code 1", async () => {
    const from = await filledFolder();
    const to = tempDir("tutor-migrate-to-");
    expect(tutor(["data", "migrate", "--from", from, "--to", to]).status).toBe(0);
    const same = tutor(["data", "verify", from, to]);
    expect(same.status).toBe(0);
    expect(same.stdout).toBe(
      `identical: ${from} and ${to} hold the same 3 learner(s) and the same server figures.\n`,
    );

    // Someone edits bo's document in the copy by hand.
    const file = quiet(to).pathsOf("bo").doc;
    const doc = JSON.parse(readFileSync(file, "utf8")) as ExportedLearner;
    doc.journal[0] = { ...(doc.journal[0] as ExportedLearner["journal"][number]), text: "changed" };
    writeFileSync(file, `${JSON.stringify(doc)}\n`);
    const changed = tutor(["data", "verify", from, to]);
    expect(changed.status).toBe(1);
    expect(changed.stdout).toBe(
      `1 difference(s) between ${from} and ${to} (first and second), over 3 learner(s):\n  learner bo: document differs in journal\n`,
    );
  });

  it("needs two data folders", async () => {
    const from = await filledFolder();
    expect(tutor(["data", "verify", from]).status).toBe(2);
    const missing = tutor(["data", "verify", from, join(from, "nowhere")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("is not a tutor data folder");
  });
});

describe("tutor data migrate through a PostgreSQL database", () => {
  it("copies a folder into a database and back, and verify finds the three the same", async () => {
    const from = await filledFolder();
    const database = await scratchDatabase();
    try {
      const there = tutor(["data", "migrate", "--from", from, "--to", database.url]);
      expect(there.status).toBe(0);
      expect(there.stdout).toMatch(/^answers\s+12\s+12$/m);
      const back = tempDir("tutor-migrate-back-");
      const home = tutor(["data", "migrate", "--from", database.url, "--to", back]);
      expect(home.status).toBe(0);
      expect(home.stdout).toMatch(/^stage passes\s+5\s+5$/m);
      expect(tutor(["data", "verify", from, database.url]).status).toBe(0);
      expect(tutor(["data", "verify", database.url, back]).status).toBe(0);
      const [source, target] = [quiet(from), quiet(back)];
      for (const id of ["ana", "bo", "cy"]) {
        expect(comparable(await target.export(id))).toEqual(comparable(await source.export(id)));
      }
      expect(await figuresOf(target)).toEqual(await figuresOf(source));
    } finally {
      await database.drop();
    }
  });
});
