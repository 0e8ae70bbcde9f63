import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceSheet, latestVersions, marksSetAside } from '../src/domain/attendance';
import { newEventId, newRandomId } from '../src/lib/ids';
import {
  PROTOCOL_VERSION,
  markRecord,
  pullResponseSchema,
  sessionRecord,
  type AttendanceMark,
  type AttendanceStatus,
  type ClassSession,
  type RecordRef,
  type StoredAttendanceMark,
  type StoredClassSession,
} from '../src/protocol';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import { buildWorld, request, ROLES, type Actor, type RoleName, type World } from './testkit/world';
import { readPushAnswer } from './testkit/pushAnswer';

const backends = await testBackends();

function session(actor: Actor, classId: string, day: string, topic = 'Dùng Zalo an toàn') {
  return (overrides: Partial<ClassSession> = {}): ClassSession => ({
    id: newEventId(),
    sessionId: newRandomId(),
    classId,
    deviceId: actor.deviceId,
    day,
    topic,
    items: ['Đặt mật khẩu'],
    deleted: false,
    savedAt: new Date().toISOString(),
    ...overrides,
  });
}

function mark(
  actor: Actor,
  of: ClassSession,
  learnerId: string,
  status: AttendanceStatus,
): AttendanceMark {
  return {
    id: newEventId(),
    sessionId: of.sessionId,
    classId: of.classId,
    learnerId,
    deviceId: actor.deviceId,
    status,
    savedAt: new Date().toISOString(),
  };
}

describe.each(backends)('class attendance on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
    // A second learner in class A, and a session marking both: a learner must see only theirs.
    const teacher = world.actors.teacher;
    const classA = world.home.teacher!;
    const imported = await request(app)('POST', `/api/orgs/${classA.id}/roster`, teacher.token, {
      rows: [{ row: 2, fullName: 'Trần Thị Bình', birthYear: '2011', phone: '' }],
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const rows = await db.query<{ account_id: string }>(
      `SELECT account_id FROM memberships WHERE organisation_id = $1 AND role = 'learner'`,
      [classA.id],
    );
    const first = session(teacher, classA.id, '2026-11-01')();
    const answer = await push(teacher, [
      sessionRecord(first),
      ...rows.map((r) => markRecord(mark(teacher, first, r.account_id, 'late'))),
    ]);
    expect(answer.refused).toEqual([]);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const classOf = (target: 'home' | 'other') => world[target].teacher!;
  async function push(actor: Actor, records: RecordRef[]) {
    const response = await request(app)('POST', '/api/sync/push', actor.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: actor.deviceId,
      records,
    });
    expect(response.statusCode, response.body).toBe(200);
    return readPushAnswer(records, response.json());
  }

  async function pull(actor: Actor, kind: string, classId: string) {
    const response = await request(app)(
      'GET',
      `/api/sync/pull?kind=${kind}&since=0&limit=1000&scope=org:${classId}`,
      actor.token,
    );
    if (response.statusCode !== 200) return response.statusCode;
    return pullResponseSchema.parse(response.json()).records.map((r) => r.data);
  }

  const pullSessions = async (actor: Actor, classId: string) =>
    (await pull(actor, 'class-session', classId)) as StoredClassSession[] | number;
  const pullMarks = async (actor: Actor, classId: string) =>
    (await pull(actor, 'attendance-mark', classId)) as StoredAttendanceMark[] | number;

  /** The learner enrolled in each class: class A's is the `learner` actor. */
  const learnerIn = (target: 'home' | 'other') => world.members.get(classOf(target).id)!.at(-1)!;

  it.each(ROLES)(
    'only a teacher of the class records; its teacher reads all, its learner their own (%s)',
    async (role: RoleName) => {
      const actor = world.actors[role];
      for (const target of ['home', 'other'] as const) {
        const org = classOf(target);
        const newSession = session(actor, org.id, '2026-11-02')();
        const newMark = mark(actor, newSession, learnerIn(target), 'absent');
        const answer = await push(actor, [sessionRecord(newSession), markRecord(newMark)]);
        const writes = role === 'teacher' && target === 'home';
        if (writes) {
          expect(answer.refused).toEqual([]);
          expect(answer.accepted.map((a) => a.id).sort()).toEqual(
            [newSession.id, newMark.id].sort(),
          );
        } else {
          // Another class's teacher, a learner of this class or another, a volunteer: refused.
          expect(answer.accepted).toEqual([]);
          expect(answer.refused.map((r) => r.reason)).toEqual([
            'forbidden_scope',
            'forbidden_scope',
          ]);
        }
        const sessions = await pullSessions(actor, org.id);
        const marks = await pullMarks(actor, org.id);
        const reads = (role === 'teacher' || role === 'learner') && target === 'home';
        if (!reads) {
          expect(role === 'device' ? [401, 403] : [403]).toContain(sessions);
          expect(role === 'device' ? [401, 403] : [403]).toContain(marks);
          continue;
        }
        if (!Array.isArray(sessions) || !Array.isArray(marks)) throw new Error('refused');
        expect(sessions.length).toBeGreaterThan(0);
        const learnerIds = new Set(marks.map((m) => m.learnerId));
        if (role === 'learner') expect([...learnerIds]).toEqual([actor.accountId]);
        else expect(learnerIds.size).toBe(2);
      }
    },
  );

  it('keeps every edit with who made it; the latest received wins', async () => {
    const teacher = world.actors.teacher;
    const org = classOf('home');
    const learnerId = world.actors.learner.accountId!;
    const first = session(teacher, org.id, '2026-11-09')();
    const absent = mark(teacher, first, learnerId, 'absent');
    expect((await push(teacher, [sessionRecord(first), markRecord(absent)])).refused).toEqual([]);
    const late = mark(teacher, first, learnerId, 'late');
    const renamed = { ...first, id: newEventId(), topic: 'Dùng Zalo an toàn (buổi 2)' };
    expect((await push(teacher, [markRecord(late), sessionRecord(renamed)])).refused).toEqual([]);

    const marks = (await pullMarks(teacher, org.id)) as StoredAttendanceMark[];
    const history = marks.filter((m) => m.sessionId === first.sessionId);
    expect(history.map((m) => m.status)).toEqual(['absent', 'late']);
    expect(history.every((m) => m.pushedBy.accountId === teacher.accountId)).toBe(true);
    expect(history.every((m) => m.pushedBy.displayName.length > 0)).toBe(true);
    expect(latestVersions(history, (m) => m.learnerId).get(learnerId)?.status).toBe('late');

    // The learner sees their own marks, with the same history.
    const own = (await pullMarks(world.actors.learner, org.id)) as StoredAttendanceMark[];
    expect(own.filter((m) => m.sessionId === first.sessionId).map((m) => m.id)).toEqual([
      absent.id,
      late.id,
    ]);
    const sessions = (await pullSessions(teacher, org.id)) as StoredClassSession[];
    const versions = sessions.filter((s) => s.sessionId === first.sessionId);
    expect(versions.map((s) => s.topic)).toEqual([first.topic, renamed.topic]);
  });

  it('stores a retry once, and refuses a taken id, another class’s session and a staff mark', async () => {
    const teacher = world.actors.teacher;
    const org = classOf('home');
    const learnerId = world.actors.learner.accountId!;
    const one = session(teacher, org.id, '2026-11-16')();
    const absent = mark(teacher, one, learnerId, 'absent');
    await push(teacher, [sessionRecord(one), markRecord(absent)]);
    const retry = await push(teacher, [sessionRecord(one), markRecord(absent)]);
    expect(retry.accepted).toHaveLength(2);
    expect(retry.refused).toEqual([]);
    const count = async (table: string, id: string) =>
      (await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length;
    expect(await count('class_session_versions', one.id)).toBe(1);
    expect(await count('attendance_marks', absent.id)).toBe(1);

    const staff = mark(teacher, one, teacher.accountId!, 'absent');
    const reused = { ...mark(teacher, one, learnerId, 'late'), id: absent.id };
    // A session another class's teacher stored: its id cannot be reused in this class.
    const classB = classOf('other');
    const theirs = session(teacher, classB.id, '2026-11-16')();
    await db.query(
      `INSERT INTO class_session_versions (id, session_id, class_id, day, deleted, record, pushed_by)
       VALUES ($1, $2, $3, $4::date, false, $5::jsonb, $6)`,
      [
        theirs.id,
        theirs.sessionId,
        classB.id,
        theirs.day,
        JSON.stringify(theirs),
        world.members.get(classB.id)![0],
      ],
    );
    const hijack = session(teacher, org.id, '2026-11-16')({ sessionId: theirs.sessionId });
    const answer = await push(teacher, [
      markRecord(staff),
      markRecord(reused),
      sessionRecord(hijack),
    ]);
    expect(answer.accepted).toEqual([]);
    expect(answer.refused.map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [staff.id, 'invalid_record'],
        [absent.id, 'id_conflict'],
        [hijack.id, 'id_conflict'],
      ].sort(),
    );
    expect(await count('attendance_marks', staff.id)).toBe(0);
  });

  it('keeps the marks of a deleted session aside, and leaves the session off the sheet', async () => {
    const teacher = world.actors.teacher;
    const org = classOf('home');
    const learnerId = world.actors.learner.accountId!;
    const kept = session(teacher, org.id, '2026-10-05', 'Buổi giữ lại')();
    const dropped = session(teacher, org.id, '2026-10-12', 'Buổi bị xoá')();
    const marks = [
      mark(teacher, kept, learnerId, 'late'),
      mark(teacher, dropped, learnerId, 'absent'),
    ];
    const deletion = { ...dropped, id: newEventId(), deleted: true };
    const answer = await push(teacher, [
      sessionRecord(kept),
      sessionRecord(dropped),
      ...marks.map(markRecord),
      sessionRecord(deletion),
    ]);
    expect(answer.refused).toEqual([]);
    // A mark pushed after the deletion (from a phone that had not heard of it) is kept too.
    const late = mark(teacher, dropped, learnerId, 'excused');
    expect((await push(teacher, [markRecord(late)])).refused).toEqual([]);

    const sessions = (await pullSessions(teacher, org.id)) as StoredClassSession[];
    const allMarks = (await pullMarks(teacher, org.id)) as StoredAttendanceMark[];
    const aside = marksSetAside(sessions, allMarks).map((m) => m.id);
    expect(aside).toEqual(expect.arrayContaining([marks[1]!.id, late.id]));
    expect(aside).not.toContain(marks[0]!.id);
    const sheet = attendanceSheet(
      '2026-10',
      [{ accountId: learnerId, displayName: 'Học viên' }],
      sessions,
      allMarks,
    );
    expect(sheet.sessions.map((s) => s.topic)).toEqual(['Buổi giữ lại']);
    expect(sheet.rows[0]!.statuses).toEqual(['late']);
  });

  it('exports the month as CSV and XLSX with names and real dates, for the teacher only', async () => {
    const teacher = world.actors.teacher;
    const org = classOf('home');
    const learner = world.actors.learner;
    const december = session(teacher, org.id, '2026-12-07', 'Thanh toán điện tử')();
    await push(teacher, [
      sessionRecord(december),
      markRecord(mark(teacher, december, learner.accountId!, 'excused')),
    ]);
    const call = request(app);
    const csv = await call(
      'GET',
      `/api/orgs/${org.id}/attendance.csv?month=2026-12`,
      teacher.token,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Họ và tên', 'Ngày', 'Chủ đề', 'Điểm danh']);
    expect(rows.slice(1)).toEqual([
      ['learner', '07/12/2026', 'Thanh toán điện tử', 'Vắng có phép'],
      // Everyone is present unless marked otherwise.
      ['Trần Thị Bình', '07/12/2026', 'Thanh toán điện tử', 'Có mặt'],
    ]);

    const xlsx = await call(
      'GET',
      `/api/orgs/${org.id}/attendance.xlsx?month=2026-12`,
      teacher.token,
    );
    expect(xlsx.statusCode).toBe(200);
    const cells = await readSheet(xlsx.rawPayload);
    expect(cells[1]![0]).toBe('learner');
    expect(cells[1]![1]).toEqual(new Date('2026-12-07T00:00:00Z'));

    for (const role of ['learner', 'volunteer'] as const) {
      const refused = await call(
        'GET',
        `/api/orgs/${org.id}/attendance.csv?month=2026-12`,
        world.actors[role].token,
      );
      expect(refused.statusCode).toBe(403);
    }
    const otherClass = await call(
      'GET',
      `/api/orgs/${classOf('other').id}/attendance.csv?month=2026-12`,
      teacher.token,
    );
    expect(otherClass.statusCode).toBe(403);
    const badMonth = await call(
      'GET',
      `/api/orgs/${org.id}/attendance.csv?month=2026-13`,
      teacher.token,
    );
    expect(badMonth.statusCode).toBe(400);
  });
});
