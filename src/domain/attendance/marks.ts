import type { AttendanceMark, AttendanceStatus, ClassSession } from '../../protocol/attendance.ts';
import { latestVersions, type Version } from './versions.ts';

/** The order a tap walks through: everyone starts present, so one tap marks an absence. */
const TAP_ORDER: readonly AttendanceStatus[] = ['present', 'absent', 'late', 'excused'];

/** The status one more tap on a learner gives. */
export function nextStatus(status: AttendanceStatus): AttendanceStatus {
  return TAP_ORDER[(TAP_ORDER.indexOf(status) + 1) % TAP_ORDER.length]!;
}

type MarkVersion = Pick<AttendanceMark, 'id' | 'sessionId' | 'learnerId' | 'status'> & Version;
type SessionVersion = Pick<ClassSession, 'id' | 'sessionId'> & Version;

/** The current status of each learner at one session: present unless the latest mark says not. */
export function sessionAttendance(
  sessionId: string,
  learnerIds: readonly string[],
  marks: readonly MarkVersion[],
): Map<string, AttendanceStatus> {
  const latest = latestVersions(
    marks.filter((mark) => mark.sessionId === sessionId),
    (mark) => mark.learnerId,
  );
  return new Map(
    learnerIds.map((learnerId) => [learnerId, latest.get(learnerId)?.status ?? 'present']),
  );
}

/** The learners whose status the teacher changed: only they need a new mark. */
export function changedStatuses(
  before: ReadonlyMap<string, AttendanceStatus>,
  after: ReadonlyMap<string, AttendanceStatus>,
): [learnerId: string, status: AttendanceStatus][] {
  return [...after].filter(
    ([learnerId, status]) => (before.get(learnerId) ?? 'present') !== status,
  );
}

/** The current version of each session, deleted ones included. */
export function currentSessions<S extends SessionVersion>(sessions: readonly S[]): S[] {
  return [...latestVersions(sessions, (session) => session.sessionId).values()];
}

/**
 * Marks kept aside: those of a session whose current version is deleted, or of a session this
 * side has never seen. They are never dropped; they return if the session does.
 */
export function marksSetAside<M extends MarkVersion>(
  sessions: readonly (SessionVersion & { deleted: boolean })[],
  marks: readonly M[],
): M[] {
  const live = new Set(
    currentSessions(sessions)
      .filter((session) => !session.deleted)
      .map((session) => session.sessionId),
  );
  return marks.filter((mark) => !live.has(mark.sessionId));
}
