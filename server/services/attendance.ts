import type {
  AttendanceMark,
  ClassSession,
  MemberRole,
  StoredAttendanceMark,
  StoredClassSession,
} from '../../src/protocol';
import { canonicalJson } from '../../src/domain/certificates/canonicalJson';
import type { Database, Queryable } from '../db/database';
import { limitPlusOne, pageAfter, type RecordPage } from './pages';

/**
 * A class's sessions and attendance marks: immutable versions, stored once by id and read a
 * page after a cursor. SQL of `class_session_versions` and `attendance_marks` lives here only.
 */

/** Serialises attendance writers, so that `seq` order is commit order and pull never skips one. */
const ATTENDANCE_WRITE_LOCK = 7_201_023;

/** Why a version was not stored. */
export interface AttendanceRefusal {
  id: string;
  reason: 'id_conflict' | 'invalid_record';
  message: string;
}

export interface AttendancePushOutcome {
  /** Stored now, or stored before by the same teacher (a retry). */
  accepted: string[];
  refused: AttendanceRefusal[];
}

/** The caller's role in a class, or null when it is not a class or they are not in it. */
export async function classRole(
  db: Queryable,
  accountId: string,
  classId: string,
): Promise<MemberRole | null> {
  const rows = await db.query<{ role: MemberRole }>(
    `SELECT m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.account_id = $1 AND o.id = $2 AND o.kind = 'class'`,
    [accountId, classId],
  );
  return rows[0]?.role ?? null;
}

interface Existing {
  id: string;
  record: unknown;
  pushed_by: string;
}

/** Whether a version already stored under this id is the same version, pushed again. */
function isRetry(existing: Existing, record: object, pusherId: string): boolean {
  return (
    existing.pushed_by === pusherId && canonicalJson(existing.record) === canonicalJson(record)
  );
}

/** The class each of these sessions was first stored under. */
async function sessionClasses(tx: Queryable, sessionIds: string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ session_id: string; class_id: string }>(
    `SELECT DISTINCT session_id, class_id FROM class_session_versions
     WHERE session_id = ANY($1::uuid[])`,
    [sessionIds],
  );
  return new Map(rows.map((r) => [r.session_id, r.class_id]));
}

async function storedWithIds(
  tx: Queryable,
  table: 'class_session_versions' | 'attendance_marks',
  ids: string[],
): Promise<Map<string, Existing>> {
  const rows = await tx.query<Existing>(
    `SELECT id, record, pushed_by FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Stores a teacher's versions of one class's sessions and marks, all or nothing, in one
 * transaction under the write lock. A retried version is accepted again; an id or a session
 * already used elsewhere is refused. Marks are stored whatever their session's state: a mark
 * of a deleted or not yet synced session is kept aside, never lost.
 */
export async function storeAttendance(
  db: Database,
  classId: string,
  pusherId: string,
  input: { sessions: ClassSession[]; marks: AttendanceMark[] },
): Promise<AttendancePushOutcome> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ATTENDANCE_WRITE_LOCK]);
    const outcome: AttendancePushOutcome = { accepted: [], refused: [] };
    const sessionIds = [...new Set([...input.sessions, ...input.marks].map((r) => r.sessionId))];
    const classes = await sessionClasses(tx, sessionIds);
    const otherClass = (sessionId: string) => {
      const owner = classes.get(sessionId);
      return owner !== undefined && owner !== classId;
    };
    const refuse = (id: string, reason: AttendanceRefusal['reason'], message: string) =>
      outcome.refused.push({ id, reason, message });

    const storedSessions = await storedWithIds(
      tx,
      'class_session_versions',
      input.sessions.map((s) => s.id),
    );
    for (const session of input.sessions) {
      const existing = storedSessions.get(session.id);
      if (existing) {
        if (isRetry(existing, session, pusherId)) outcome.accepted.push(session.id);
        else refuse(session.id, 'id_conflict', 'This version id is already used');
        continue;
      }
      if (otherClass(session.sessionId)) {
        refuse(session.id, 'id_conflict', 'This session belongs to another class');
        continue;
      }
      await tx.query(
        `INSERT INTO class_session_versions (id, session_id, class_id, day, deleted, record, pushed_by)
         VALUES ($1, $2, $3, $4::date, $5, $6::jsonb, $7)`,
        [
          session.id,
          session.sessionId,
          classId,
          session.day,
          session.deleted,
          JSON.stringify(session),
          pusherId,
        ],
      );
      classes.set(session.sessionId, classId);
      outcome.accepted.push(session.id);
    }

    const learners = await classLearnerIds(tx, classId);
    const storedMarks = await storedWithIds(
      tx,
      'attendance_marks',
      input.marks.map((m) => m.id),
    );
    for (const mark of input.marks) {
      const existing = storedMarks.get(mark.id);
      if (existing) {
        if (isRetry(existing, mark, pusherId)) outcome.accepted.push(mark.id);
        else refuse(mark.id, 'id_conflict', 'This version id is already used');
        continue;
      }
      if (otherClass(mark.sessionId)) {
        refuse(mark.id, 'id_conflict', 'This session belongs to another class');
        continue;
      }
      if (!learners.has(mark.learnerId)) {
        refuse(mark.id, 'invalid_record', 'learnerId: not a learner of this class');
        continue;
      }
      await tx.query(
        `INSERT INTO attendance_marks (id, session_id, class_id, learner_id, status, record, pushed_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [
          mark.id,
          mark.sessionId,
          classId,
          mark.learnerId,
          mark.status,
          JSON.stringify(mark),
          pusherId,
        ],
      );
      outcome.accepted.push(mark.id);
    }
    return outcome;
  });
}

/** The class's learners: staff are never learners, so they never get a mark. */
export async function classLearnerIds(db: Queryable, classId: string): Promise<Set<string>> {
  const rows = await db.query<{ account_id: string }>(
    `SELECT account_id FROM memberships WHERE organisation_id = $1 AND role = 'learner'`,
    [classId],
  );
  return new Set(rows.map((r) => r.account_id));
}

interface VersionRow<T> {
  seq: string;
  record: T;
  pushed_by: string;
  display_name: string;
  received_at: Date | string;
}

function stored<T>(row: VersionRow<T>) {
  return {
    ...row.record,
    serverSeq: Number(row.seq),
    pushedBy: { accountId: row.pushed_by, displayName: row.display_name },
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/** A page of a class's session versions after a cursor. */
export async function pullSessions(
  db: Queryable,
  classId: string,
  since: number,
  limit: number | null,
): Promise<RecordPage<StoredClassSession>> {
  const rows = await db.query<VersionRow<ClassSession>>(
    `SELECT v.seq::text AS seq, v.record, v.pushed_by, a.display_name, v.received_at
     FROM class_session_versions v JOIN accounts a ON a.id = v.pushed_by
     WHERE v.class_id = $1 AND v.seq > $2 ORDER BY v.seq LIMIT $3`,
    [classId, since, limitPlusOne(limit)],
  );
  return pageAfter(rows.map(stored), since, limit, (s) => s.serverSeq);
}

/** A page of a class's marks after a cursor: every learner's, or one learner's own. */
export async function pullMarks(
  db: Queryable,
  classId: string,
  learnerId: string | null,
  since: number,
  limit: number | null,
): Promise<RecordPage<StoredAttendanceMark>> {
  const rows = await db.query<VersionRow<AttendanceMark>>(
    `SELECT m.seq::text AS seq, m.record, m.pushed_by, a.display_name, m.received_at
     FROM attendance_marks m JOIN accounts a ON a.id = m.pushed_by
     WHERE m.class_id = $1 AND m.seq > $2 AND ($3::uuid IS NULL OR m.learner_id = $3)
     ORDER BY m.seq LIMIT $4`,
    [classId, since, learnerId, limitPlusOne(limit)],
  );
  return pageAfter(rows.map(stored), since, limit, (m) => m.serverSeq);
}

/** Every version of a class's sessions and marks, for a sheet (the class's teacher only). */
export async function classAttendance(db: Queryable, classId: string) {
  const sessions = await pullSessions(db, classId, 0, null);
  const marks = await pullMarks(db, classId, null, 0, null);
  return { sessions: sessions.records, marks: marks.records };
}

/** The class's learners by name: staff are never listed. */
export async function classLearners(db: Queryable, classId: string) {
  const rows = await db.query<{ account_id: string; display_name: string }>(
    `SELECT m.account_id, a.display_name FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE m.organisation_id = $1 AND m.role = 'learner'`,
    [classId],
  );
  return rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name }));
}
