import { describe, expect, it } from 'vitest';
import type { Question } from '../protocol';
import { passMark } from './course';
import { isCorrectChoice, meetsMastery } from './quiz';

const multiple: Question = {
  id: 'q',
  kind: 'multiple',
  prompt: { vi: 'v', en: 'e' },
  options: ['a', 'b', 'c'].map((id) => ({ id, text: { vi: id, en: id } })),
  answer: ['a', 'c'],
  explanation: { vi: 'v', en: 'e' },
};

describe('quiz rules', () => {
  it.each([
    [['a', 'c'], true],
    [['c', 'a'], true],
    [['a'], false],
    [['a', 'b', 'c'], false],
    [[], false],
  ])('choice %j is right: %s', (chosen, right) => {
    expect(isCorrectChoice(multiple, chosen)).toBe(right);
  });

  it.each([
    [7, 8, 0.8, true],
    [6, 8, 0.8, false],
    [4, 5, 0.8, true],
    [0, 0, 0.8, false],
  ])('%i of %i with mastery %d passes: %s', (score, total, mastery, passes) => {
    expect(meetsMastery(score, total, mastery)).toBe(passes);
  });

  it('names the smallest passing score', () => {
    const questions = Array.from({ length: 8 }, (_, i) => ({ ...multiple, id: `q${i}` }));
    const course = { mastery: 0.8, quiz: { questions } } as Parameters<typeof passMark>[0];
    expect(passMark(course)).toBe(7);
  });
});
