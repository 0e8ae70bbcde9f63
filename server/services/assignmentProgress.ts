import {
  assignmentStatus,
  courseStandings,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
  targetReaches,
  type Assignment,
  type AssignmentStatus,
} from '../../src/domain/assignments';
import { vietnamDay } from '../../src/domain/vietnamTime';
import type { CourseProgress } from '../../src/domain/progress';
import type { AssignmentProgress, AssignmentRecord } from '../../src/protocol';
import type { Database } from '../db/database';
import { staffDirectory } from './agencyStaff';
import { eventOfRow, type EventRecord } from './events';
import { listMembers, type Outcome } from './organisations';
import { ownerOfAccount } from './principal';
import { emptyLearning, foldLearning, type FoldedLearning } from './progress';

export interface LearnerProgress extends FoldedLearning {
  lastSyncedAt: string | null;
}

/** Each learner's progress, folded from their events with the app's own rules. */
export async function learnerProgress(
  db: Database,
  accountIds: string[],
): Promise<Map<string, LearnerProgress>> {
  const rows = await db.query<
    Omit<EventRecord, 'server_seq'> & { owner_id: string; received_at: Date }
  >(
    `SELECT owner_id, id, device_id, profile_id, type, payload, occurred_at, received_at
     FROM events WHERE owner_id = ANY($1::text[]) ORDER BY server_seq`,
    [accountIds.map(ownerOfAccount)],
  );
  const byAccount = new Map<string, LearnerProgress>(
    accountIds.map((id) => [id, { ...emptyLearning(), lastSyncedAt: null }]),
  );
  for (const row of rows) {
    const learner = byAccount.get(row.owner_id.slice('account:'.length))!;
    const received = new Date(row.received_at).toISOString();
    if (!learner.lastSyncedAt || received > learner.lastSyncedAt) learner.lastSyncedAt = received;
    foldLearning(learner, eventOfRow(row));
  }
  return byAccount;
}

/** How many of the learners ever got each of a course's questions wrong, most first. */
function missedQuestions(progress: (CourseProgress | undefined)[]) {
  const counts = new Map<string, number>();
  for (const course of progress) {
    for (const question of course?.quiz.missedQuestions ?? []) {
      counts.set(question, (counts.get(question) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([questionId, learners]) => ({ questionId, learners }))
    .sort((a, b) => b.learners - a.learners || a.questionId.localeCompare(b.questionId));
}

/**
 * For an organisation's teacher or admin: every standing assignment with each learner it is
 * for (staff are never among them) and their derived status, from what has synced.
 */
export async function assignmentProgress(
  db: Database,
  actorId: string,
  organisationId: string,
  now = new Date(),
): Promise<Outcome<AssignmentProgress, 'forbidden' | 'not_found'>> {
  const members = await listMembers(db, actorId, organisationId);
  if (!members.ok) return members as Outcome<never, 'forbidden' | 'not_found'>;
  const learners = members.value.filter((m) => m.role === 'learner');
  const progress = await learnerProgress(
    db,
    learners.map((l) => l.accountId),
  );
  const records = await db.query<{ record: AssignmentRecord }>(
    `SELECT record FROM assignments WHERE organisation_id = $1 ORDER BY seq`,
    [organisationId],
  );
  const today = vietnamDay(now);
  const staff = await staffDirectory(db, organisationId);
  const exemptions = exemptionsOf(records);
  const assignments = standingAssignments(records, null).map(({ record }) => {
    const forWhom = learners.filter((l) =>
      targetReaches(record.target, { accountId: l.accountId, ...staff.get(l.accountId) }),
    );
    const exempted = exemptions.get(record.id);
    return {
      id: record.id,
      item: record.item,
      target: record.target,
      dueDate: record.dueDate,
      statuses: forWhom.map((l) => ({
        accountId: l.accountId,
        status: statusOf(record, progress.get(l.accountId)!, exempted?.get(l.accountId), today),
      })),
      missed:
        record.item.kind === 'course'
          ? missedQuestions(
              forWhom.map((l) => progress.get(l.accountId)!.courses.get(record.item.id)),
            )
          : [],
    };
  });
  return {
    ok: true,
    value: {
      asOf: now.toISOString(),
      learners: learners.map((l) => ({
        accountId: l.accountId,
        displayName: l.displayName,
        lastSyncedAt: progress.get(l.accountId)!.lastSyncedAt,
      })),
      assignments,
    },
  };
}

function statusOf(
  record: Assignment,
  learner: LearnerProgress,
  exemption: string | undefined,
  today: string,
): AssignmentStatus {
  if (isProgramme(record)) {
    return programmeStanding(record, courseStandings(learner.courses), exemption, today).status;
  }
  if (exemption !== undefined) return { kind: 'exempt', reason: exemption };
  return assignmentStatus(
    record,
    record.item.kind === 'course'
      ? { kind: 'course', progress: learner.courses.get(record.item.id) }
      : { kind: 'walkthrough', progress: learner.walkthroughs.get(record.item.id) },
    today,
  );
}
