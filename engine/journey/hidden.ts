/**
 * Produce before being shown: a lesson's `{after-attempt}` parts (stage 2's "what a good explanation covers",
 * stage 4's real design) stay out of the reader until the learner has handed in the stage's explain question.
 * The rule holds for every way a stage is read, since the reader only gets what `stageText` returns.
 */
import type { Lesson, LessonSection, StageNumber } from "../content/model.js";
import type { LearnerDoc } from "../progress/model.js";

export function hiddenHeadings(lesson: Lesson, stage: StageNumber): string[] {
  return lesson.stages[stage - 1]?.afterAttempt?.headings ?? [];
}

/** The stage as this learner may read it now, and the headings of the parts still kept back. */
export function stageText(
  lesson: Lesson,
  stage: StageNumber,
  doc: LearnerDoc,
): { markdown: string; sections: LessonSection[]; hidden: string[] } {
  const content = lesson.stages[stage - 1];
  if (!content) return { markdown: "", sections: [], hidden: [] };
  const after = content.afterAttempt;
  if (!after || doc.handedIn?.[lesson.id]?.[stage]) {
    return { markdown: content.markdown, sections: content.sections, hidden: [] };
  }
  return {
    markdown: after.before,
    sections: content.sections.filter((s) => !s.afterAttempt),
    hidden: after.headings,
  };
}
