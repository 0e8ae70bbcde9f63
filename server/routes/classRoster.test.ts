import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRandomId } from '../../src/lib/ids';
import { lessonEvent } from '../../src/test/events';
import {
  eventRecord,
  MAX_ROSTER_ROWS,
  orgCertificatesResponseSchema,
  PROTOCOL_VERSION,
  rosterImportResponseSchema,
  rosterRefusalSchema,
  type RosterCells,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { testBackends, testServer } from '../testing';
import { certificateRequest, neededRight, quizAttempt, testCourse } from '../testkit/certificates';
import { COMMUNE_A, request } from '../testkit/world';

const backends = await testBackends();

/** A file's data rows (the header is row 1), each a distinct person. */
function roster(count: number, first = 0): RosterCells[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    fullName: `Nguyễn Văn Học ${first + i}`,
    birthYear: String(1950 + ((first + i) % 60)),
    phone: '',
  }));
}

describe.each(backends)('class roster import on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let call: ReturnType<typeof request>;
  let teacher: { id: string; token: string };
  let classId: string;

  async function person(name: string, phone?: string) {
    const response = await call('POST', '/api/auth/sign-up', undefined, {
      username: `${name}-${newRandomId().slice(0, 8)}`,
      ...(phone ? { phone } : {}),
      displayName: name,
      password: 'correct horse battery',
    });
    const body = response.json<{ account: { id: string }; accessToken: string }>();
    return { id: body.account.id, token: body.accessToken };
  }

  async function organisation(token: string, kind: 'team' | 'class') {
    const response = await call('POST', '/api/orgs', token, {
      kind,
      name: `${kind} mẫu`,
      communeCode: COMMUNE_A,
    });
    return response.json<{ id: string }>().id;
  }

  const counts = async () => {
    const [accounts] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
    const [members] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM memberships WHERE organisation_id = $1`,
      [classId],
    );
    return { accounts: accounts!.n, members: members!.n };
  };

  /** Sends the rows, expects a refusal listing these problems, and nothing written. */
  async function refused(rows: RosterCells[], problems: object[]) {
    const before = await counts();
    const response = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, { rows });
    expect(response.statusCode, response.body).toBe(400);
    expect(rosterRefusalSchema.parse(response.json()).error.rows).toEqual(problems);
    expect(await counts()).toEqual(before);
  }

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    call = request(app);
    teacher = await person('teacher');
    classId = await organisation(teacher.token, 'class');
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('enrols every row as a learner who signs in with the username and password returned', async () => {
    const rows = [
      { row: 2, fullName: '  Trần   Thị Bích ', birthYear: '2012', phone: '0912 345 678' },
      { row: 3, fullName: 'Lê Đức Anh', birthYear: '2011', phone: '' },
    ];
    const response = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, { rows });
    expect(response.statusCode, response.body).toBe(201);
    const { imported } = rosterImportResponseSchema.parse(response.json());
    expect(imported.map((l) => [l.displayName, l.birthYear])).toEqual([
      ['Trần Thị Bích', 2012],
      ['Lê Đức Anh', 2011],
    ]);
    expect(imported[0]!.username).toMatch(/^bichtt\d{4}$/);
    expect(imported[1]!.username).toMatch(/^anhld\d{4}$/);
    for (const learner of imported) {
      expect(learner.password).toMatch(/^[a-z2-9]{10}$/);
      const signIn = await call('POST', '/api/auth/sign-in', undefined, {
        login: learner.username,
        password: learner.password,
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
    }
    const byPhone = await call('POST', '/api/auth/sign-in', undefined, {
      login: '0912345678',
      password: imported[0]!.password,
    });
    expect(byPhone.statusCode).toBe(200);
    // Learners of the class, listed in its progress; the password is stored only as a hash.
    const progress = await call('GET', `/api/orgs/${classId}/progress`, teacher.token);
    const listed = progress.json<{ accountId: string; role: string }[]>();
    expect(listed.map((m) => m.accountId).sort()).toEqual(imported.map((l) => l.accountId).sort());
    const stored = await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM accounts WHERE id = ANY($1::uuid[])`,
      [imported.map((l) => l.accountId)],
    );
    for (const row of stored) expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // The audit log holds ids and a count, never a name or a password.
    const [entry] = await db.query<{ target: string; details: unknown }>(
      `SELECT target, details FROM audit_log WHERE action = 'roster_imported'`,
    );
    expect(entry).toEqual({ target: classId, details: { learners: 2, skipped: 0 } });
  });

  it('imports the same file again without doubling anyone: the class’s learners are skipped as already there', async () => {
    const before = await counts();
    const again = [
      // The same person as before: case, spacing and her phone (now hers) do not matter.
      { row: 2, fullName: 'trần thị  Bích', birthYear: '2012', phone: '0912 345 678' },
      { row: 3, fullName: 'Lê Đức Anh', birthYear: '2011', phone: '' },
      // The same name with another birth year is another person.
      { row: 4, fullName: 'Lê Đức Anh', birthYear: '2013', phone: '' },
    ];
    const first = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, { rows: again });
    expect(first.statusCode, first.body).toBe(201);
    const answer = rosterImportResponseSchema.parse(first.json());
    expect(answer.imported.map((l) => [l.displayName, l.birthYear])).toEqual([
      ['Lê Đức Anh', 2013],
    ]);
    expect(answer.skipped).toEqual([
      { row: 2, displayName: 'trần thị Bích', birthYear: 2012 },
      { row: 3, displayName: 'Lê Đức Anh', birthYear: 2011 },
    ]);
    expect(await counts()).toEqual({
      accounts: before.accounts + 1,
      members: before.members + 1,
    });
    // The same file a third time: nothing new, nobody doubled, all three named.
    const second = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, {
      rows: again,
    });
    expect(second.statusCode, second.body).toBe(201);
    const nothing = rosterImportResponseSchema.parse(second.json());
    expect(nothing.imported).toEqual([]);
    expect(nothing.skipped.map((l) => l.row)).toEqual([2, 3, 4]);
    expect(await counts()).toEqual({
      accounts: before.accounts + 1,
      members: before.members + 1,
    });
  });

  it('lists every problem of every row and imports nothing', async () => {
    await refused(
      [
        { row: 2, fullName: 'Phạm Văn Minh', birthYear: '2010', phone: '' },
        { row: 3, fullName: '', birthYear: '', phone: '' },
        { row: 4, fullName: '', birthYear: '2010', phone: '' },
        { row: 5, fullName: 'Hồ Thị Lan', birthYear: 'mười', phone: '123' },
        { row: 6, fullName: 'phạm  văn minh', birthYear: '2010', phone: '' },
        { row: 7, fullName: 'Vũ An', birthYear: '', phone: '0912 000 111' },
        { row: 8, fullName: 'Vũ Bình', birthYear: '1850', phone: '+84912000111' },
        { row: 9, fullName: 'Tên\u202eđảo', birthYear: '2010', phone: '' },
      ],
      [
        { row: 3, problem: 'empty_row' },
        { row: 4, problem: 'name_missing' },
        { row: 5, problem: 'year_invalid' },
        { row: 5, problem: 'phone_invalid' },
        { row: 6, problem: 'duplicate', sameAs: 2 },
        { row: 7, problem: 'year_missing' },
        { row: 8, problem: 'year_invalid' },
        { row: 8, problem: 'phone_repeated', sameAs: 7 },
        { row: 9, problem: 'name_invalid' },
      ],
    );
  });

  it('refuses a phone that already has an account, and the rest of the roster with it', async () => {
    await person('owner', '0987 654 321');
    await refused(
      [...roster(39), { row: 41, fullName: 'Đỗ Hải', birthYear: '2012', phone: '0987654321' }],
      [{ row: 41, problem: 'phone_taken' }],
    );
  });

  it(`imports ${MAX_ROSTER_ROWS} rows and refuses one more, whole`, async () => {
    await refused(roster(MAX_ROSTER_ROWS + 1, 10_000), [{ problem: 'too_many_rows' }]);
    const before = await counts();
    const response = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, {
      rows: roster(MAX_ROSTER_ROWS, 10_000),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const { imported } = rosterImportResponseSchema.parse(response.json());
    expect(new Set(imported.map((l) => l.username)).size).toBe(MAX_ROSTER_ROWS);
    expect(await counts()).toEqual({
      accounts: before.accounts + MAX_ROSTER_ROWS,
      members: before.members + MAX_ROSTER_ROWS,
    });
  }, 120_000);

  it('refuses a body that is not a roster, a team, and a class one does not teach', async () => {
    const wrong = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, {
      rows: [{ row: 2, name: 'X' }],
    });
    expect(wrong.statusCode).toBe(400);
    const empty = await call('POST', `/api/orgs/${classId}/roster`, teacher.token, { rows: [] });
    expect(empty.statusCode).toBe(400);
    const team = await organisation(teacher.token, 'team');
    const toTeam = await call('POST', `/api/orgs/${team}/roster`, teacher.token, {
      rows: roster(1),
    });
    expect(toTeam.statusCode).toBe(403);
    const stranger = await person('stranger');
    const before = await counts();
    const notTheirs = await call('POST', `/api/orgs/${classId}/roster`, stranger.token, {
      rows: roster(1),
    });
    expect(notTheirs.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('lists the learners’ certificates with the lessons each holder completed, and no one else’s', async () => {
    const course = testCourse();
    const [learner] = rosterImportResponseSchema.parse(
      (
        await call('POST', `/api/orgs/${classId}/roster`, teacher.token, {
          rows: [{ row: 2, fullName: 'Mai Thị Hoa', birthYear: '2012', phone: '' }],
        })
      ).json(),
    ).imported;
    const signIn = await call('POST', '/api/auth/sign-in', undefined, {
      login: learner!.username,
      password: learner!.password,
    });
    const earn = async (token: string, name: string, lessons: string[]) => {
      const deviceId = newRandomId();
      const profileId = newRandomId();
      const pushed = await call('POST', '/api/sync/push', token, {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        records: [
          ...lessons.map((id) => lessonEvent(deviceId, profileId, id, course.id)),
          ...quizAttempt(deviceId, profileId, neededRight(), true),
          certificateRequest(deviceId, profileId, name),
        ].map(eventRecord),
      });
      expect(pushed.statusCode, pushed.body).toBe(200);
    };
    const firstLesson = course.lessons[0]!.id;
    await earn(signIn.json<{ accessToken: string }>().accessToken, 'Mai Thị Hoa', [firstLesson]);
    await earn(teacher.token, 'Cô giáo', []);
    const response = await call('GET', `/api/orgs/${classId}/certificates`, teacher.token);
    expect(response.statusCode).toBe(200);
    const { certificates } = orgCertificatesResponseSchema.parse(response.json());
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      holderName: 'Mai Thị Hoa',
      courseId: course.id,
      completedLessons: [firstLesson],
    });
    expect(certificates[0]!.issuerName).not.toBe('');
  });
});
