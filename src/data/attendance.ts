import { changedStatuses } from '../domain/attendance';
import { newEventId } from '../lib/ids';
import {
  attendanceMarkKind,
  classSessionKind,
  type AttendanceMark,
  type AttendanceStatus,
  type ClassSession,
} from '../protocol';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { AttendanceMarkRow, ClassRosterRow, ClassSessionRow, OutboxRow } from './rows';

/** What the teacher saves from the attendance screen. */
export interface AttendanceSave {
  profileId: string;
  deviceId: string;
  classId: string;
  sessionId: string;
  day: string;
  topic: string;
  items: string[];
  deleted: boolean;
  /** The session's current version, when it is an edit. */
  current?: ClassSession;
  /** Each learner's status when the screen opened, and as saved. */
  before: ReadonlyMap<string, AttendanceStatus>;
  after: ReadonlyMap<string, AttendanceStatus>;
}

/** Remembers a class's learners as the teacher sees them now, keeping its pull cursors. */
export async function cacheClassRoster(
  row: Omit<ClassRosterRow, 'cursors'>,
  db: HocSoDatabase = database(),
): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', db.classRosters, async () => {
      const cursors = (await db.classRosters.get(row.classId))?.cursors ?? {
        sessions: 0,
        marks: 0,
      };
      await db.classRosters.put({ ...row, cursors });
    }),
  );
}

const sameSession = (a: ClassSession, b: Omit<ClassSession, 'id' | 'deviceId' | 'savedAt'>) =>
  a.day === b.day &&
  a.topic === b.topic &&
  a.deleted === b.deleted &&
  a.items.join('\n') === b.items.join('\n');

/**
 * Saves a session and its attendance in one transaction, as new versions on the one outbox:
 * a session version when the session is new or changed, and a mark for each learner whose
 * status changed (everyone else stays present, or as they were).
 */
export async function saveAttendance(
  save: AttendanceSave,
  db: HocSoDatabase = database(),
): Promise<void> {
  const savedAt = new Date().toISOString();
  const local = { profileId: save.profileId, state: 'waiting' as const };
  const fields = {
    sessionId: save.sessionId,
    classId: save.classId,
    day: save.day,
    topic: save.topic,
    items: save.items,
    deleted: save.deleted,
  };
  const session: ClassSessionRow | null =
    save.current && sameSession(save.current, fields)
      ? null
      : { id: newEventId(), deviceId: save.deviceId, savedAt, ...fields, ...local };
  const marks: AttendanceMarkRow[] = changedStatuses(save.before, save.after).map(
    ([learnerId, status]) => ({
      id: newEventId(),
      sessionId: save.sessionId,
      classId: save.classId,
      learnerId,
      deviceId: save.deviceId,
      status,
      savedAt,
      ...local,
    }),
  );
  // The session's entry goes first: a mark then never reaches the server ahead of its session.
  const outbox: OutboxRow[] = [
    ...(session ? [{ kind: classSessionKind.kind, recordId: session.id }] : []),
    ...marks.map((mark) => ({ kind: attendanceMarkKind.kind, recordId: mark.id })),
  ].map((entry) => ({ ...entry, createdAt: savedAt, state: 'pending' }));
  await guardStorage(() =>
    db.transaction('rw', db.classSessions, db.attendanceMarks, db.outbox, async () => {
      if (session) await db.classSessions.add(session);
      await db.attendanceMarks.bulkAdd(marks);
      await db.outbox.bulkAdd(outbox);
    }),
  );
}

/**
 * Forgets a profile's classes on this phone (signed out, or the profile deleted): the rosters
 * name learners, so nothing is left behind, nor an outbox entry no account would ever send.
 */
export async function wipeClassData(profileId: string, db: HocSoDatabase = database()) {
  const tables = [db.classRosters, db.classSessions, db.attendanceMarks, db.outbox];
  await guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const states = (['waiting', 'sent', 'refused'] as const).map((state) => [profileId, state]);
      const sessions = await db.classSessions
        .where('[profileId+state]')
        .anyOf(states)
        .primaryKeys();
      const marks = await db.attendanceMarks.where('[profileId+state]').anyOf(states).primaryKeys();
      await db.outbox
        .where('[kind+recordId]')
        .anyOf([
          ...sessions.map((id) => [classSessionKind.kind, id]),
          ...marks.map((id) => [attendanceMarkKind.kind, id]),
        ])
        .delete();
      await db.classSessions.bulkDelete(sessions);
      await db.attendanceMarks.bulkDelete(marks);
      await db.classRosters.where('profileId').equals(profileId).delete();
    }),
  );
}

/** A version as the protocol states it, without what only this phone keeps. */
export function wireSession(row: ClassSessionRow): ClassSession {
  const { id, sessionId, classId, deviceId, day, topic, items, deleted, savedAt } = row;
  return { id, sessionId, classId, deviceId, day, topic, items, deleted, savedAt };
}

export function wireMark(row: AttendanceMarkRow): AttendanceMark {
  const { id, sessionId, classId, learnerId, deviceId, status, savedAt } = row;
  return { id, sessionId, classId, learnerId, deviceId, status, savedAt };
}
