import {
  attendanceMarkKind,
  classSessionKind,
  markRecord,
  sessionRecord,
  type PulledRecord,
  type PushedRecord,
} from '../protocol';
import type { PullTarget } from './syncStoreContract';
import { wireMark, wireSession } from './attendance';
import type { HocSoDatabase } from './db';
import { guardStorage } from './errors';
import type { AttendanceMarkRow, ClassSessionRow, RecordState } from './rows';

/**
 * A teacher's class records in the one sync store: the sessions and marks this phone made
 * (their outbox entries name them by id), and the classes whose records are pulled back,
 * those whose roster the teacher's profile keeps.
 */
export type ClassRecordKind = typeof classSessionKind.kind | typeof attendanceMarkKind.kind;

const SCOPE_PREFIX = 'org:';

export const isClassRecordKind = (kind: string): kind is ClassRecordKind =>
  kind === classSessionKind.kind || kind === attendanceMarkKind.kind;

export const classRecordTables = (db: HocSoDatabase) => [
  db.classSessions,
  db.attendanceMarks,
  db.classRosters,
];

const tableOf = (kind: ClassRecordKind, db: HocSoDatabase) =>
  kind === classSessionKind.kind ? db.classSessions : db.attendanceMarks;

/** The version an outbox entry names, when it is the profile's; its record as pushed. */
export async function pendingClassRecord(
  kind: ClassRecordKind,
  id: string,
  profileId: string,
  db: HocSoDatabase,
): Promise<PushedRecord | null> {
  if (kind === classSessionKind.kind) {
    const row: ClassSessionRow | undefined = await db.classSessions.get(id);
    return row?.profileId === profileId ? sessionRecord(wireSession(row)) : null;
  }
  const row: AttendanceMarkRow | undefined = await db.attendanceMarks.get(id);
  return row?.profileId === profileId ? markRecord(wireMark(row)) : null;
}

/** Shows on the version's own row what the server said of it. */
export async function settleClassRecord(
  kind: ClassRecordKind,
  id: string,
  state: Exclude<RecordState, 'waiting'>,
  db: HocSoDatabase,
  refusal?: string,
): Promise<void> {
  await tableOf(kind, db).update(id, refusal ? { state, refusal } : { state });
}

export async function classPullTargets(
  profileId: string,
  db: HocSoDatabase,
): Promise<PullTarget[]> {
  const classes = await db.classRosters.where('profileId').equals(profileId).toArray();
  return classes.flatMap(({ classId }) => [
    { kind: classSessionKind.kind, scope: `${SCOPE_PREFIX}${classId}` },
    { kind: attendanceMarkKind.kind, scope: `${SCOPE_PREFIX}${classId}` },
  ]);
}

const cursorOf = (kind: ClassRecordKind) => (kind === classSessionKind.kind ? 'sessions' : 'marks');
const classOf = (scope: string | undefined) => (scope ?? '').slice(SCOPE_PREFIX.length);

export async function classPullCursor(
  kind: ClassRecordKind,
  scope: string | undefined,
  db: HocSoDatabase,
): Promise<number> {
  const roster = await db.classRosters.get(classOf(scope));
  return roster?.cursors[cursorOf(kind)] ?? 0;
}

/** Keeps a pulled page of a class's versions and moves that class's cursor, at once. */
export async function applyPulledClassRecords(
  kind: ClassRecordKind,
  scope: string | undefined,
  records: PulledRecord[],
  nextCursor: number,
  profileId: string,
  db: HocSoDatabase,
): Promise<void> {
  const local = { profileId, state: 'sent' as const };
  const sessions = records.flatMap((r) =>
    r.kind === classSessionKind.kind ? [{ ...r.data, ...local }] : [],
  );
  const marks = records.flatMap((r) =>
    r.kind === attendanceMarkKind.kind ? [{ ...r.data, ...local }] : [],
  );
  await guardStorage(() =>
    db.transaction('rw', classRecordTables(db), async () => {
      await db.classSessions.bulkPut(sessions);
      await db.attendanceMarks.bulkPut(marks);
      await db.classRosters
        .where('classId')
        .equals(classOf(scope))
        .modify((row) => {
          row.cursors[cursorOf(kind)] = nextCursor;
        });
    }),
  );
}
