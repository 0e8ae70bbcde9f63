import type { Question } from '../../protocol/content.ts';
import type { EventOf } from '../../protocol/events.ts';
import { isCorrectChoice } from '../quiz.ts';

/** Right answers needed: ceil(mastery x total), so 0.8 of 10 needs 8 and 0.8 of 7 needs 6. */
export function answersNeeded(mastery: number, total: number): number {
  return Math.ceil(mastery * total - 1e-9);
}

/**
 * Whether a person mastered a quiz, from their own `quiz.answered` events only, scored again
 * against the answer key: the client's `correct` and `passed` flags are never trusted. Each
 * attempt counts its newest answer per question; one attempt reaching the threshold is enough
 * (progress is monotonic: a later weaker attempt does not take a mastery away).
 */
export function masteredQuiz(
  questions: readonly Question[],
  mastery: number,
  answers: readonly EventOf<'quiz.answered'>[],
): boolean {
  if (questions.length === 0) return false;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const attempts = new Map<string, Map<string, EventOf<'quiz.answered'>>>();
  for (const event of answers) {
    if (!byId.has(event.payload.questionId)) continue;
    const attempt = attempts.get(event.payload.attemptId) ?? new Map();
    const previous = attempt.get(event.payload.questionId);
    if (!previous || previous.id < event.id) attempt.set(event.payload.questionId, event);
    attempts.set(event.payload.attemptId, attempt);
  }
  const needed = answersNeeded(mastery, questions.length);
  for (const attempt of attempts.values()) {
    let right = 0;
    for (const [questionId, event] of attempt) {
      if (isCorrectChoice(byId.get(questionId)!, event.payload.chosen)) right += 1;
    }
    if (right >= needed) return true;
  }
  return false;
}
