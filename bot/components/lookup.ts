/** Turns references from custom ids back into content, reading only what the engine holds in memory. */
import { type Lesson, type Question, STAGE_NUMBERS, type Tutor } from "../../engine/index.js";
import { resolveRef } from "./custom-id.js";

export function lessonByRef(tutor: Tutor, ref: string | undefined): Lesson | undefined {
  if (!ref) return undefined;
  const id = ref.startsWith("~")
    ? resolveRef(
        ref,
        tutor.lessons().map((l) => l.id),
      )
    : ref;
  return id ? tutor.lesson(id) : undefined;
}

function* questionIds(tutor: Tutor): Generator<string> {
  for (const lesson of tutor.lessons()) {
    for (const stage of STAGE_NUMBERS) for (const q of tutor.questionsFor(lesson.id, stage)) yield q.id;
  }
}

export function questionByRef(tutor: Tutor, ref: string | undefined): Question | undefined {
  if (!ref) return undefined;
  const id = ref.startsWith("~") ? resolveRef(ref, questionIds(tutor)) : ref;
  return id ? tutor.question(id) : undefined;
}

export function lessonTitle(tutor: Tutor, lessonId: string | undefined): string {
  return (lessonId && tutor.lesson(lessonId)?.title) || lessonId || "Review";
}
