/** Spaced repetition with ts-fsrs: every answered question is a card; correctness and hint use set the rating. */
import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from "ts-fsrs";
import type { RecallRating, StoredCard } from "../progress/model.js";

// No fuzz, so schedules are reproducible; no short-term (minutes-long) learning steps, because a quiz
// answer should come back days later as a review, not ten minutes later in the middle of the lesson.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

/** Wrong: Again. Right with a hint: Hard. Right unaided: Good. */
export function ratingFor(correct: boolean, hintUsed: boolean): Grade {
  if (!correct) return Rating.Again;
  return hintUsed ? Rating.Hard : Rating.Good;
}

/** The learner's own rating of their recall (self-assessment), as FSRS takes it. */
export function recallGrade(rating: RecallRating): Grade {
  const grades: Record<RecallRating, Grade> = {
    again: Rating.Again,
    hard: Rating.Hard,
    good: Rating.Good,
    easy: Rating.Easy,
  };
  return grades[rating];
}

export function review(stored: StoredCard | undefined, now: Date, rating: Grade): StoredCard {
  const card = stored ? toCard(stored) : createEmptyCard(now);
  return toStored(scheduler.next(card, now, rating).card);
}

/** A card for a question not answered yet, first due at `due`. */
export function newCard(due: Date): StoredCard {
  return toStored(createEmptyCard(due));
}

export function isDue(stored: StoredCard, now: Date): boolean {
  return new Date(stored.due).getTime() <= now.getTime();
}

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    ...(stored.last_review ? { last_review: new Date(stored.last_review) } : {}),
  } as Card;
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return {
    ...rest,
    due: due.toISOString(),
    ...(last_review ? { last_review: last_review.toISOString() } : {}),
  };
}
