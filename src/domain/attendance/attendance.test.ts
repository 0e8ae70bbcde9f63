import { describe, expect, it } from 'vitest';
import {
  attendanceExportRows,
  attendanceSheet,
  changedStatuses,
  compareVersions,
  latestVersions,
  marksSetAside,
  nextStatus,
  sessionAttendance,
} from './index.ts';

const S = '00000000-0000-4000-8000-00000000000a';
const T = '00000000-0000-4000-8000-00000000000b';

describe('compareVersions: the server decides, unsynced versions come last', () => {
  it.each([
    [{ id: 'b', serverSeq: 1 }, { id: 'a', serverSeq: 2 }, -1],
    [{ id: 'a', serverSeq: 3 }, { id: 'b', serverSeq: 2 }, 1],
    [{ id: 'z', serverSeq: 9 }, { id: 'a' }, -1],
    [{ id: 'a' }, { id: 'z', serverSeq: 9 }, 1],
    [{ id: '01a' }, { id: '01b' }, -1],
  ])('%o before %o: %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign);
  });

  it('gives the same winner whatever order the versions arrive in', () => {
    const versions = [
      { id: '3', serverSeq: 7, key: 'x', v: 'late' },
      { id: '1', serverSeq: 2, key: 'x', v: 'absent' },
      { id: '9', key: 'x', v: 'excused' },
      { id: '2', serverSeq: 4, key: 'y', v: 'absent' },
    ];
    for (const order of [versions, [...versions].reverse()]) {
      const latest = latestVersions(order, (v) => v.key);
      expect(latest.get('x')?.v).toBe('excused');
      expect(latest.get('y')?.v).toBe('absent');
    }
  });
});

describe('marks', () => {
  it('walks present → absent → late → excused → present', () => {
    expect(nextStatus('present')).toBe('absent');
    expect(nextStatus('absent')).toBe('late');
    expect(nextStatus('late')).toBe('excused');
    expect(nextStatus('excused')).toBe('present');
  });

  it('counts everyone present unless their latest mark says otherwise', () => {
    const marks = [
      { id: '1', serverSeq: 1, sessionId: S, learnerId: 'an', status: 'absent' as const },
      { id: '2', serverSeq: 2, sessionId: S, learnerId: 'an', status: 'present' as const },
      { id: '3', serverSeq: 3, sessionId: S, learnerId: 'binh', status: 'late' as const },
      { id: '4', serverSeq: 4, sessionId: T, learnerId: 'chi', status: 'absent' as const },
    ];
    const statuses = sessionAttendance(S, ['an', 'binh', 'chi'], marks);
    expect([...statuses]).toEqual([
      ['an', 'present'],
      ['binh', 'late'],
      ['chi', 'present'],
    ]);
  });

  it('writes a mark only for the learners whose status changed', () => {
    const before = new Map([
      ['an', 'absent' as const],
      ['binh', 'present' as const],
    ]);
    const after = new Map([
      ['an', 'absent' as const],
      ['binh', 'late' as const],
      ['chi', 'present' as const],
    ]);
    expect(changedStatuses(before, after)).toEqual([['binh', 'late']]);
  });

  it('keeps aside the marks of a deleted or unknown session, and brings them back with it', () => {
    const sessions = [
      { id: '1', serverSeq: 1, sessionId: S, deleted: false },
      { id: '2', serverSeq: 2, sessionId: S, deleted: true },
    ];
    const marks = [
      { id: 'm1', sessionId: S, learnerId: 'an', status: 'absent' as const },
      { id: 'm2', sessionId: T, learnerId: 'an', status: 'late' as const },
    ];
    expect(marksSetAside(sessions, marks).map((m) => m.id)).toEqual(['m1', 'm2']);
    const restored = [...sessions, { id: '3', serverSeq: 3, sessionId: S, deleted: false }];
    expect(marksSetAside(restored, marks).map((m) => m.id)).toEqual(['m2']);
  });
});

describe('attendanceSheet', () => {
  const learners = [
    { accountId: 'binh', displayName: 'Trần Bình' },
    { accountId: 'an', displayName: 'Lê An' },
  ];
  const sessions = [
    { id: '1', serverSeq: 1, sessionId: T, day: '2026-11-20', topic: 'Zalo', deleted: false },
    { id: '2', serverSeq: 2, sessionId: S, day: '2026-11-06', topic: 'VNeID', deleted: false },
    { id: '3', serverSeq: 3, sessionId: 'old', day: '2026-10-30', topic: 'Cũ', deleted: false },
    { id: '4', serverSeq: 4, sessionId: 'gone', day: '2026-11-13', topic: 'Xoá', deleted: true },
  ];
  const marks = [
    { id: 'm', serverSeq: 5, sessionId: T, learnerId: 'an', status: 'absent' as const },
  ];

  it('lists the month’s sessions by day and the learners by name', () => {
    const sheet = attendanceSheet('2026-11', learners, sessions, marks);
    expect(sheet.sessions.map((s) => s.topic)).toEqual(['VNeID', 'Zalo']);
    expect(sheet.rows).toEqual([
      { learner: learners[1], statuses: ['present', 'absent'], present: 1 },
      { learner: learners[0], statuses: ['present', 'present'], present: 2 },
    ]);
  });

  it('exports one row per learner and session, with real dates and Vietnamese words', () => {
    const rows = attendanceExportRows(attendanceSheet('2026-11', learners, sessions, marks));
    expect(rows[1]).toEqual(['Lê An', { kind: 'date', iso: '2026-11-20' }, 'Zalo', 'Vắng']);
    expect(rows).toHaveLength(4);
  });
});
