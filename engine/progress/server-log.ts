/**
 * The JSON store's server-wide figures. Every recorded answer is also appended, as one line, to one shared log
 * (servers/answers.jsonl); each process folds into its in-memory Figures only the bytes added since it last
 * looked, so two processes sharing the folder see each other's answers. A snapshot (servers/figures.json: the
 * figures and the log offset they cover) is written now and then, so a fresh process does not replay the log.
 * The log and the snapshot are derived data: `rebuild` recomputes them from the learners' answer logs.
 * A recount (a rebuild, or a learner deleted) cannot be folded in from the log: it writes a new snapshot and then
 * a new generation (servers/generation), and a process that finds another generation than its own reloads the
 * snapshot before folding, so a learner deleted by one process (one bot shard) drops out of every other's figures.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Line, readLines } from "../files/lines.js";
import { writeAtomically } from "../files/write-atomically.js";
import { type FigureEvent, Figures, type FiguresSnapshot } from "./figures.js";
import type { AnswerRecord } from "./model.js";

const SNAPSHOT_VERSION = 2;
/** New bytes of the log read in one synchronous call; more are read in chunks, asynchronously. */
const SMALL_READ = 64 * 1024;
/** Answers folded since the last snapshot before a process writes a new one. */
export const SNAPSHOT_EVERY = 20_000;

export function figureEvent(learnerId: string, r: AnswerRecord): FigureEvent {
  const event: FigureEvent = { learnerId, questionId: r.questionId, at: r.at, correct: r.correct };
  if (r.seq !== undefined) event.seq = r.seq;
  if (r.xp) event.xp = r.xp;
  if (r.passedStage) event.passedStage = true;
  if (r.guildId) event.guildId = r.guildId;
  if (r.selected?.length) event.selected = r.selected;
  return event;
}

export class ServerLog {
  readonly logFile: string;
  readonly snapshotFile: string;
  readonly generationFile: string;
  private figures: Figures | undefined;
  /** The recount the in-memory figures descend from ("" before any). */
  private generation = "";
  private offset = 0;
  private sinceSnapshot = 0;
  private folding: Promise<Figures> | undefined;
  private made = false;

  constructor(
    readonly dir: string,
    private readonly notice: (message: string) => void,
  ) {
    this.logFile = join(dir, "answers.jsonl");
    this.snapshotFile = join(dir, "figures.json");
    this.generationFile = join(dir, "generation");
  }

  /** The figures with every answer logged so far folded in. Calls share one fold at a time. */
  current(): Promise<Figures> {
    if (!this.folding) {
      this.folding = this.fold().finally(() => {
        this.folding = undefined;
      });
    }
    return this.folding;
  }

  /** Appends answers to the shared log (not synced: it can be rebuilt from the learners' logs). */
  async publish(events: FigureEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.made) {
      await mkdir(this.dir, { recursive: true });
      this.made = true;
    }
    // Not synced. One small write is synchronous, as a thread-pool round trip would cost more than the write; a
    // large one (a learner's earlier answers republished) is not, so it never stalls the event loop.
    const text = events.map((e) => `${JSON.stringify(e)}\n`).join("");
    if (text.length <= SMALL_READ) appendFileSync(this.logFile, text);
    else await appendFile(this.logFile, text);
  }

  /** Replaces the figures with `figures`, which cover the log up to `offset`, and saves them as the snapshot. */
  async replace(figures: Figures, offset: number): Promise<void> {
    this.figures = figures;
    this.offset = offset;
    await this.saveSnapshot();
    // After the snapshot: a process that sees the new generation finds the recount's snapshot.
    this.generation = randomUUID();
    await writeAtomically(this.generationFile, this.generation, { durable: false });
  }

  /** The generation on disk: a few bytes, read at every fold (one small synchronous read). */
  private currentGeneration(): string {
    try {
      return readFileSync(this.generationFile, "utf8");
    } catch {
      return "";
    }
  }

  async size(): Promise<number> {
    return stat(this.logFile).then(
      (s) => s.size,
      () => 0,
    );
  }

  private async fold(): Promise<Figures> {
    const generation = this.currentGeneration();
    if (!this.figures || generation !== this.generation) {
      // First look, or another process recounted since: start again from its snapshot.
      this.generation = generation;
      await this.loadSnapshot();
    }
    const figures = this.figures as Figures;
    let skipped = 0;
    const take = (line: Line) => {
      this.offset = line.end;
      let event: FigureEvent;
      try {
        event = JSON.parse(line.text) as FigureEvent;
      } catch {
        skipped++;
        return;
      }
      if (
        typeof event?.learnerId !== "string" ||
        typeof event.questionId !== "string" ||
        typeof event.at !== "string" ||
        (event.selected !== undefined && !Array.isArray(event.selected))
      ) {
        skipped++;
        return;
      }
      if (figures.add(event)) this.sinceSnapshot++;
    };
    const size = statSync(this.logFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size - this.offset <= SMALL_READ) {
      // The usual case, a few answers since the last look: one synchronous read.
      if (size > this.offset) {
        const bytes = Buffer.alloc(size - this.offset);
        const fd = openSync(this.logFile, "r");
        try {
          readSync(fd, bytes, 0, bytes.length, this.offset);
        } finally {
          closeSync(fd);
        }
        const from = this.offset;
        let start = 0;
        for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
          take({ text: bytes.toString("utf8", start, nl), end: from + nl + 1 });
          start = nl + 1;
        }
      }
    } else {
      for await (const line of readLines(this.logFile, this.offset)) take(line);
    }
    if (skipped > 0) {
      this.notice(
        `${skipped} unreadable line(s) in ${this.logFile} were skipped (a write cut short by a crash). \`tutor data rebuild\` recounts the figures from the learners' own logs.`,
      );
    }
    if (this.sinceSnapshot >= SNAPSHOT_EVERY) await this.saveSnapshot();
    return figures;
  }

  private async loadSnapshot(): Promise<void> {
    this.figures = new Figures();
    this.offset = 0;
    let text: string;
    try {
      text = await readFile(this.snapshotFile, "utf8");
    } catch {
      return;
    }
    try {
      const data = JSON.parse(text) as { version: number; offset: number; figures: FiguresSnapshot };
      if (data.version !== SNAPSHOT_VERSION || typeof data.offset !== "number")
        throw new Error("unknown version");
      this.figures = Figures.fromJSON(data.figures);
      this.offset = data.offset;
    } catch (error) {
      this.notice(
        `The figures snapshot ${this.snapshotFile} could not be read (${(error as Error).message}); the figures are recounted from ${this.logFile}.`,
      );
    }
  }

  private async saveSnapshot(): Promise<void> {
    this.sinceSnapshot = 0;
    const text = JSON.stringify({
      version: SNAPSHOT_VERSION,
      offset: this.offset,
      figures: this.figures?.toJSON(),
    });
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(this.snapshotFile, text, { durable: false });
  }
}
