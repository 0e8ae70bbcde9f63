import { beforeEach, describe, expect, it } from 'vitest';
import { sessionAttendance } from '../domain/attendance';
import type { AttendanceStatus } from '../protocol';
import { cacheClassRoster, saveAttendance, wipeClassData } from './attendance';
import { database } from './db';
import { createDexieSyncStore } from './syncStore';

const profileId = 'profile-teacher';
const deviceId = '5d0c6f6e-8a3b-4c2d-9e1f-7a6b5c4d3e2f';
const classId = '0193a1b2-0000-7000-8000-0000000000c1';
const sessionId = '0193a1b2-0000-4000-8000-0000000000a1';
const learners = ['an', 'binh', 'chi', 'dung'].map((name, i) => ({
  accountId: `0193a1b2-0000-4000-8000-00000000000${i}`,
  displayName: name,
}));
const ids = learners.map((l) => l.accountId);

const teacherStore = () => createDexieSyncStore(database(), { kind: 'account', profileId });

const statuses = (entries: [number, AttendanceStatus][]) =>
  new Map(ids.map((id, i) => [id, entries.find(([j]) => j === i)?.[1] ?? 'present']));

describe('attendance on the teacher’s phone', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
    await cacheClassRoster({
      classId,
      profileId,
      className: 'Lớp 9A',
      learners,
      savedAt: '2026-11-29T08:00:00.000Z',
    });
  });

  const save = (before: Map<string, AttendanceStatus>, after: Map<string, AttendanceStatus>) =>
    saveAttendance({
      profileId,
      deviceId,
      classId,
      sessionId,
      day: '2026-11-29',
      topic: 'Zalo',
      items: [],
      deleted: false,
      before,
      after,
    });

  it('writes the session and one mark per exception on the one outbox, session first, and settles them there', async () => {
    await save(
      statuses([]),
      statuses([
        [1, 'absent'],
        [2, 'late'],
      ]),
    );
    const store = teacherStore();
    const { records: pending, highWater } = await store.pendingRecords(500);
    expect(pending.map((r) => r.kind)).toEqual([
      'class-session',
      'attendance-mark',
      'attendance-mark',
    ]);
    expect((await store.pendingRecords(2)).records).toHaveLength(2);
    // The device's own store never carries a teacher's class records.
    expect((await createDexieSyncStore().pendingRecords(500)).records).toEqual([]);

    const [session, absent, late] = pending;
    await store.settleUpTo({
      highWater,
      refused: [{ kind: late!.kind, id: late!.id, reason: 'invalid_record', message: 'no' }],
    });
    expect((await store.pendingRecords(500)).records).toEqual([]);
    expect((await database().classSessions.get(session!.id))?.state).toBe('sent');
    expect((await database().attendanceMarks.get(absent!.id))?.state).toBe('sent');
    expect((await database().attendanceMarks.get(late!.id))?.state).toBe('refused');
    expect(await database().outbox.count()).toBe(1);
  });

  it('settles a batch whose answer was lost up to the server’s mark', async () => {
    await save(statuses([]), statuses([[0, 'absent']]));
    const store = teacherStore();
    const { records, highWater } = await store.pendingRecords(500);
    await store.markPushInFlight(highWater);
    await store.settleUpTo({ highWater, refused: [] });
    expect(await store.pushInFlight()).toBeNull();
    expect(await database().outbox.count()).toBe(0);
    expect((await database().attendanceMarks.get(records[1]!.id))?.state).toBe('sent');
  });

  it('forgets a signed-out profile’s classes with their outbox entries, and nothing else', async () => {
    await save(statuses([]), statuses([[0, 'absent']]));
    const db = database();
    await db.outbox.add({
      kind: 'learning-event',
      recordId: 'event-1',
      createdAt: '2026-11-29T08:00:00.000Z',
      state: 'pending',
    });
    await wipeClassData(profileId);
    expect(await db.classRosters.count()).toBe(0);
    expect(await db.classSessions.count()).toBe(0);
    expect(await db.attendanceMarks.count()).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['event-1']);
  });

  it('keeps the roster’s cursors, pulls each class’s two kinds and moves their cursors', async () => {
    const store = teacherStore();
    const targets = await store.pullTargets();
    expect(targets).toEqual([
      { kind: 'learning-event' },
      { kind: 'class-session', scope: `org:${classId}` },
      { kind: 'attendance-mark', scope: `org:${classId}` },
    ]);
    expect(await store.getPullCursor(targets[2]!)).toBe(0);
    const pushedBy = { accountId: learners[0]!.accountId, displayName: 'Cô Hà' };
    await store.applyPulled(
      targets[2]!,
      [
        {
          kind: 'attendance-mark',
          id: '0193a1b2-0000-7000-8000-0000000000b1',
          data: {
            id: '0193a1b2-0000-7000-8000-0000000000b1',
            sessionId,
            classId,
            learnerId: ids[3]!,
            deviceId,
            status: 'excused',
            savedAt: '2026-11-29T08:00:00.000Z',
            serverSeq: 41,
            pushedBy,
            receivedAt: '2026-11-29T08:01:00.000Z',
          },
        },
      ],
      41,
    );
    await cacheClassRoster({ classId, profileId, className: 'Lớp 9A', learners, savedAt: 'later' });
    expect(await store.getPullCursor(targets[2]!)).toBe(41);
    expect(await store.getPullCursor(targets[1]!)).toBe(0);

    // An edit made here after the pull wins over it, and writes only what changed.
    const marks = await database().attendanceMarks.toArray();
    const before = sessionAttendance(sessionId, ids, marks);
    expect(before.get(ids[3]!)).toBe('excused');
    await save(before, new Map(before).set(ids[3]!, 'present').set(ids[0]!, 'late'));
    const after = sessionAttendance(sessionId, ids, await database().attendanceMarks.toArray());
    expect([...after.values()]).toEqual(['late', 'present', 'present', 'present']);
    expect(
      await database()
        .attendanceMarks.where('[profileId+state]')
        .equals([profileId, 'waiting'])
        .count(),
    ).toBe(2);
    // Those two marks and the session's version (saved with no current one) are on the outbox.
    expect(await database().outbox.count()).toBe(3);
  });
});
