import type { Question } from '../protocol/content';

/**
 * A choice is right when it picks exactly the answer's options — in any order, except for an
 * "order" question, where the order is the answer.
 */
export function isCorrectChoice(question: Question, chosen: readonly string[]): boolean {
  if (question.kind === 'order') {
    return (
      chosen.length === question.answer.length && question.answer.every((id, i) => chosen[i] === id)
    );
  }
  const picked = new Set(chosen);
  return picked.size === question.answer.length && question.answer.every((id) => picked.has(id));
}

export interface AttemptState {
  answered: number;
  score: number;
  total: number;
  finished: boolean;
  /** The first question of the quiz not yet answered in this attempt, if any. */
  nextQuestionIndex: number | null;
}

/** Where an attempt stands, from its recorded answers alone, in the attempt's order. */
export function attemptState(
  questions: readonly Question[],
  answers: Readonly<Record<string, { correct: boolean } | undefined>>,
): AttemptState {
  const total = questions.length;
  const answered = questions.filter((q) => answers[q.id]).length;
  const score = questions.filter((q) => answers[q.id]?.correct).length;
  const next = questions.findIndex((q) => !answers[q.id]);
  return {
    answered,
    score,
    total,
    finished: answered === total,
    nextQuestionIndex: next === -1 ? null : next,
  };
}

/** Mastery: the share of questions right reaches the course's threshold. */
export function meetsMastery(score: number, total: number, mastery: number): boolean {
  return total > 0 && score / total >= mastery - 1e-9;
}
