import type { AttendanceMark, ClassSession, Refusal } from '../../src/protocol';
import type { Database } from '../db/database';
import { classRole, storeAttendance } from '../services/attendance';
import type { Principal } from '../services/principal';
import type { HandlerOutcome } from './handler';

/** What a caller may read of a class's attendance: everything (its teacher) or their own marks. */
export interface ClassReader {
  classId: string;
  /** Null for the class's teacher; a learner's own account id otherwise. */
  learnerId: string | null;
}

/** Who may pull a class's sessions and marks: its teachers all, its learners their own. */
export async function classReader(
  db: Database,
  caller: Principal,
  scope: string | undefined,
): Promise<ClassReader | null> {
  if (!scope?.startsWith('org:') || caller.kind !== 'account') return null;
  const classId = scope.slice('org:'.length);
  const role = await classRole(db, caller.accountId, classId);
  if (role === 'teacher') return { classId, learnerId: null };
  if (role === 'learner') return { classId, learnerId: caller.accountId };
  return null;
}

function byClass<R extends { classId: string }>(records: readonly R[]): Map<string, R[]> {
  const classes = new Map<string, R[]>();
  for (const record of records) {
    const share = classes.get(record.classId) ?? [];
    share.push(record);
    classes.set(record.classId, share);
  }
  return classes;
}

/**
 * Stores each class's share of a push when the caller teaches that class; refuses the share
 * of any other class whole, with `forbidden_scope`.
 */
export async function pushToClasses(
  db: Database,
  caller: Principal,
  kind: 'class-session' | 'attendance-mark',
  records: readonly (ClassSession | AttendanceMark)[],
): Promise<HandlerOutcome> {
  const outcome: HandlerOutcome = { accepted: [], refused: [] };
  for (const [classId, share] of byClass(records)) {
    const teacherId =
      caller.kind === 'account' && (await classRole(db, caller.accountId, classId)) === 'teacher'
        ? caller.accountId
        : null;
    if (!teacherId) {
      outcome.refused.push(
        ...share.map((record): Refusal => ({
          kind,
          id: record.id,
          reason: 'forbidden_scope',
          message: 'Only a teacher of this class records its sessions and attendance',
        })),
      );
      continue;
    }
    const input =
      kind === 'class-session'
        ? { sessions: share as ClassSession[], marks: [] }
        : { sessions: [], marks: share as AttendanceMark[] };
    const stored = await storeAttendance(db, classId, teacherId, input);
    outcome.accepted.push(...stored.accepted);
    outcome.refused.push(...stored.refused.map((refusal) => ({ kind, ...refusal })));
  }
  return outcome;
}
