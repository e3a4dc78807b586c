// Generates JSON-store data folders for the store bench, in the store's own format, through its own pieces
// (countAnswer for the tallies, Figures and ServerLog for the figures snapshot), much faster than recording each
// answer through the store would be. Answers use the bundled lessons' question ids and are spread over the year
// before NOW; each learner answers in one of GUILDS servers.
// Usage (also called by store.bench.ts): tsx bench/store-data.ts <dir> learners <count> | history <answers>
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultContentDir, loadContent } from "../engine/content/load.js";
import { Figures } from "../engine/progress/figures.js";
import { type AnswerRecord, emptyDoc, type LearnerDoc } from "../engine/progress/model.js";
import { DOC_SUFFIX, fileStem, LOG_SUFFIX } from "../engine/progress/names.js";
import { figureEvent, ServerLog } from "../engine/progress/server-log.js";
import type { ProgressStore } from "../engine/progress/store.js";
import { countAnswer } from "../engine/progress/tallies.js";

export const NOW = new Date("2026-06-01T12:00:00Z");
export const GUILDS = 20;
/** Discord ids are too large for a JS number: built as strings. */
export const guildOf = (i: number) => `9000000000000000${String(i % GUILDS).padStart(2, "0")}`;
const YEAR_MS = 365 * 86_400_000;

/** Records the bench's i-th answer as journey/answer.ts does: counted into the tallies and appended, in one update. */
export function recordBenchAnswer(
  store: ProgressStore,
  learnerId: string,
  i: number,
  guildId: string,
): Promise<void> {
  return store.update(learnerId, (doc, writer) => {
    const record: AnswerRecord = {
      questionId: `bench-${i % 50}`,
      lessonId: "bench",
      stage: 1,
      at: new Date().toISOString(),
      correct: i % 3 !== 0,
      score: 1,
      hintUsed: false,
      mode: "quiz",
      guildId,
      selected: [i % 4],
    };
    countAnswer(doc, record, record.at.slice(0, 10));
    writer.append(record);
  });
}

/** A small deterministic random source, so every run generates the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface QuestionInfo {
  id: string;
  lessonId: string;
  stage: number;
  options: number;
}

async function questionsOfBundledLessons(): Promise<QuestionInfo[]> {
  const { catalog } = await loadContent(defaultContentDir());
  return catalog.quizzes.flatMap((quiz) =>
    quiz.questions.map((q) => ({
      id: q.id,
      lessonId: q.lessonId,
      stage: q.stage,
      options: "options" in q ? q.options.length : 0,
    })),
  );
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}

function close(stream: ReturnType<typeof createWriteStream>): Promise<void> {
  return new Promise((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** One learner's document and log with `count` answers; each answer also goes to `onAnswer`. */
async function learner(
  dir: string,
  learnerId: string,
  count: number,
  questions: QuestionInfo[],
  rand: () => number,
  guildId: string | undefined,
  onAnswer: (record: AnswerRecord) => Promise<void> | undefined,
): Promise<void> {
  const doc: LearnerDoc = emptyDoc(learnerId, new Date(NOW.getTime() - YEAR_MS));
  const stem = join(dir, "learners", fileStem(learnerId));
  const log = createWriteStream(`${stem}${LOG_SUFFIX}`);
  let bytes = 0;
  const start = NOW.getTime() - YEAR_MS * rand();
  for (let i = 0; i < count; i++) {
    const q = questions[Math.floor(rand() * questions.length)] as QuestionInfo;
    const correct = rand() < 0.7;
    const at = new Date(start + ((NOW.getTime() - start) * (i + 1)) / (count + 1));
    const record: AnswerRecord = {
      questionId: q.id,
      lessonId: q.lessonId,
      stage: q.stage as AnswerRecord["stage"],
      at: at.toISOString(),
      correct,
      score: correct ? 1 : 0,
      hintUsed: false,
      mode: i % 4 === 3 ? "review" : "quiz",
      ...(guildId ? { guildId } : {}),
      ...(q.options > 0
        ? { selected: [Math.floor(rand() * q.options)] }
        : { text: "the kernel copies the bytes" }),
    };
    countAnswer(doc, record, record.at.slice(0, 10));
    record.seq = i + 1;
    const line = `${JSON.stringify(record)}\n`;
    bytes += Buffer.byteLength(line);
    await write(log, line);
    await onAnswer(record);
  }
  await close(log);
  doc.log = { count, bytes };
  doc.rev = 1;
  writeFileSync(`${stem}${DOC_SUFFIX}`, `${JSON.stringify(doc)}\n`);
}

/** A folder of `learners` learners with about 100 answers each (50 to 150), and the figures snapshot. */
export async function generateLearners(dir: string, learners: number): Promise<void> {
  if (existsSync(join(dir, "ready"))) return;
  mkdirSync(join(dir, "learners"), { recursive: true });
  mkdirSync(join(dir, "servers"), { recursive: true });
  const questions = await questionsOfBundledLessons();
  const rand = random(learners);
  const figures = new Figures();
  const serverLog = new ServerLog(join(dir, "servers"), () => undefined);
  const events = createWriteStream(serverLog.logFile);
  let offset = 0;
  for (let i = 0; i < learners; i++) {
    const learnerId = `discord:1000000000${String(i).padStart(8, "0")}`;
    const guildId = guildOf(i);
    await learner(dir, learnerId, 50 + Math.floor(rand() * 101), questions, rand, guildId, (record) => {
      const event = figureEvent(learnerId, record);
      figures.add(event);
      const line = `${JSON.stringify(event)}\n`;
      offset += Buffer.byteLength(line);
      return write(events, line);
    });
  }
  await close(events);
  await serverLog.replace(figures, offset);
  writeFileSync(join(dir, "ready"), "");
}

/** A folder with one learner of `answers` answers in history. */
export async function generateHistory(dir: string, answers: number): Promise<string> {
  const learnerId = "discord:100000000000000042";
  if (existsSync(join(dir, "ready"))) return learnerId;
  mkdirSync(join(dir, "learners"), { recursive: true });
  const questions = await questionsOfBundledLessons();
  // The figures already count the history, as they would after the answers were recorded one by one.
  const figures = new Figures();
  await learner(dir, learnerId, answers, questions, random(answers), "900000000000000000", (record) => {
    figures.add(figureEvent(learnerId, record));
    return undefined;
  });
  await new ServerLog(join(dir, "servers"), () => undefined).replace(figures, 0);
  writeFileSync(join(dir, "ready"), "");
  return learnerId;
}

if (process.argv[1]?.endsWith("store-data.ts")) {
  const [dir, kind, count] = process.argv.slice(2) as [string, string, string];
  if (kind === "learners") await generateLearners(dir, Number(count));
  else await generateHistory(dir, Number(count));
}
