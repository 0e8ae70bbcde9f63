import { describe, expect, it } from 'vitest';
import type { PassportCourse, PassportWalkthrough } from '../../protocol';
import { emptyProgress, type CourseProgress } from '../progress';
import { emptyWalkthroughProgress } from '../walkthroughProgress';
import { mergePassportCourse, mergePassportWalkthrough } from './merge';

const passed: PassportCourse = {
  courseId: 'c',
  completedLessons: ['a', 'b'],
  completedAttempts: ['0192f0a0-0000-7000-8000-0000000000a1'],
  bestScore: 8,
  total: 10,
  passed: true,
  masteredAt: '2026-11-10T00:00:00.000Z',
  updatedAt: '2026-11-10T00:00:00.000Z',
};

function local(): CourseProgress {
  const progress = emptyProgress('p', 'c');
  return {
    ...progress,
    completedLessons: ['b', 'z'],
    quiz: { ...progress.quiz, attemptId: 'x', bestScore: 9, total: 10, passed: false },
    updatedAt: '2026-11-20T00:00:00.000Z',
  };
}

describe('adding a passport to a profile', () => {
  it('only grows course progress, and keeps the attempt in progress here', () => {
    const merged = mergePassportCourse(local(), passed);
    expect(merged.completedLessons).toEqual(['a', 'b', 'z']);
    expect(merged.quiz).toMatchObject({ attemptId: 'x', bestScore: 9, total: 10, passed: true });
    expect(merged.quiz.completedAttempts).toEqual(passed.completedAttempts);
    expect(merged.masteredAt).toBe(passed.masteredAt);
    expect(merged.updatedAt).toBe('2026-11-20T00:00:00.000Z');
  });

  it('is idempotent: the same passport twice changes nothing the second time', () => {
    const once = mergePassportCourse(emptyProgress('p', 'c'), passed);
    expect(mergePassportCourse(once, passed)).toEqual(once);
  });

  it('keeps the earliest mastery, whichever side has it', () => {
    const earlier = { ...local(), masteredAt: '2026-11-01T00:00:00.000Z' };
    expect(mergePassportCourse(earlier, passed).masteredAt).toBe('2026-11-01T00:00:00.000Z');
    expect(mergePassportCourse(local(), { ...passed, passed: false }).masteredAt).toBe(
      passed.masteredAt,
    );
  });

  it('adds practice runs once and keeps the fewest mistakes', () => {
    const walkthrough: PassportWalkthrough = {
      walkthroughId: 'w',
      practiceRuns: ['0192f0a0-0000-7000-8000-0000000000b1'],
      fewestMistakes: 3,
      doneForReal: true,
      assisted: false,
      doneAt: '2026-11-10T00:00:00.000Z',
      updatedAt: '2026-11-10T00:00:00.000Z',
    };
    const here = {
      ...emptyWalkthroughProgress('p', 'w'),
      practiceRuns: ['0192f0a0-0000-7000-8000-0000000000c1'],
      fewestMistakes: 5,
      assisted: true,
      updatedAt: '2026-11-12T00:00:00.000Z',
    };
    const merged = mergePassportWalkthrough(here, walkthrough);
    expect(merged).toMatchObject({
      practiceRuns: [walkthrough.practiceRuns[0], here.practiceRuns[0]],
      fewestMistakes: 3,
      doneForReal: true,
      assisted: true,
      doneAt: walkthrough.doneAt,
      updatedAt: here.updatedAt,
    });
    expect(mergePassportWalkthrough(merged, walkthrough)).toEqual(merged);
    const none = mergePassportWalkthrough(emptyWalkthroughProgress('p', 'w'), {
      ...walkthrough,
      fewestMistakes: null,
    });
    expect(none.fewestMistakes).toBeNull();
  });
});
