import type { AssignmentRecord } from '../protocol/records/assignments.ts';
import type { CourseProgress } from './progress';
import type { WalkthroughProgress } from './walkthroughProgress';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) it is in Vietnam (UTC+7, no daylight saving) at `instant`. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

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

function forAccount(assignment: Assignment, accountId: string): boolean {
  return assignment.target.kind === 'organisation' || assignment.target.accountId === accountId;
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
  | { kind: 'overdue'; started: boolean };

/** A learner's derived progress with the assigned item, if they ever touched it. */
export type ItemProgress =
  | { kind: 'course'; progress: CourseProgress | undefined }
  | { kind: 'walkthrough'; progress: WalkthroughProgress | undefined };

function doneAt(item: ItemProgress): string | null {
  if (item.kind === 'course') {
    const p = item.progress;
    return p?.quiz.passed ? (p.masteredAt ?? p.updatedAt) : null;
  }
  const p = item.progress;
  if (!p || (p.practiceRuns.length === 0 && !p.doneForReal)) return null;
  return p.doneAt ?? p.updatedAt;
}

function started(item: ItemProgress): boolean {
  if (item.kind === 'walkthrough') return false;
  const p = item.progress;
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
