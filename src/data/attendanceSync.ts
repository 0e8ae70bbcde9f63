import {
  attendanceMarkKind,
  classSessionKind,
  markRecord,
  sessionRecord,
  type PullResponse,
  type PushResponse,
} from '../protocol';
import type { PullTarget, RecordOutbox } from '../sync/store';
import { wireMark, wireSession } from './attendance';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';

const SCOPE_PREFIX = 'org:';

/**
 * The outbox of a teacher's sessions and marks made on this phone (the versions in state
 * `waiting`), and the classes whose records the engine pulls back: those whose roster the
 * teacher's profile keeps.
 */
export function createAttendanceOutbox(
  profileId: string,
  db: HocSoDatabase = database(),
): RecordOutbox {
  const waiting = [profileId, 'waiting'];

  return {
    async pending(limit) {
      // Sessions first: a mark is then never ahead of its session on the server.
      const sessions = await db.classSessions
        .where('[profileId+state]')
        .equals(waiting)
        .limit(limit)
        .toArray();
      const marks = await db.attendanceMarks
        .where('[profileId+state]')
        .equals(waiting)
        .limit(limit - sessions.length)
        .toArray();
      return [
        ...sessions
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((row) => sessionRecord(wireSession(row))),
        ...marks.sort((a, b) => a.id.localeCompare(b.id)).map((row) => markRecord(wireMark(row))),
      ];
    },

    async settle({ accepted, refused }: PushResponse) {
      const tableOf = (kind: string) =>
        kind === classSessionKind.kind
          ? db.classSessions
          : kind === attendanceMarkKind.kind
            ? db.attendanceMarks
            : null;
      await guardStorage(() =>
        db.transaction('rw', db.classSessions, db.attendanceMarks, async () => {
          for (const { kind, id } of accepted) await tableOf(kind)?.update(id, { state: 'sent' });
          for (const { kind, id, reason } of refused) {
            await tableOf(kind)?.update(id, { state: 'refused', refusal: reason });
          }
        }),
      );
    },

    async pullTargets() {
      const classes = await db.classRosters.where('profileId').equals(profileId).toArray();
      return classes.flatMap(({ classId, cursors }) => [
        {
          kind: classSessionKind.kind,
          scope: `${SCOPE_PREFIX}${classId}`,
          since: cursors.sessions,
        },
        { kind: attendanceMarkKind.kind, scope: `${SCOPE_PREFIX}${classId}`, since: cursors.marks },
      ]);
    },

    async applyPulled(target: PullTarget, page: PullResponse) {
      const classId = target.scope.slice(SCOPE_PREFIX.length);
      const local = { profileId, state: 'sent' as const };
      const sessions = page.records.flatMap((r) =>
        r.kind === classSessionKind.kind ? [{ ...r.data, ...local }] : [],
      );
      const marks = page.records.flatMap((r) =>
        r.kind === attendanceMarkKind.kind ? [{ ...r.data, ...local }] : [],
      );
      const cursor = target.kind === classSessionKind.kind ? 'sessions' : 'marks';
      await guardStorage(() =>
        db.transaction('rw', db.classSessions, db.attendanceMarks, db.classRosters, async () => {
          await db.classSessions.bulkPut(sessions);
          await db.attendanceMarks.bulkPut(marks);
          await db.classRosters
            .where('classId')
            .equals(classId)
            .modify((row) => {
              row.cursors[cursor] = page.nextCursor;
            });
        }),
      );
    },
  };
}
