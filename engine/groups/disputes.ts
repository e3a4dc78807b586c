/**
 * Disputed key points, collected for authors so rubrics get better: one small append-only file per question
 * under the data folder (`disputes/<question id>.jsonl`, one JSON line per self-assessment with disputes),
 * appended under a file lock. The report reads only these files, never a learner's history.
 */
import { createReadStream } from "node:fs";
import { appendFile, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import lockfile from "proper-lockfile";
import { z } from "zod";
import { StoreError } from "../errors.js";
import type { DisputeEvent } from "../journey/self-assess.js";
import type { DisputeReport, PointDisputes, QuestionDisputes } from "../tutor-types.js";

const SUFFIX = ".jsonl";
/** Examples kept per key point in a report, and the length each is cut to. */
const EXAMPLES = 3;
const EXAMPLE_LENGTH = 300;

const fileName = (questionId: string) => `${encodeURIComponent(questionId).replace(/\./g, "%2E")}${SUFFIX}`;

export const disputesDir = (dataDir: string) => join(dataDir, "disputes");

const eventSchema = z.object({
  at: z.string(),
  questionId: z.string(),
  lessonId: z.string(),
  disputed: z.array(z.object({ text: z.string(), covered: z.boolean() })),
  credited: z.array(z.string()),
  flags: z.array(z.string()),
  text: z.string(),
});

export async function appendDispute(dataDir: string, event: DisputeEvent): Promise<void> {
  const dir = disputesDir(dataDir);
  const file = join(dir, fileName(event.questionId));
  try {
    await mkdir(dir, { recursive: true });
    const release = await lockfile.lock(file, {
      realpath: false,
      stale: 5_000,
      retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 100 },
      onCompromised: () => undefined,
    });
    try {
      await appendFile(file, `${JSON.stringify(event)}\n`);
    } finally {
      await release().catch(() => undefined);
    }
  } catch (error) {
    throw new StoreError(
      "STORE_IO",
      `Could not record the disputed key points in ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      file,
      undefined,
      { cause: error },
    );
  }
}

/** Every question with disputes, the most disputed first; each key point with counts and the latest examples. */
export async function disputeReport(dataDir: string): Promise<DisputeReport> {
  const dir = disputesDir(dataDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX));
  } catch {
    return { questions: [], skipped: 0 };
  }
  const questions: QuestionDisputes[] = [];
  let skipped = 0;
  for (const name of names.sort()) {
    const points = new Map<string, PointDisputes>();
    let assessments = 0;
    let lessonId = "";
    const questionId = decodeURIComponent(name.slice(0, -SUFFIX.length));
    const lines = createInterface({ input: createReadStream(join(dir, name)), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const event = parse(line);
      if (!event || event.questionId !== questionId) {
        skipped++;
        continue;
      }
      assessments++;
      lessonId = event.lessonId;
      const example =
        event.text.length > EXAMPLE_LENGTH ? `${event.text.slice(0, EXAMPLE_LENGTH - 1)}…` : event.text;
      for (const point of event.disputed) {
        const entry = points.get(point.text) ?? {
          text: point.text,
          saidCovered: 0,
          saidMissed: 0,
          onFlagged: 0,
          examples: [],
        };
        if (point.covered) entry.saidMissed++;
        else entry.saidCovered++;
        if (event.flags.length > 0) entry.onFlagged++;
        // Newest first, a few: the file is in the order the disputes came.
        entry.examples.unshift(example);
        if (entry.examples.length > EXAMPLES) entry.examples.pop();
        points.set(point.text, entry);
      }
    }
    if (assessments === 0) continue;
    const sorted = [...points.values()].sort(
      (a, b) => b.saidCovered + b.saidMissed - (a.saidCovered + a.saidMissed) || a.text.localeCompare(b.text),
    );
    questions.push({ questionId, lessonId, assessments, points: sorted });
  }
  questions.sort((a, b) => b.assessments - a.assessments || a.questionId.localeCompare(b.questionId));
  return { questions, skipped };
}

function parse(line: string): DisputeEvent | undefined {
  try {
    const parsed = eventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
