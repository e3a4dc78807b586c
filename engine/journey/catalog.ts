/** Every lesson with the learner's six stages: the catalog a home screen, a progress page and the next step read. */

import { type Lesson, STAGE_NUMBERS } from "../content/model.js";
import type { EngineContext } from "../context.js";
import type { LearnerDoc } from "../progress/model.js";
import type { CatalogEntry, StageProgress } from "../tutor-types.js";
import { currentStage, latestAnswers, stagesOf } from "./stages.js";

export function stagesFor(
  ctx: EngineContext,
  lesson: Lesson,
  doc: LearnerDoc,
  latest = latestAnswers(doc),
): StageProgress[] {
  return stagesOf(lesson, (s) => ctx.library.questionsFor(lesson.id, s), doc, latest, ctx.passMark);
}

/** A lesson's prerequisites are met when every one of them is completed (all six stages passed). */
export function catalogOf(ctx: EngineContext, doc: LearnerDoc): CatalogEntry[] {
  const latest = latestAnswers(doc);
  const completed = new Set<string>();
  const entries = ctx.library.lessons.map((lesson) => {
    const stages = stagesFor(ctx, lesson, doc, latest);
    const passedStages = stages.filter((s) => s.status === "passed").length;
    if (passedStages === STAGE_NUMBERS.length) completed.add(lesson.id);
    return {
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      tags: lesson.tags,
      prerequisites: lesson.prerequisites,
      prerequisitesMet: false,
      stages,
      passedStages,
      completed: passedStages === STAGE_NUMBERS.length,
      currentStage: currentStage(stages),
    };
  });
  for (const entry of entries) entry.prerequisitesMet = entry.prerequisites.every((p) => completed.has(p));
  return entries;
}
