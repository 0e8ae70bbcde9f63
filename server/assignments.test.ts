import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../src/domain/vietnamTime';
import {
  assignmentProgressSchema,
  assignmentRecord,
  eventRecord,
  PROTOCOL_VERSION,
  pullResponseSchema,
  type AssignmentRecord,
} from '../src/protocol';
import { newEventId, newRandomId } from '../src/lib/ids';
import { testAssignment, testWithdrawal } from '../src/test/assignments';
import { testEvent } from '../src/test/events';
import type { Database } from './db/database';
import { testBackends, testServer } from './testing';
import { buildWorld, request, type Actor, type World } from './testkit/world';
import { readPushAnswer } from './testkit/pushAnswer';

const backends = await testBackends();

const DAY_MS = 24 * 60 * 60 * 1000;
/** An id like `id` but not it (its last digit changed): an assignment that was never made. */
const neverAssigned = (id: string) => id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
const tomorrow = () => vietnamDay(new Date(Date.now() + DAY_MS));

describe.each(backends)('assignments on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;
  /** A second learner of the teacher's class, to check one learner never sees another's. */
  let classmate: { accountId: string; token: string };

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
    const call = request(app);
    const signUp = await call('POST', '/api/auth/sign-up', undefined, {
      username: `classmate-${Date.now()}`,
      displayName: 'Bạn cùng lớp',
      password: 'correct horse battery',
    });
    const body = signUp.json<{ account: { id: string }; accessToken: string }>();
    classmate = { accountId: body.account.id, token: body.accessToken };
    const classA = world.home.teacher!;
    const { code } = (
      await call('POST', `/api/orgs/${classA.id}/join-codes`, world.actors.teacher.token, {
        role: 'learner',
      })
    ).json<{ code: string }>();
    expect((await call('POST', '/api/join', classmate.token, { code })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function push(actor: Actor, records: AssignmentRecord[]) {
    const sent = records.map(assignmentRecord);
    const response = await request(app)('POST', '/api/sync/push', actor.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: actor.deviceId,
      records: sent,
    });
    expect(response.statusCode, response.body).toBe(200);
    return readPushAnswer(sent, response.json());
  }

  async function pull(token: string, organisationId: string) {
    const response = await request(app)(
      'GET',
      `/api/sync/pull?kind=assignment&since=0&scope=org:${organisationId}`,
      token,
    );
    return {
      status: response.statusCode,
      ids: response.statusCode === 200 ? pullResponseSchema.parse(response.json()).records : [],
    };
  }

  const countRows = async () =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM assignments'))[0]!.n);

  it('stores a teacher’s good assignments and refuses each bad one with its reason', async () => {
    const teacher = world.actors.teacher;
    const classId = world.home.teacher!.id;
    const assign = (options: Parameters<typeof testAssignment>[2]) =>
      testAssignment(teacher.deviceId, classId, options);
    const good = [
      assign({ dueDate: tomorrow() }),
      assign({ dueDate: vietnamDay(new Date()) }),
      assign({ item: { kind: 'walkthrough', id: 'vneid-create-account' } }),
      assign({ target: { kind: 'member', accountId: world.actors.learner.accountId! } }),
    ];
    const bad = {
      unknownCourse: assign({ item: { kind: 'course', id: 'no-such-course' } }),
      walkthroughAsCourse: assign({ item: { kind: 'course', id: 'vneid-create-account' } }),
      pastDue: assign({ dueDate: '2020-01-01' }),
      yesterday: assign({ dueDate: vietnamDay(new Date(Date.now() - DAY_MS)) }),
      teacherAsTarget: assign({ target: { kind: 'member', accountId: teacher.accountId! } }),
      otherClassLearner: assign({
        target: { kind: 'member', accountId: world.members.get(world.other.learner!.id)![1]! },
      }),
      unknownWithdrawal: testWithdrawal(teacher.deviceId, classId, neverAssigned(good[0]!.id)),
    };
    const before = await countRows();
    const result = await push(teacher, [...good, ...Object.values(bad)]);
    expect(result.accepted.map((r) => r.id).sort()).toEqual(good.map((r) => r.id).sort());
    const reasons = Object.fromEntries(result.refused.map((r) => [r.id, r.reason]));
    expect(reasons).toEqual({
      [bad.unknownCourse.id]: 'unknown_item',
      [bad.walkthroughAsCourse.id]: 'unknown_item',
      [bad.pastDue.id]: 'past_due_date',
      [bad.yesterday.id]: 'past_due_date',
      [bad.teacherAsTarget.id]: 'not_member',
      [bad.otherClassLearner.id]: 'not_member',
      [bad.unknownWithdrawal.id]: 'unknown_item',
    });
    expect(await countRows()).toBe(before + good.length);

    // A retry stores nothing new; an id reused with other content is refused.
    const again = await push(teacher, good);
    expect(again.accepted).toHaveLength(good.length);
    const reused = await push(teacher, [{ ...good[0]!, dueDate: null }]);
    expect(reused.refused.map((r) => r.reason)).toEqual(['id_conflict']);
    expect(await countRows()).toBe(before + good.length);
  });

  it('withdraws with a later record, in the same push or after', async () => {
    const teacher = world.actors.teacher;
    const classId = world.home.teacher!.id;
    const assignment = testAssignment(teacher.deviceId, classId);
    const withdrawal = testWithdrawal(teacher.deviceId, classId, assignment.id);
    const result = await push(teacher, [withdrawal, assignment]);
    expect(result.refused).toEqual([]);
    const pulled = await pull(world.actors.learner.token, classId);
    const withdrawn = pulled.ids.find((r) => r.id === withdrawal.id);
    expect(withdrawn?.data).toMatchObject({ action: 'withdraw', assignmentId: assignment.id });
  });

  it('lets a learner pull the class’s and their own assignments, and staff all of them', async () => {
    const teacher = world.actors.teacher;
    const classId = world.home.teacher!.id;
    const forClass = testAssignment(teacher.deviceId, classId);
    const forLearner = testAssignment(teacher.deviceId, classId, {
      target: { kind: 'member', accountId: world.actors.learner.accountId! },
    });
    const forClassmate = testAssignment(teacher.deviceId, classId, {
      target: { kind: 'member', accountId: classmate.accountId },
    });
    await push(teacher, [forClass, forLearner, forClassmate]);
    const seen = async (token: string) =>
      new Set((await pull(token, classId)).ids.map((r) => r.id));

    const learner = await seen(world.actors.learner.token);
    expect(learner.has(forClass.id) && learner.has(forLearner.id)).toBe(true);
    expect(learner.has(forClassmate.id)).toBe(false);
    const mate = await seen(classmate.token);
    expect(mate.has(forClass.id) && mate.has(forClassmate.id)).toBe(true);
    expect(mate.has(forLearner.id)).toBe(false);
    const staff = await seen(teacher.token);
    expect([forClass, forLearner, forClassmate].every((r) => staff.has(r.id))).toBe(true);

    const record = (await pull(world.actors.learner.token, classId)).ids.find(
      (r) => r.id === forClass.id,
    );
    // The learner's home names who assigned it.
    expect(record?.data).toMatchObject({
      madeBy: { accountId: teacher.accountId, displayName: 'teacher' },
    });
  });

  it('refuses anyone but the class’s teacher or the agency’s admin', async () => {
    const classId = world.home.teacher!.id;
    const before = await countRows();
    for (const role of ['learner', 'volunteer', 'team_leader', 'agency_admin'] as const) {
      const actor = world.actors[role];
      const result = await push(actor, [testAssignment(actor.deviceId, classId)]);
      expect(
        result.refused.map((r) => r.reason),
        role,
      ).toEqual(['forbidden_scope']);
    }
    // A team takes no assignments, even from its leader.
    const leader = world.actors.team_leader;
    const team = await push(leader, [testAssignment(leader.deviceId, world.home.team_leader!.id)]);
    expect(team.refused.map((r) => r.reason)).toEqual(['forbidden_scope']);
    expect(await countRows()).toBe(before);

    const admin = world.actors.agency_admin;
    const agency = await push(admin, [testAssignment(admin.deviceId, world.home.agency_admin!.id)]);
    expect(agency.refused).toEqual([]);
  });

  it('shows the teacher each learner’s status and the questions missed, from what has synced', async () => {
    const teacher = world.actors.teacher;
    const learner = world.actors.learner;
    const classId = world.home.teacher!.id;
    const walkthrough = testAssignment(teacher.deviceId, classId, {
      item: { kind: 'walkthrough', id: 'pay-electricity-bill' },
      target: { kind: 'member', accountId: classmate.accountId },
      dueDate: tomorrow(),
    });
    const course = testAssignment(teacher.deviceId, classId, {
      item: { kind: 'course', id: 'cashless-payments' },
    });
    await push(teacher, [walkthrough, course]);
    const profileId = newRandomId();
    const attemptId = newEventId();
    const answered = (questionId: string, correct: boolean) =>
      testEvent(learner.deviceId, profileId, {
        type: 'quiz.answered',
        payload: { courseId: 'cashless-payments', attemptId, questionId, chosen: ['a'], correct },
      });
    const passed = testEvent(learner.deviceId, profileId, {
      type: 'quiz.completed',
      payload: { courseId: 'cashless-payments', attemptId, score: 4, total: 5, passed: true },
    });
    await request(app)('POST', '/api/sync/push', learner.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: learner.deviceId,
      records: [answered('q1', false), answered('q2', true), passed].map(eventRecord),
    });

    const url = `/api/orgs/${classId}/assignment-progress`;
    const response = await request(app)('GET', url, teacher.token);
    expect(response.statusCode, response.body).toBe(200);
    const table = assignmentProgressSchema.parse(response.json());
    // Learners only: never the teacher.
    expect(table.learners.map((l) => l.accountId).sort()).toEqual(
      [learner.accountId, classmate.accountId].sort(),
    );
    expect(
      table.learners.find((l) => l.accountId === learner.accountId)?.lastSyncedAt,
    ).not.toBeNull();
    const row = (id: string) => table.assignments.find((a) => a.id === id)!;
    expect(row(course.id).statuses).toEqual(
      expect.arrayContaining([
        { accountId: learner.accountId, status: { kind: 'done', day: vietnamDay(new Date()) } },
        { accountId: classmate.accountId, status: { kind: 'not_started' } },
      ]),
    );
    expect(row(course.id).missed).toEqual([{ questionId: 'q1', learners: 1 }]);
    // Given to the classmate alone.
    expect(row(walkthrough.id).statuses).toEqual([
      { accountId: classmate.accountId, status: { kind: 'not_started' } },
    ]);

    for (const other of [learner.token, classmate.token, world.actors.volunteer.token]) {
      expect((await request(app)('GET', url, other)).statusCode).toBe(403);
    }
  });

  it('exports the progress table as CSV and XLSX: Vietnamese headers, names, titles, real dates', async () => {
    const classId = world.home.teacher!.id;
    const teacher = world.actors.teacher;
    const json = assignmentProgressSchema.parse(
      (await request(app)('GET', `/api/orgs/${classId}/assignment-progress`, teacher.token)).json(),
    );
    const csvResponse = await request(app)(
      'GET',
      `/api/orgs/${classId}/assignment-progress.csv`,
      teacher.token,
    );
    expect(csvResponse.statusCode, csvResponse.body).toBe(200);
    const csv = parse(csvResponse.rawPayload, { bom: true }) as string[][];
    expect(csv[0]).toEqual([
      'Họ và tên',
      'Bài được giao',
      'Hạn',
      'Tình trạng',
      'Ngày xong',
      'Đồng bộ lần cuối',
    ]);
    const names = new Map(json.learners.map((l) => [l.accountId, l.displayName]));
    // One row per learner and standing assignment, and nothing else.
    expect(csv).toHaveLength(1 + json.assignments.reduce((n, a) => n + a.statuses.length, 0));
    const today = vietnamDay(new Date()).split('-').reverse().join('/');
    const learnerName = names.get(world.actors.learner.accountId!)!;
    const done = csv.find(
      (r) => r[0] === learnerName && r[1] === 'Thanh toán không dùng tiền mặt và VietQR an toàn',
    );
    // The course the learner mastered, by its title and by name, done today in Vietnam.
    expect(done?.slice(3, 5)).toEqual(['Đã xong', today]);
    expect(done?.[5]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const walkthrough = csv.filter(
      (r) => r[1] === 'Trả tiền điện bằng ứng dụng ngân hàng hoặc VietQR',
    );
    expect(walkthrough.map((r) => [r[0], r[2], r[3]])).toContainEqual([
      'Bạn cùng lớp',
      vietnamDay(new Date(Date.now() + DAY_MS))
        .split('-')
        .reverse()
        .join('/'),
      'Chưa bắt đầu',
    ]);
    // No ids anywhere: every cell is a name, a title, a word or a date.
    expect(csv.flat().some((cell) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(cell))).toBe(false);

    const xlsx = await request(app)(
      'GET',
      `/api/orgs/${classId}/assignment-progress.xlsx`,
      teacher.token,
    );
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    // The same table, its due and done days as real dates (Vietnam's wall clock).
    const asDate = (text: string) => {
      if (!/^\d{2}\/\d{2}\/\d{4}/.test(text)) return text;
      const [day, month, year] = text.slice(0, 10).split('/');
      const time = text.length > 10 ? `${text.slice(11)}:00` : '00:00:00';
      return new Date(`${year}-${month}-${day}T${time}Z`);
    };
    expect(sheet[0]).toEqual(csv[0]);
    // The CSV shows a moment to the minute; the spreadsheet keeps its seconds.
    const toMinute = (cell: unknown) =>
      cell instanceof Date ? new Date(Math.floor(cell.getTime() / 60_000) * 60_000) : (cell ?? '');
    expect(sheet.slice(1).map((row) => row.map(toMinute))).toEqual(
      csv.slice(1).map((row) => row.map(asDate)),
    );
    expect(sheet.slice(1).some((row) => row[2] instanceof Date)).toBe(true);

    for (const other of [world.actors.learner.token, world.actors.volunteer.token]) {
      const refused = await request(app)(
        'GET',
        `/api/orgs/${classId}/assignment-progress.xlsx`,
        other,
      );
      expect(refused.statusCode).toBe(403);
    }
  });
});
