/** The loaded lessons and questions, indexed for lookup: by id, by a piece of a title, by lesson and stage. */
import { ok, refuse } from "../context.js";
import { closest } from "../text/closest.js";
import type { Result } from "../tutor-types.js";
import type { Catalog, Lesson, Objective, Question, StageNumber } from "./model.js";

/** "io_uring", "io uring" and "io-uring" all name the same lessons. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();

export class Library {
  private readonly questionIndex = new Map<string, Question>();
  private readonly byStage = new Map<string, Question[]>();
  private readonly objectives = new Map<string, Objective[]>();

  constructor(readonly catalog: Catalog) {
    for (const quiz of catalog.quizzes) {
      for (const s of quiz.stages) this.objectives.set(`${quiz.lessonId}#${s.stage}`, s.objectives);
      for (const q of quiz.questions) {
        this.questionIndex.set(q.id, q);
        const key = `${q.lessonId}#${q.stage}`;
        const list = this.byStage.get(key);
        if (list) list.push(q);
        else this.byStage.set(key, [q]);
      }
    }
  }

  get lessons(): Lesson[] {
    return this.catalog.lessons;
  }

  get questionCount(): number {
    return this.questionIndex.size;
  }

  lesson(id: string): Lesson | undefined {
    return this.catalog.lessons.find((l) => l.id === id);
  }

  questionIdList(): IterableIterator<string> {
    return this.questionIndex.keys();
  }

  question(id: string): Question | undefined {
    return this.questionIndex.get(id);
  }

  /** Every question of a stage, review-only ones included, in file order. */
  questionsFor(lessonId: string, stage: StageNumber): Question[] {
    return this.byStage.get(`${lessonId}#${stage}`) ?? [];
  }

  /** The objectives a stage declares (none for content without them). */
  objectivesFor(lessonId: string, stage: StageNumber): Objective[] {
    return this.objectives.get(`${lessonId}#${stage}`) ?? [];
  }

  /** By id, or by a title fragment that names one lesson; otherwise a refusal with the closest id. */
  findLesson(text: string): Result<Lesson> {
    const wanted = text.trim().toLowerCase();
    const byId = this.lesson(wanted);
    if (byId) return ok(byId);
    const folded = fold(wanted);
    const matching = folded
      ? this.lessons.filter((l) => fold(l.title).includes(folded) || fold(l.id).includes(folded))
      : [];
    if (matching.length === 1) return ok(matching[0] as Lesson);
    if (matching.length > 1) {
      return refuse(
        "unknown-lesson",
        `\`${text}\` matches ${matching.length} lessons: ${matching.map((l) => l.id).join(", ")}. Name one of them.`,
        { suggestion: (matching[0] as Lesson).id },
      );
    }
    const suggestion = closest(
      wanted,
      this.lessons.map((l) => l.id),
    );
    return refuse(
      "unknown-lesson",
      `There is no lesson \`${text}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
      suggestion ? { suggestion } : {},
    );
  }
}
