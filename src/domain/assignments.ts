import type { AssignmentRecord } from '../protocol/records/assignments.ts';
import type { CourseProgress } from './progress';
import { vietnamDay } from './vietnamTime';
import type { WalkthroughProgress } from './walkthroughProgress';

/** Whether a due date is refused: a day before today in Vietnam. No due date is never late. */
export function isPastDue(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today;
}

export type Assignment = Extract<AssignmentRecord, { action: 'assign' }>;

/** A record as a phone keeps it, with whatever else it keeps beside it. */
export interface HeldRecord {
  record: AssignmentRecord;
}

/**
 * The assignments that stand for one account (or, given null, for staff: all of them), from an
 * organisation's records in any order: those for the whole organisation or for the account,
 * less those withdrawn; the soonest due first, those without a due date last, then the oldest.
 */
export function standingAssignments<T extends HeldRecord>(
  held: readonly T[],
  accountId: string | null,
): (T & { record: Assignment })[] {
  const withdrawn = new Set(
    held.flatMap(({ record }) => (record.action === 'withdraw' ? [record.assignmentId] : [])),
  );
  return held
    .filter((h): h is T & { record: Assignment } => h.record.action === 'assign')
    .filter(({ record }) => !withdrawn.has(record.id))
    .filter(({ record }) => accountId === null || forAccount(record, accountId))
    .sort(
      ({ record: a }, { record: b }) =>
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id),
    );
}

/** A person an assignment may reach: their account and, for agency staff, unit and position. */
export interface Assignee {
  accountId: string;
  unitId?: string | null;
  position?: string | null;
}

/** Whether an assignment's target reaches the person. */
export function targetReaches(target: Assignment['target'], person: Assignee): boolean {
  switch (target.kind) {
    case 'organisation':
      return true;
    case 'member':
      return target.accountId === person.accountId;
    case 'unit':
      return target.unitId === person.unitId;
    case 'position':
      return target.position === person.position;
  }
}

/**
 * Whether an assignment the phone holds is for the account. A unit's or a position's reaches a
 * member's phone only when the server found them in that unit or position (staff pull all).
 */
function forAccount(assignment: Assignment, accountId: string): boolean {
  return assignment.target.kind !== 'member' || assignment.target.accountId === accountId;
}

/** Each assignment's exempted accounts, with the reason the admin gave. */
export function exemptionsOf(held: readonly HeldRecord[]): Map<string, Map<string, string>> {
  const exempted = new Map<string, Map<string, string>>();
  for (const { record } of held) {
    if (record.action !== 'exempt') continue;
    const people = exempted.get(record.assignmentId) ?? new Map<string, string>();
    people.set(record.accountId, record.reason);
    exempted.set(record.assignmentId, people);
  }
  return exempted;
}

/**
 * Where one learner stands with one assignment. `done` carries the day it was done (a course
 * mastered, a walkthrough practised or done for real), even before it was assigned; `overdue`
 * is computed from the due date and today, never stored.
 */
export type AssignmentStatus =
  | { kind: 'not_started' }
  | { kind: 'in_progress' }
  | { kind: 'done'; day: string }
  | { kind: 'overdue'; started: boolean }
  | { kind: 'exempt'; reason: string };

/** A learner's derived progress with the assigned item, if they ever touched it. */
export type ItemProgress =
  | { kind: 'course'; progress: CourseProgress | undefined }
  | { kind: 'walkthrough'; progress: WalkthroughProgress | undefined };

/** When a course was mastered (an instant), or null if it is not. */
function masteredAt(p: CourseProgress | undefined): string | null {
  return p?.quiz.passed ? (p.masteredAt ?? p.updatedAt) : null;
}

function doneAt(item: ItemProgress): string | null {
  if (item.kind === 'course') {
    return masteredAt(item.progress);
  }
  const p = item.progress;
  if (!p || (p.practiceRuns.length === 0 && !p.doneForReal)) return null;
  return p.doneAt ?? p.updatedAt;
}

function started(item: ItemProgress): boolean {
  if (item.kind === 'walkthrough') return false;
  return courseStarted(item.progress);
}

function courseStarted(p: CourseProgress | undefined): boolean {
  return (
    p !== undefined &&
    (p.completedLessons.length > 0 || Object.keys(p.quiz.answers).length > 0 || p.quiz.total > 0)
  );
}

/** One learner's status with an assignment, from their progress with its item and today. */
export function assignmentStatus(
  assignment: Pick<Assignment, 'dueDate'>,
  item: ItemProgress,
  today: string,
): AssignmentStatus {
  const done = doneAt(item);
  if (done !== null) return { kind: 'done', day: vietnamDay(new Date(done)) };
  if (assignment.dueDate !== null && assignment.dueDate < today) {
    return { kind: 'overdue', started: started(item) };
  }
  return started(item) ? { kind: 'in_progress' } : { kind: 'not_started' };
}

export type Programme = Assignment & { item: Extract<Assignment['item'], { kind: 'programme' }> };

export const isProgramme = (assignment: Assignment): assignment is Programme =>
  assignment.item.kind === 'programme';

/** A day moved by whole years (29 February becomes 1 March in a year without one). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The round of a programme that stands on `today`: when it started and when it is due. */
export function currentRound(
  assignment: Pick<Assignment, 'startDate' | 'dueDate' | 'renewal' | 'madeAt'>,
  today: string,
): { round: number; start: string; due: string | null } {
  const start = assignment.startDate ?? vietnamDay(new Date(assignment.madeAt));
  let round = 0;
  if (assignment.renewal === 'yearly') {
    while (addYears(start, round + 1) <= today) round += 1;
  }
  return {
    round,
    start: addYears(start, round),
    due: assignment.dueDate === null ? null : addYears(assignment.dueDate, round),
  };
}

/**
 * What a programme needs of one course's progress: when it last changed, when it was mastered
 * (null: not yet) and whether it was begun. The phone derives it from its fold; the server
 * sums it up in SQL over the same events (services/compliance.ts, checked against this).
 */
export interface CourseStanding {
  updatedAt: string;
  masteredAt: string | null;
  started: boolean;
  /** The best score of a finished quiz attempt (0 before any), of `quizTotal` questions. */
  bestScore: number;
  quizTotal: number;
  /** Quiz attempts that reached the end. */
  attempts: number;
}

export function courseStanding(p: CourseProgress | undefined): CourseStanding | undefined {
  return (
    p && {
      updatedAt: p.updatedAt,
      masteredAt: masteredAt(p),
      started: courseStarted(p),
      bestScore: p.quiz.bestScore,
      quizTotal: p.quiz.total,
      attempts: p.quiz.completedAttempts.length,
    }
  );
}

/** Each course's standing from a map of folded progress. */
export function courseStandings(
  progress: ReadonlyMap<string, CourseProgress>,
): Map<string, CourseStanding> {
  return new Map([...progress].map(([id, p]) => [id, courseStanding(p)!]));
}

/** Where one person stands with a programme, as the compliance report and home show it. */
export interface ProgrammeStanding {
  status: AssignmentStatus;
  /** The courses mastered (in this round) and in all. */
  done: number;
  total: number;
  /** The courses still to master, in the programme's order. */
  remaining: string[];
  /** The due date of the round that stands today. */
  dueDate: string | null;
  /** The day (in Vietnam) the last course was mastered, when all are. */
  completedOn: string | null;
  /** The latest thing they did in any of its courses (an instant), or null. */
  lastActivity: string | null;
}

/**
 * One person's standing with a programme: done when every course is mastered (in a yearly
 * programme, on or after the current round's start; the first round counts earlier work),
 * overdue past the round's due date, exempt when the admin said so. Never stored.
 */
export function programmeStanding(
  programme: Programme,
  courses: ReadonlyMap<string, CourseStanding | undefined>,
  exemption: string | undefined,
  today: string,
): ProgrammeStanding {
  const round = currentRound(programme, today);
  const ids = programme.item.courses;
  const mastered = new Map<string, string>();
  let lastActivity: string | null = null;
  for (const id of ids) {
    const course = courses.get(id);
    if (course && (lastActivity === null || course.updatedAt > lastActivity))
      lastActivity = course.updatedAt;
    const at = course?.masteredAt ?? null;
    if (at !== null && (round.round === 0 || vietnamDay(new Date(at)) >= round.start))
      mastered.set(id, vietnamDay(new Date(at)));
  }
  const remaining = ids.filter((id) => !mastered.has(id));
  const completedOn = remaining.length === 0 ? [...mastered.values()].sort().at(-1)! : null;
  // In a later round, only what was done since the round began counts as started.
  const anyStarted = ids.some((id) => {
    const course = courses.get(id);
    return (
      course?.started === true &&
      (round.round === 0 || vietnamDay(new Date(course.updatedAt)) >= round.start)
    );
  });
  const status: AssignmentStatus =
    exemption !== undefined
      ? { kind: 'exempt', reason: exemption }
      : completedOn !== null
        ? { kind: 'done', day: completedOn }
        : round.due !== null && round.due < today
          ? { kind: 'overdue', started: anyStarted }
          : anyStarted
            ? { kind: 'in_progress' }
            : { kind: 'not_started' };
  return {
    status,
    done: mastered.size,
    total: ids.length,
    remaining,
    dueDate: round.due,
    completedOn,
    lastActivity,
  };
}
