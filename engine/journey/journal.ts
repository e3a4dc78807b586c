/** The journal: what the learner wrote at stages 2, 4 and 6, kept so the end can be set beside the start. */
import type { Question, StageNumber } from "../content/model.js";
import type { JournalEntry, JournalKind, LearnerDoc } from "../progress/model.js";
import type { Grade } from "../quiz/model.js";

function journalKind(stage: StageNumber): JournalKind {
  if (stage === 2) return "explanation";
  if (stage === 4) return "design";
  if (stage === 6) return "reflection";
  return "note";
}

export function journalEntryOf(question: Question, text: string, result: Grade, at: string): JournalEntry {
  const keyPoints = result.keyPoints ?? [];
  return {
    lessonId: question.lessonId,
    stage: question.stage,
    questionId: question.id,
    kind: journalKind(question.stage),
    text,
    at,
    covered: keyPoints.filter((k) => k.covered).map((k) => k.text),
    missed: keyPoints.filter((k) => !k.covered).map((k) => k.text),
  };
}

export function journalOf(doc: LearnerDoc, lessonId?: string): JournalEntry[] {
  return doc.journal.filter((e) => !lessonId || e.lessonId === lessonId);
}

/** The learner's latest stage-2 explanation beside their latest stage-6 reflection. */
export function thenAndNowOf(doc: LearnerDoc, lessonId: string): { then?: JournalEntry; now?: JournalEntry } {
  const entries = journalOf(doc, lessonId);
  const then = entries.filter((e) => e.stage === 2).at(-1);
  const now = entries.filter((e) => e.stage === 6).at(-1);
  return { ...(then ? { then } : {}), ...(now ? { now } : {}) };
}
