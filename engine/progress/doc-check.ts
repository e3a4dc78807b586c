/**
 * Checks a learner document as read from disk. A document that is not a JSON object, or whose known fields are
 * of the wrong kind, is unusable as a whole; single bad records (a card that is null or has an unreadable due
 * date, a journal entry that is not one) are taken out to be quarantined, and the rest is kept.
 */
import { DOC_VERSION, emptyDoc, type JournalEntry, type LearnerDoc, type StoredCard } from "./model.js";

export type Checked =
  | { ok: true; doc: LearnerDoc; bad?: { cards: Record<string, unknown>; journal: unknown[] } }
  | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

export function checkDoc(text: string, learnerId: string, now: Date): Checked {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(data)) return { ok: false, reason: "it does not hold a JSON object" };
  if ("journal" in data && !Array.isArray(data.journal))
    return { ok: false, reason: 'its "journal" is not a list' };
  for (const field of ["cards", "passed", "read", "questions", "days", "totals", "log"]) {
    if (field in data && !isObject(data[field]))
      return { ok: false, reason: `its "${field}" is not an object` };
  }
  if ("rev" in data && !isCount(data.rev)) return { ok: false, reason: 'its "rev" is not a count' };
  const fresh = emptyDoc(learnerId, now);
  const doc = { ...fresh, ...data, version: DOC_VERSION } as LearnerDoc;
  const log = data.log as Record<string, unknown> | undefined;
  if (log && !(isCount(log.count) && isCount(log.bytes)))
    return { ok: false, reason: 'its "log" is not a place in the log' };
  const totals = data.totals as Record<string, unknown> | undefined;
  if (totals && !(isCount(totals.answers) && isCount(totals.correct) && isCount(totals.xp))) {
    return { ok: false, reason: 'its "totals" are not counts' };
  }
  const bad = { cards: {} as Record<string, unknown>, journal: [] as unknown[] };
  const cards: Record<string, StoredCard> = {};
  for (const [id, card] of Object.entries(doc.cards)) {
    if (isCard(card)) cards[id] = card;
    else bad.cards[id] = card;
  }
  doc.cards = cards;
  const journal: JournalEntry[] = [];
  for (const entry of doc.journal) {
    if (isJournalEntry(entry)) journal.push(entry);
    else bad.journal.push(entry);
  }
  doc.journal = journal;
  // Tallies are counters: a wrong one is set right by a rebuild, not a reason to refuse the document.
  for (const [id, tally] of Object.entries(doc.questions)) {
    if (!isObject(tally) || !isCount(tally.answers) || !isCount(tally.correct)) delete doc.questions[id];
  }
  for (const [day, count] of Object.entries(doc.days)) if (!isCount(count)) delete doc.days[day];
  for (const field of ["passed", "read"] as const) {
    for (const [lesson, stages] of Object.entries(doc[field]))
      if (!isObject(stages)) delete doc[field][lesson];
  }
  const hasBad = Object.keys(bad.cards).length > 0 || bad.journal.length > 0;
  return hasBad ? { ok: true, doc, bad } : { ok: true, doc };
}

export function isCard(card: unknown): card is StoredCard {
  if (!isObject(card)) return false;
  if (typeof card.due !== "string" || Number.isNaN(Date.parse(card.due))) return false;
  if (
    card.last_review !== undefined &&
    (typeof card.last_review !== "string" || Number.isNaN(Date.parse(card.last_review)))
  ) {
    return false;
  }
  return ["stability", "difficulty", "reps", "lapses", "state"].every(
    (k) => typeof card[k] === "number" && Number.isFinite(card[k]),
  );
}

function isJournalEntry(entry: unknown): entry is JournalEntry {
  return (
    isObject(entry) &&
    typeof entry.lessonId === "string" &&
    typeof entry.questionId === "string" &&
    typeof entry.text === "string" &&
    typeof entry.at === "string" &&
    Array.isArray(entry.covered) &&
    Array.isArray(entry.missed)
  );
}

/** An answer record as read from a log or an old document: the fields the figures and tallies rely on. */
export function isAnswerRecord(record: unknown): boolean {
  return (
    isObject(record) &&
    typeof record.questionId === "string" &&
    typeof record.lessonId === "string" &&
    typeof record.at === "string" &&
    typeof record.correct === "boolean" &&
    typeof record.stage === "number" &&
    (record.selected === undefined ||
      (Array.isArray(record.selected) && record.selected.every((n) => Number.isInteger(n) && n >= 0))) &&
    (record.guildId === undefined || typeof record.guildId === "string")
  );
}
