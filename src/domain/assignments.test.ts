import { describe, expect, it } from 'vitest';
import { newEventId, newRandomId } from '../lib/ids';
import type { AssignmentRecord } from '../protocol';
import { testEvent } from '../test/events';
import {
  addYears,
  assignmentStatus,
  courseStanding,
  currentRound,
  isPastDue,
  programmeStanding,
  targetReaches,
  type Programme,
  standingAssignments,
  type Assignment,
  type ItemProgress,
} from './assignments';
import { vietnamDay } from './vietnamTime';
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

describe('programmes', () => {
  const programme = (over: Partial<Programme> = {}): Programme => ({
    id: newEventId(),
    deviceId: DEVICE,
    organisationId: ORG,
    madeAt: '2026-01-05T03:00:00Z',
    action: 'assign',
    item: {
      kind: 'programme',
      id: 'ky-nang-so-2026',
      title: 'Kỹ năng số 2026',
      courses: ['smartphone-basics', 'staying-safe'],
    },
    target: { kind: 'organisation' },
    startDate: '2026-01-10',
    dueDate: '2026-03-31',
    ...over,
  });
  const mastered = (at: string) => courseAfter(lesson(at), quiz(at, true));
  const started = (at: string) => courseAfter(lesson(at));
  const standing = (
    p: Programme,
    courses: readonly (readonly [string, ReturnType<typeof courseAfter>])[],
    today: string,
    exemption?: string,
  ) =>
    programmeStanding(
      p,
      new Map(courses.map(([id, progress]) => [id, courseStanding(progress)])),
      exemption,
      today,
    );

  it.each([
    ['nothing done', [], '2026-02-01', 'not_started', 0],
    [
      'one course begun',
      [['smartphone-basics', started('2026-01-20T02:00:00Z')]],
      '2026-02-01',
      'in_progress',
      0,
    ],
    [
      'one of two mastered',
      [['smartphone-basics', mastered('2026-01-20T02:00:00Z')]],
      '2026-02-01',
      'in_progress',
      1,
    ],
    ['nothing, the day after the due date', [], '2026-04-01', 'overdue', 0],
    ['nothing, on the due date itself', [], '2026-03-31', 'not_started', 0],
    [
      'half, past due',
      [['staying-safe', mastered('2026-01-20T02:00:00Z')]],
      '2026-04-01',
      'overdue',
      1,
    ],
  ] as const)('%s', (_name, courses, today, status, done) => {
    const result = standing(programme(), courses, today);
    expect(result.status.kind).toBe(status);
    expect(result.done).toBe(done);
    expect(result.total).toBe(2);
  });

  it('is done on the day the last course was mastered, before or after the due date', () => {
    const result = standing(
      programme(),
      [
        ['smartphone-basics', mastered('2026-01-20T02:00:00Z')],
        // 23:30 on 9 April in Vietnam is 16:30 UTC: the Vietnamese day counts.
        ['staying-safe', mastered('2026-04-09T16:30:00Z')],
      ],
      '2026-05-01',
    );
    expect(result.status).toEqual({ kind: 'done', day: '2026-04-09' });
    expect(result.completedOn).toBe('2026-04-09');
    expect(result.remaining).toEqual([]);
    expect(result.lastActivity).toBe('2026-04-09T16:30:00Z');
  });

  it('is exempt whatever was done, and says why', () => {
    const result = standing(programme(), [], '2026-05-01', 'Nghỉ thai sản');
    expect(result.status).toEqual({ kind: 'exempt', reason: 'Nghỉ thai sản' });
  });

  it('starts again each year when renewed yearly: last year’s mastery no longer counts', () => {
    const yearly = programme({ renewal: 'yearly' });
    const courses: [string, ReturnType<typeof courseAfter>][] = [
      ['smartphone-basics', mastered('2026-01-20T02:00:00Z')],
      ['staying-safe', mastered('2026-01-21T02:00:00Z')],
    ];
    expect(standing(yearly, courses, '2027-01-09').status.kind).toBe('done');
    const next = standing(yearly, courses, '2027-01-10');
    expect(next.status.kind).toBe('not_started');
    expect(next.dueDate).toBe('2027-03-31');
    expect(standing(programme(), courses, '2027-01-10').status.kind).toBe('done');
    expect(currentRound(yearly, '2028-06-01')).toEqual({
      round: 2,
      start: '2028-01-10',
      due: '2028-03-31',
    });
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
  });

  it('reaches a unit’s or a position’s staff only', () => {
    const person = { accountId: 'a', unitId: 'u1', position: 'Chuyên viên' };
    expect(targetReaches({ kind: 'unit', unitId: 'u1' }, person)).toBe(true);
    expect(targetReaches({ kind: 'unit', unitId: 'u2' }, person)).toBe(false);
    expect(targetReaches({ kind: 'position', position: 'Chuyên viên' }, person)).toBe(true);
    expect(targetReaches({ kind: 'position', position: 'Trưởng phòng' }, person)).toBe(false);
    expect(targetReaches({ kind: 'unit', unitId: 'u1' }, { accountId: 'a' })).toBe(false);
  });
});
