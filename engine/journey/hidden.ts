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
  const yours = stage === 2 ? "explanation" : stage === 4 ? "design proposal" : "answer";
  const note = `${after.headings.map((h) => `**${h}**`).join(", ")}: shown here once you have handed in your own ${yours}, the first question of this stage's quiz. Write yours before you read the answer.`;
  const heading = "Kept back until you have tried";
  return {
    markdown: `${after.before}\n\n### ${heading}\n\n${note}`,
    sections: [
      ...content.sections.filter((s) => !s.afterAttempt),
      { heading, depth: 3, markdown: note, line: content.line },
    ],
    hidden: after.headings,
  };
}
