import { describe, expect, it } from 'vitest';
import { newEventId, newRandomId } from '../lib/ids';
import type { AssignmentRecord } from '../protocol';
import { testEvent } from '../test/events';
import {
  assignmentStatus,
  isPastDue,
  standingAssignments,
  vietnamDay,
  type Assignment,
  type ItemProgress,
} from './assignments';
import { applyEvent, emptyProgress, type CourseEvent } from './progress';
import {
  applyWalkthroughEvent,
  emptyWalkthroughProgress,
  type WalkthroughEvent,
} from './walkthroughProgress';

const DEVICE = newRandomId();
const PROFILE = newRandomId();
const ORG = newRandomId();
const TEACHER = { accountId: newRandomId(), displayName: 'Cô Hà' };

function courseAfter(...events: Omit<CourseEvent, 'id' | 'deviceId' | 'profileId'>[]) {
  return events.reduce(
    (p, e) =>
      applyEvent(p, { ...testEvent(DEVICE, PROFILE, e as CourseEvent), ...e } as CourseEvent),
    emptyProgress(PROFILE, 'smartphone-basics'),
  );
}

const lesson = (at: string) =>
  ({
    type: 'lesson.completed',
    occurredAt: at,
    payload: { courseId: 'smartphone-basics', lessonId: 'phone-parts' },
  }) as const;
const quiz = (at: string, passed: boolean) =>
  ({
    type: 'quiz.completed',
    occurredAt: at,
    payload: {
      courseId: 'smartphone-basics',
      attemptId: newEventId(),
      score: passed ? 5 : 1,
      total: 5,
      passed,
    },
  }) as const;

function walkthroughAfter(...events: Omit<WalkthroughEvent, 'id' | 'deviceId' | 'profileId'>[]) {
  return events.reduce(
    (p, e) =>
      applyWalkthroughEvent(p, {
        ...testEvent(DEVICE, PROFILE, e as WalkthroughEvent),
        ...e,
      } as WalkthroughEvent),
    emptyWalkthroughProgress(PROFILE, 'vneid-create-account'),
  );
}
const practised = (at: string) =>
  ({
    type: 'walkthrough.practised',
    occurredAt: at,
    payload: { walkthroughId: 'vneid-create-account', mistakes: 0, revealed: 0 },
  }) as const;

describe('vietnamDay', () => {
  it.each([
    ['2026-12-14T16:59:59Z', '2026-12-14'],
    ['2026-12-14T17:00:00Z', '2026-12-15'],
    ['2026-12-31T20:00:00Z', '2027-01-01'],
  ])('%s is %s in Vietnam', (instant, day) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
  });

  it('refuses only due dates before today', () => {
    expect(isPastDue('2026-12-14', '2026-12-15')).toBe(true);
    expect(isPastDue('2026-12-15', '2026-12-15')).toBe(false);
    expect(isPastDue(null, '2026-12-15')).toBe(false);
  });
});

describe('assignmentStatus', () => {
  const TODAY = '2026-12-10';
  const course = (progress: ReturnType<typeof courseAfter> | undefined): ItemProgress => ({
    kind: 'course',
    progress,
  });
  const walkthrough = (
    progress: ReturnType<typeof walkthroughAfter> | undefined,
  ): ItemProgress => ({ kind: 'walkthrough', progress });

  it.each<[string, string | null, ItemProgress, ReturnType<typeof assignmentStatus>]>([
    ['never touched', '2026-12-15', course(undefined), { kind: 'not_started' }],
    ['never touched, no due date', null, course(undefined), { kind: 'not_started' }],
    [
      'a lesson done',
      '2026-12-15',
      course(courseAfter(lesson('2026-12-09T08:00:00+07:00'))),
      {
        kind: 'in_progress',
      },
    ],
    [
      'a failed quiz',
      null,
      course(courseAfter(quiz('2026-12-09T08:00:00+07:00', false))),
      {
        kind: 'in_progress',
      },
    ],
    [
      'mastered (day in Vietnam)',
      '2026-12-15',
      course(courseAfter(quiz('2026-12-08T23:30:00+07:00', true))),
      { kind: 'done', day: '2026-12-08' },
    ],
    [
      'mastered before it was assigned, and again later: the first day counts',
      '2026-12-15',
      course(
        courseAfter(
          quiz('2026-12-09T10:00:00+07:00', true),
          quiz('2026-11-01T10:00:00+07:00', true),
        ),
      ),
      { kind: 'done', day: '2026-11-01' },
    ],
    [
      'mastered after the due date is still done',
      '2026-12-01',
      course(courseAfter(quiz('2026-12-05T10:00:00+07:00', true))),
      { kind: 'done', day: '2026-12-05' },
    ],
    [
      'due yesterday, untouched',
      '2026-12-09',
      course(undefined),
      {
        kind: 'overdue',
        started: false,
      },
    ],
    [
      'due yesterday, started',
      '2026-12-09',
      course(courseAfter(lesson('2026-12-09T08:00:00+07:00'))),
      { kind: 'overdue', started: true },
    ],
    ['due today is not yet overdue', TODAY, course(undefined), { kind: 'not_started' }],
    ['walkthrough untouched', null, walkthrough(undefined), { kind: 'not_started' }],
    [
      'walkthrough practised',
      '2026-12-15',
      walkthrough(walkthroughAfter(practised('2026-12-02T09:00:00+07:00'))),
      { kind: 'done', day: '2026-12-02' },
    ],
    [
      'walkthrough not practised, due passed',
      '2026-12-01',
      walkthrough(emptyWalkthroughProgress(PROFILE, 'vneid-create-account')),
      { kind: 'overdue', started: false },
    ],
  ])('%s', (_name, dueDate, item, expected) => {
    expect(assignmentStatus({ dueDate }, item, TODAY)).toEqual(expected);
  });

  it('reads rows derived before the mastery day was kept by their last change', () => {
    const { masteredAt: _dropped, ...old } = courseAfter(quiz('2026-12-03T09:00:00+07:00', true));
    expect(assignmentStatus({ dueDate: null }, course(old), TODAY)).toEqual({
      kind: 'done',
      day: '2026-12-03',
    });
  });
});

describe('standingAssignments', () => {
  const LEARNER = newRandomId();
  const OTHER = newRandomId();
  const assign = (dueDate: string | null, accountId?: string): Assignment => ({
    id: newEventId(),
    deviceId: DEVICE,
    organisationId: ORG,
    madeAt: '2026-12-01T08:00:00+07:00',
    action: 'assign',
    item: { kind: 'course', id: 'smartphone-basics' },
    target: accountId ? { kind: 'member', accountId } : { kind: 'organisation' },
    dueDate,
  });
  const withdraw = (assignmentId: string): AssignmentRecord => ({
    id: newEventId(),
    deviceId: DEVICE,
    organisationId: ORG,
    madeAt: '2026-12-02T08:00:00+07:00',
    action: 'withdraw',
    assignmentId,
  });

  it('keeps the class’s and the learner’s own, less the withdrawn, soonest due first', () => {
    const noDue = assign(null);
    const late = assign('2026-12-20');
    const soon = assign('2026-12-12', LEARNER);
    const others = assign('2026-12-11', OTHER);
    const gone = assign('2026-12-11');
    const held = [withdraw(gone.id), noDue, late, soon, others, gone].map((record) => ({
      record,
      madeBy: TEACHER,
    }));
    const ids = (accountId: string | null) =>
      standingAssignments(held, accountId).map((h) => h.record.id);
    expect(ids(LEARNER)).toEqual([soon.id, late.id, noDue.id]);
    // Staff see every standing one.
    expect(ids(null)).toEqual([others.id, soon.id, late.id, noDue.id]);
  });
});
