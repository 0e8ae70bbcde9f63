import { describe, expect, it } from 'vitest';
import { newEventId } from '../lib/ids';
import type { CourseEvent } from './progress';
import { applyEvent, emptyProgress, type CourseProgress } from './progress';

const profileId = '0b7f3c1e-4a59-4b8e-9d43-2f1a6f0c9e11';
const deviceId = '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f';
let clock = Date.UTC(2026, 10, 1);

function event(type: CourseEvent['type'], payload: object): CourseEvent {
  clock += 1000;
  return {
    id: newEventId(),
    deviceId,
    profileId,
    occurredAt: new Date(clock).toISOString(),
    type,
    payload,
  } as CourseEvent;
}

const fold = (events: CourseEvent[]) => events.reduce(applyEvent, emptyProgress(profileId, 'c'));

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('applyEvent', () => {
  const first = newEventId();
  const second = newEventId();
  const cases: { name: string; events: CourseEvent[]; expect: (p: CourseProgress) => void }[] = [
    {
      name: 'completed lessons are a sorted union',
      events: [
        event('lesson.completed', { courseId: 'c', lessonId: 'b' }),
        event('lesson.completed', { courseId: 'c', lessonId: 'a' }),
        event('lesson.completed', { courseId: 'c', lessonId: 'b' }),
      ],
      expect: (p) => expect(p.completedLessons).toEqual(['a', 'b']),
    },
    {
      name: 'the best score never drops and passing is kept',
      events: [
        event('quiz.completed', {
          courseId: 'c',
          attemptId: first,
          score: 7,
          total: 8,
          passed: true,
        }),
        event('quiz.completed', {
          courseId: 'c',
          attemptId: second,
          score: 3,
          total: 8,
          passed: false,
        }),
      ],
      expect: (p) => {
        expect(p.quiz.bestScore).toBe(7);
        expect(p.quiz.passed).toBe(true);
        expect(p.quiz.completedAttempts).toEqual([first, second].sort());
      },
    },
    {
      name: 'a newer attempt replaces the answers of an older one',
      events: [
        event('quiz.answered', {
          courseId: 'c',
          attemptId: first,
          questionId: 'q1',
          chosen: ['a'],
          correct: true,
        }),
        event('quiz.answered', {
          courseId: 'c',
          attemptId: first,
          questionId: 'q2',
          chosen: ['b'],
          correct: false,
        }),
        event('quiz.answered', {
          courseId: 'c',
          attemptId: second,
          questionId: 'q1',
          chosen: ['c'],
          correct: false,
        }),
      ],
      expect: (p) => {
        expect(p.quiz.attemptId).toBe(second);
        expect(Object.keys(p.quiz.answers)).toEqual(['q1']);
        expect(p.quiz.answers.q1?.chosen).toEqual(['c']);
        expect(p.quiz.missedQuestions).toEqual(['q1', 'q2']);
      },
    },
    {
      name: 'updatedAt is the latest occurredAt',
      events: [event('lesson.completed', { courseId: 'c', lessonId: 'a' })],
      expect: (p) => expect(p.updatedAt).toBe(new Date(clock).toISOString()),
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => testCase.expect(fold(testCase.events)));
  }

  it('gives the same progress for the same events in any order, any number of times', () => {
    const events = cases.flatMap((c) => c.events);
    const expected = fold(events);
    for (let seed = 1; seed <= 200; seed += 1) {
      const replayed = shuffled([...events, ...events.slice(0, seed % events.length)], seed);
      expect(fold(replayed)).toEqual(expected);
    }
  });
});
