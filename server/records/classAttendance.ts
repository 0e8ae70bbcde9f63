import type { AttendanceMark, ClassSession, Refusal } from '../../src/protocol';
import type { Database } from '../db/database';
import { classRole, storeAttendance } from '../services/attendance';
import type { Principal } from '../services/principal';
import { pushByOrganisation, type HandlerOutcome } from './handler';

/** What a caller may read of a class's attendance: everything (its teacher) or their own marks. */
export interface ClassReader {
  /** Null for the class's teacher; a learner's own account id otherwise. */
  learnerId: string | null;
}

/** Who may pull a class's sessions and marks: its teachers all, its learners their own. */
export async function classReader(
  db: Database,
  caller: Principal,
  classId: string,
): Promise<ClassReader | null> {
  if (caller.kind !== 'account') return null;
  const role = await classRole(db, caller.accountId, classId);
  if (role === 'teacher') return { learnerId: null };
  if (role === 'learner') return { learnerId: caller.accountId };
  return null;
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
  return pushByOrganisation(
    records,
    (record) => record.classId,
    async (classId, share): Promise<HandlerOutcome> => {
      const teacherId =
        caller.kind === 'account' && (await classRole(db, caller.accountId, classId)) === 'teacher'
          ? caller.accountId
          : null;
      if (!teacherId) {
        return {
          accepted: [],
          refused: share.map((record): Refusal => ({
            kind,
            id: record.id,
            reason: 'forbidden_scope',
            message: 'Only a teacher of this class records its sessions and attendance',
          })),
        };
      }
      const input =
        kind === 'class-session'
          ? { sessions: share as ClassSession[], marks: [] }
          : { sessions: [], marks: share as AttendanceMark[] };
      const stored = await storeAttendance(db, classId, teacherId, input);
      return {
        accepted: stored.accepted,
        refused: stored.refused.map((refusal) => ({ kind, ...refusal })),
      };
    },
  );
}
