import { describe, expect, it } from 'vitest';
import type { Course } from '../protocol/content';
import {
  beginnerOrder,
  CHECK_QUESTIONS,
  checkScore,
  nextStep,
  readFirstPath,
  suggestCourse,
  type CheckAnswers,
  type Goal,
} from './firstPath';
import type { CourseProgress } from './progress';

const INSTALLED = [
  'ai-assistants',
  'cashless-payments',
  'communicating-online',
  'digital-health',
  'finding-information',
  'personal-data',
  'public-services-online',
  'smartphone-basics',
  'staying-safe',
  'vneid-identity',
];

const ALL_RIGHT: CheckAnswers = Object.fromEntries(CHECK_QUESTIONS.map((q) => [q.id, q.right]));
const ALL_MISSING: CheckAnswers = Object.fromEntries(
  CHECK_QUESTIONS.map((q) => [q.id, q.options.find((o) => o !== q.right)!]),
);
const only = (missing: string[]): CheckAnswers =>
  Object.fromEntries(
    CHECK_QUESTIONS.map((q) => [q.id, missing.includes(q.id) ? ALL_MISSING[q.id]! : q.right]),
  );

describe('the five-question check', () => {
  it('has five questions whose right option is one of its options, each teaching a course', () => {
    expect(CHECK_QUESTIONS).toHaveLength(5);
    for (const q of CHECK_QUESTIONS) {
      expect(q.options).toContain(q.right);
      expect(INSTALLED).toContain(q.course);
    }
  });

  it.each([
    [{}, 0],
    [ALL_MISSING, 0],
    [only(['call', 'otp']), 3],
    [ALL_RIGHT, 5],
    [{ call: 'can', otp: 'read' }, 1],
  ])('scores %j as %i', (answers, score) => {
    expect(checkScore(answers)).toBe(score);
  });
});

describe('the suggested start', () => {
  const cases: [string, CheckAnswers, Goal, string][] = [
    ['nothing yet, no goal: the phone first', ALL_MISSING, 'unknown', 'smartphone-basics'],
    [
      'nothing yet, even wanting papers: the phone first',
      ALL_MISSING,
      'papers',
      'smartphone-basics',
    ],
    [
      'can use the phone, would read out an OTP: safety first',
      only(['otp', 'qr']),
      'money',
      'staying-safe',
    ],
    ['phone and safety fine: what they want', only(['message', 'qr']), 'health', 'digital-health'],
    ['wants papers and can do it all: still what they want', ALL_RIGHT, 'papers', 'vneid-identity'],
    [
      'no goal: the first missing skill in beginner order',
      only(['vneid', 'message']),
      'unknown',
      'communicating-online',
    ],
    [
      'no goal, every skill: the first course the check did not cover',
      ALL_RIGHT,
      'unknown',
      'personal-data',
    ],
    ['nothing answered counts as missing', {}, 'family', 'smartphone-basics'],
  ];
  it.each(cases)('%s', (_name, answers, goal, expected) => {
    expect(suggestCourse(answers, goal, INSTALLED)).toBe(expected);
  });

  it('suggests only installed courses', () => {
    expect(suggestCourse(ALL_MISSING, 'money', ['digital-health', 'cashless-payments'])).toBe(
      'cashless-payments',
    );
    expect(suggestCourse(ALL_RIGHT, 'health', ['ai-assistants', 'new-topic'])).toBe(
      'ai-assistants',
    );
    expect(suggestCourse(ALL_RIGHT, 'unknown', [])).toBeUndefined();
  });
});

describe('beginner order', () => {
  it('puts phone basics and staying safe first, and unknown courses last by id', () => {
    expect(
      beginnerOrder([
        'zeta-new',
        'ai-assistants',
        'staying-safe',
        'alpha-new',
        'smartphone-basics',
      ]),
    ).toEqual(['smartphone-basics', 'staying-safe', 'ai-assistants', 'alpha-new', 'zeta-new']);
  });
});

describe('reading a stored answer', () => {
  const stored = {
    goal: 'money',
    answers: ALL_RIGHT,
    suggested: 'cashless-payments',
    at: '2026-01-05T10:00:00Z',
  };
  it.each([
    [undefined, null],
    ['text', null],
    [{ ...stored, goal: 'fishing' }, null],
    [{ ...stored, suggested: '' }, null],
    [{ ...stored, answers: null }, null],
    [stored, stored],
    [
      { ...stored, answers: { call: 'can', otp: 'maybe', extra: 'x' } },
      { ...stored, answers: { call: 'can' } },
    ],
  ])('%j reads as %j', (raw, expected) => {
    expect(readFirstPath(raw)).toEqual(expected);
  });
});

describe('the next step on home', () => {
  const course = (id: string): Course =>
    ({
      id,
      lessons: [{ id: 'one' }],
      quiz: { questions: [] },
    }) as unknown as Course;
  const courses = INSTALLED.map(course);
  const progressOf = (
    courseId: string,
    passed: boolean,
    updatedAt = '2026-01-01T00:00:00Z',
  ): CourseProgress =>
    ({
      courseId,
      completedLessons: ['one'],
      updatedAt,
      quiz: { passed },
    }) as unknown as CourseProgress;
  const none = new Map();

  it.each([
    [
      'a new person with a suggestion: the suggestion',
      none,
      'digital-health',
      'suggested',
      'digital-health',
    ],
    ['a new person without one: phone basics', none, undefined, 'next', 'smartphone-basics'],
    [
      'a course in progress comes before the suggestion',
      new Map([['finding-information', progressOf('finding-information', false)]]),
      'digital-health',
      'continue',
      'finding-information',
    ],
    [
      'a mastered suggestion gives way to the next course in order',
      new Map([
        ['digital-health', progressOf('digital-health', true)],
        ['smartphone-basics', progressOf('smartphone-basics', true)],
      ]),
      'digital-health',
      'next',
      'staying-safe',
    ],
  ] as const)('%s', (_name, progress, suggested, kind, id) => {
    const step = nextStep(courses, new Map(progress), none, suggested);
    expect(step && { kind: step.kind, id: step.course.id }).toEqual({ kind, id });
  });

  it('is undefined once every course is mastered', () => {
    const progress = new Map(INSTALLED.map((id) => [id, progressOf(id, true)]));
    expect(nextStep(courses, progress, none, 'digital-health')).toBeUndefined();
  });

  it('never offers a course for officials as a citizen’s next step, but continues one begun', () => {
    const forOfficials = { ...course('ai-at-work'), audience: 'officials' } as Course;
    const progress = new Map(INSTALLED.map((id) => [id, progressOf(id, true)]));
    expect(nextStep([...courses, forOfficials], progress, none, undefined)).toBeUndefined();
    progress.set('ai-at-work', progressOf('ai-at-work', false, '2026-02-01T00:00:00Z'));
    expect(nextStep([...courses, forOfficials], progress, none, undefined)).toMatchObject({
      kind: 'continue',
      course: { id: 'ai-at-work' },
    });
  });
});
