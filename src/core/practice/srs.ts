import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Band } from '../score/result.js';
import type { SrsCard } from './records.js';

const scheduler = fsrs();

/**
 * How well an answer went, as a review grade: insufficient → Again, needs improvement → Hard,
 * good → Good, excellent → Easy. A multiple-choice answer is Good when right, Again when wrong.
 */
export function gradeFor(band: Band): Grade {
  switch (band) {
    case 'excellent':
      return Rating.Easy;
    case 'good':
      return Rating.Good;
    case 'needs_improvement':
      return Rating.Hard;
    case 'insufficient':
      return Rating.Again;
  }
}

function toCard(card: SrsCard): Card {
  return {
    ...card,
    learning_steps: card.learning_steps ?? 0,
    due: new Date(card.due),
    last_review: card.last_review ? new Date(card.last_review) : undefined,
  } as Card;
}

function fromCard(card: Card): SrsCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    learning_steps: card.learning_steps,
    state: card.state,
    last_review: card.last_review?.toISOString(),
  };
}

/** The card after a review at `now` with `grade`, starting from the question's previous card (or a new one). */
export function review(previous: SrsCard | undefined, now: Date, grade: Grade): SrsCard {
  const card = previous ? toCard(previous) : createEmptyCard(now);
  return fromCard(scheduler.next(card, now, grade).card);
}

/** Whether a card is due at `now`. */
export function isDue(card: SrsCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}
