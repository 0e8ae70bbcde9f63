import { useLiveQuery } from 'dexie-react-hooks';
import { currentSessions } from '../domain/attendance';
import { database } from './db';
import type { AttendanceMarkRow, ClassRosterRow, ClassSessionRow } from './rows';

/** A class's learners as its teacher last saw them online; null before they ever did. */
export function useClassRoster(classId: string): ClassRosterRow | null | undefined {
  return useLiveQuery(async () => (await database().classRosters.get(classId)) ?? null, [classId]);
}

/** The class's sessions (their current versions, deleted ones left out), latest day first. */
export function useClassSessions(classId: string): ClassSessionRow[] | undefined {
  return useLiveQuery(async () => {
    const versions = await database().classSessions.where('classId').equals(classId).toArray();
    return currentSessions(versions)
      .filter((session) => !session.deleted)
      .sort((a, b) => b.day.localeCompare(a.day) || b.id.localeCompare(a.id));
  }, [classId]);
}

/** Every version of every session of a class, deleted ones included (the sheet picks). */
export function useClassSessionVersions(classId: string): ClassSessionRow[] | undefined {
  return useLiveQuery(
    () => database().classSessions.where('classId').equals(classId).toArray(),
    [classId],
  );
}

/** Every version of every mark of a class, for the sheet and the session screen. */
export function useClassMarks(classId: string): AttendanceMarkRow[] | undefined {
  return useLiveQuery(
    () => database().attendanceMarks.where('classId').equals(classId).toArray(),
    [classId],
  );
}

/** How many of the teacher's versions are in a state: waiting to be synced, or refused. */
export function useAttendanceInState(
  profileId: string,
  state: 'waiting' | 'refused',
): number | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const key = [profileId, state];
    return (
      (await db.classSessions.where('[profileId+state]').equals(key).count()) +
      (await db.attendanceMarks.where('[profileId+state]').equals(key).count())
    );
  }, [profileId, state]);
}
