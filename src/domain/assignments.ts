import type { StoredAssignment } from '../protocol/records/assignments.ts';
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

export type Assignment = Extract<StoredAssignment, { action: 'assign' }>;

/**
 * The assignments that stand for one account, from an organisation's pulled records (in any
 * order): those for the whole organisation or for the account, less those withdrawn; the
 * soonest due first, those without a due date last, then the oldest first.
 */
export function standingAssignments(
  records: readonly StoredAssignment[],
  accountId: string | null,
): Assignment[] {
  const withdrawn = new Set(
    records.flatMap((r) => (r.action === 'withdraw' ? [r.assignmentId] : [])),
  );
  return records
    .filter((r): r is Assignment => r.action === 'assign' && !withdrawn.has(r.id))
    .filter((r) => accountId === null || forAccount(r, accountId))
    .sort(
      (a, b) =>
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
