import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, courseStandings } from '../src/domain/assignments';
import { vietnamDay } from '../src/domain/vietnamTime';
import {
  bestScoresText,
  COMPLIANCE_EXPORT_HEADERS,
  COMPLIANCE_STATUS_WORDS,
} from '../src/domain/compliance';
import { localText } from '../src/domain/exportCells';
import { newEventId, newRandomId } from '../src/lib/ids';
import {
  assignmentRecord,
  complianceReportSchema,
  eventRecord,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  staffImportResponseSchema,
  type AssignmentRecord,
  type ComplianceRow,
  type ImportedStaff,
  type LearningEvent,
  type StaffCells,
} from '../src/protocol';
import { testAssignment } from '../src/test/assignments';
import { testEvent } from '../src/test/events';
import type { Database } from './db/database';
import { learnerProgress } from './services/assignmentProgress';
import { complianceReport, courseStandingsOf } from './services/compliance';
import { testBackends, testServer } from './testing';
import { buildWorld, COMMUNE_A, request, type World } from './testkit/world';
import { readPushAnswer } from './testkit/pushAnswer';

const backends = await testBackends();

const DAY_MS = 24 * 60 * 60 * 1000;
const UNITS = ['Văn phòng', 'Phòng Tư pháp', 'Phòng Kinh tế'];
const COURSES = ['digital-government-work', 'e-documents-signatures', 'official-data-security'];

/** 50 staff in 3 units: every third in each unit; staff numbers CB001…CB050. */
function staffRows(): StaffCells[] {
  return Array.from({ length: 50 }, (_, i) => ({
    row: i + 2,
    staffNumber: `CB${String(i + 1).padStart(3, '0')}`,
    fullName: `Nguyễn Văn Cán Bộ ${i + 1}`,
    unit: UNITS[i % 3]!,
    position: i % 10 === 0 ? 'Trưởng phòng' : 'Chuyên viên',
    phone: i < 5 ? `09${String(12_345_600 + i).padStart(8, '0')}` : '',
  }));
}

/** The events of one person mastering one course (its lessons skipped: the quiz counts). */
function mastered(deviceId: string, profileId: string, courseId: string): LearningEvent[] {
  return [
    testEvent(deviceId, profileId, {
      type: 'quiz.completed',
      payload: { courseId, attemptId: newEventId(), score: 8, total: 8, passed: true },
    }),
  ];
}

describe.each(backends)('agency staff, programmes and compliance on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;
  let agencyId: string;
  let staff: ImportedStaff[];
  const call = () => request(app);

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
    agencyId = world.home.agency_admin!.id;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const admin = () => world.actors.agency_admin;
  const count = async (table: string) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('refuses a staff list with bad rows, naming each, and imports nothing', async () => {
    const rows = staffRows().slice(0, 6);
    rows[1] = { ...rows[1]!, staffNumber: rows[0]!.staffNumber.toLowerCase() };
    rows[2] = { ...rows[2]!, phone: '12345' };
    rows[3] = { ...rows[3]!, unit: '' };
    rows[4] = { ...rows[4]!, phone: rows[0]!.phone };
    const response = await call()('POST', `/api/orgs/${agencyId}/staff`, admin().token, { rows });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.rows).toEqual([
      { row: 3, problem: 'staff_number_repeated', sameAs: 2 },
      { row: 4, problem: 'phone_invalid' },
      { row: 5, problem: 'unit_missing' },
      { row: 6, problem: 'phone_repeated', sameAs: 2 },
    ]);
    expect(await count('agency_staff')).toBe(0);
    expect(await count('agency_units')).toBe(0);
  });

  it('lets only the agency’s admin import its staff', async () => {
    const rows = staffRows().slice(0, 1);
    for (const role of ['teacher', 'learner', 'team_leader'] as const) {
      const response = await call()(
        'POST',
        `/api/orgs/${agencyId}/staff`,
        world.actors[role].token,
        { rows },
      );
      expect(response.statusCode).toBe(403);
    }
    // The admin of another agency, and an agency admin into a class.
    const other = await call()('POST', `/api/orgs/${agencyId}/staff`, world.actors.teacher.token, {
      rows,
    });
    expect(other.statusCode).toBe(403);
    const intoClass = await call()(
      'POST',
      `/api/orgs/${world.home.teacher!.id}/staff`,
      admin().token,
      { rows },
    );
    expect(intoClass.statusCode).toBe(403);
    expect(await count('agency_staff')).toBe(0);
  });

  it('imports 50 staff in 3 units, creating the units, and refuses a staff number twice', async () => {
    const response = await call()('POST', `/api/orgs/${agencyId}/staff`, admin().token, {
      rows: staffRows(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = staffImportResponseSchema.parse(response.json());
    staff = body.imported;
    expect(staff).toHaveLength(50);
    expect(body.newUnits.sort()).toEqual([...UNITS].sort());
    expect(await count('agency_staff')).toBe(50);

    // Staff learn as civil servants: the commune's learner figures never count them.
    const figures = await call()(
      'GET',
      `/api/communes/${COMMUNE_A}/summary`,
      world.actors.commune_official.token,
    );
    expect(figures.statusCode).toBe(200);
    expect(figures.json().learners).toBe(1);

    const again = await call()('POST', `/api/orgs/${agencyId}/staff`, admin().token, {
      rows: [{ ...staffRows()[7]!, row: 2, phone: '' }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.rows).toEqual([{ row: 2, problem: 'staff_number_taken' }]);
    expect(await count('agency_staff')).toBe(50);
  });

  async function unitIds(): Promise<Map<string, string>> {
    const rows = await db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agency_units WHERE organisation_id = $1`,
      [agencyId],
    );
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  async function push(token: string, deviceId: string, records: AssignmentRecord[]) {
    const sent = records.map(assignmentRecord);
    const response = await call()('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: sent,
    });
    expect(response.statusCode, response.body).toBe(200);
    return readPushAnswer(sent, response.json());
  }

  async function signIn(member: ImportedStaff) {
    const response = await call()('POST', '/api/auth/sign-in', undefined, {
      login: member.username,
      password: member.password,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ accessToken: string }>().accessToken;
  }

  const today = () => vietnamDay(new Date());
  const due = () => vietnamDay(new Date(Date.now() + 30 * DAY_MS));
  let programme: Extract<AssignmentRecord, { action: 'assign' }>;

  it('stores a programme for one unit and refuses a bad one with its reason', async () => {
    const units = await unitIds();
    const make = (options: Partial<typeof programme>) => ({
      ...testAssignment(admin().deviceId, agencyId, {
        item: {
          kind: 'programme',
          id: 'ky-nang-so-2026',
          title: 'Kỹ năng số cơ bản cho cán bộ, công chức — 2026',
          courses: COURSES,
        },
        target: { kind: 'unit', unitId: units.get(UNITS[1]!)! },
        dueDate: due(),
      }),
      startDate: today(),
      renewal: 'yearly' as const,
      ...options,
    });
    programme = make({});
    const bad = {
      dueBeforeStart: make({ startDate: addYears(due(), 1) }),
      unknownCourse: make({
        item: { ...programme.item, courses: ['no-such-course'] } as typeof programme.item,
      }),
      otherAgencyUnit: make({ target: { kind: 'unit', unitId: newRandomId() } }),
    };
    const result = await push(admin().token, admin().deviceId, [programme, ...Object.values(bad)]);
    expect(result.accepted.map((r) => r.id)).toEqual([programme.id]);
    expect(Object.fromEntries(result.refused.map((r) => [r.id, r.reason]))).toEqual({
      [bad.dueBeforeStart.id]: 'due_before_start',
      [bad.unknownCourse.id]: 'unknown_item',
      [bad.otherAgencyUnit.id]: 'not_member',
    });
    // A programme without courses never passes the kind's schema.
    const empty = make({ item: { ...programme.item, courses: [] } as typeof programme.item });
    const refused = await push(admin().token, admin().deviceId, [empty]);
    expect(refused.refused.map((r) => r.reason)).toEqual(['invalid_record']);
  });

  it('reaches on pull only the staff of the unit it names', async () => {
    const inUnit = staff.find((s) => s.unit === UNITS[1])!;
    const elsewhere = staff.find((s) => s.unit === UNITS[0])!;
    const pulled = async (member: ImportedStaff) => {
      const response = await call()(
        'GET',
        `/api/sync/pull?kind=assignment&since=0&scope=org:${agencyId}`,
        await signIn(member),
      );
      expect(response.statusCode).toBe(200);
      return pullResponseSchema.parse(response.json()).records.map((r) => r.id);
    };
    expect(await pulled(inUnit)).toEqual([programme.id]);
    expect(await pulled(elsewhere)).toEqual([]);
  });

  it('derives each person’s status from synced progress and the clock, never stored', async () => {
    const unit = staff.filter((s) => s.unit === UNITS[1]);
    const [finisher, midway, idle, exempted] = unit as [
      ImportedStaff,
      ImportedStaff,
      ImportedStaff,
      ImportedStaff,
    ];
    const learn = async (member: ImportedStaff, events: LearningEvent[]) => {
      const deviceId = newRandomId();
      const response = await call()('POST', '/api/sync/push', await signIn(member), {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        records: events.map((e) => eventRecord({ ...e, deviceId })),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(pushResponseSchema.parse(response.json()).refused).toEqual([]);
    };
    const profile = newRandomId();
    await learn(
      finisher,
      COURSES.flatMap((c) => mastered(newRandomId(), profile, c)),
    );
    await learn(midway, [
      ...mastered(newRandomId(), profile, COURSES[0]!),
      testEvent(newRandomId(), profile, {
        type: 'lesson.completed',
        payload: { courseId: COURSES[1]!, lessonId: 'what-is-an-e-document' },
      }),
    ]);
    const exemption: AssignmentRecord = {
      id: newEventId(),
      deviceId: admin().deviceId,
      organisationId: agencyId,
      madeAt: new Date().toISOString(),
      action: 'exempt',
      assignmentId: programme.id,
      accountId: exempted.accountId,
      reason: 'Nghỉ thai sản',
    };
    const notStaff: AssignmentRecord = {
      ...exemption,
      id: newEventId(),
      accountId: admin().accountId!,
    };
    const outcome = await push(admin().token, admin().deviceId, [exemption, notStaff]);
    expect(outcome.accepted.map((r) => r.id)).toEqual([exemption.id]);
    expect(outcome.refused.map((r) => r.reason)).toEqual(['not_member']);

    // The SQL summary the report reads is what the app's own fold of the same events gives.
    const ids = unit.map((s) => s.accountId);
    const summed = await courseStandingsOf(db, ids, COURSES);
    const folded = await learnerProgress(db, ids);
    for (const id of ids) {
      expect(Object.fromEntries(summed.get(id) ?? [])).toEqual(
        Object.fromEntries(courseStandings(folded.get(id)!.courses)),
      );
    }
    expect(summed.get(finisher.accountId)?.size).toBe(3);

    const response = await call()('GET', `/api/orgs/${agencyId}/compliance`, admin().token);
    expect(response.statusCode, response.body).toBe(200);
    const report = complianceReportSchema.parse(response.json());
    // Only the unit's staff: never the admin, never another unit.
    expect(report.rows.map((r) => r.staffNumber).sort()).toEqual(
      unit.map((s) => s.staffNumber).sort(),
    );
    const rowOf = (member: ImportedStaff) =>
      report.rows.find((r) => r.accountId === member.accountId)!;
    expect(rowOf(finisher)).toMatchObject({
      status: 'done',
      done: 3,
      total: 3,
      completedOn: today(),
      unit: UNITS[1],
      programme: programme.item.kind === 'programme' ? programme.item.title : '',
      dueDate: due(),
    });
    expect(rowOf(midway)).toMatchObject({ status: 'in_progress', done: 1, completedOn: null });
    expect(rowOf(idle)).toMatchObject({ status: 'not_started', done: 0, lastActivity: null });
    expect(rowOf(exempted)).toMatchObject({ status: 'exempt', exemptReason: 'Nghỉ thai sản' });
    const counts = (rows: ComplianceRow[]) =>
      rows.reduce<Record<string, number>>(
        (all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }),
        {},
      );
    expect(counts(report.rows)).toEqual({
      done: 1,
      in_progress: 1,
      exempt: 1,
      not_started: unit.length - 3,
    });

    // The filters: by status, and by a unit the programme does not reach.
    const units = await unitIds();
    const done = await call()('GET', `/api/orgs/${agencyId}/compliance?status=done`, admin().token);
    expect(done.json().rows.map((r: ComplianceRow) => r.accountId)).toEqual([finisher.accountId]);
    const other = await call()(
      'GET',
      `/api/orgs/${agencyId}/compliance?unit=${units.get(UNITS[0]!)}`,
      admin().token,
    );
    expect(other.json().rows).toEqual([]);

    // The day after the due date: whoever has not finished is overdue; done and exempt stay.
    const later = await complianceReport(
      db,
      admin().accountId!,
      agencyId,
      {},
      new Date(Date.parse(`${due()}T12:00:00+07:00`) + DAY_MS),
    );
    if (!later.ok) throw new Error(later.code);
    expect(counts(later.value.rows)).toEqual({ done: 1, exempt: 1, overdue: unit.length - 2 });
    expect(later.value.rows.find((r) => r.accountId === midway.accountId)!.status).toBe('overdue');
    // A year on, the yearly programme starts again: last year's mastery does not count.
    const nextYear = await complianceReport(
      db,
      admin().accountId!,
      agencyId,
      {},
      new Date(Date.parse(`${addYears(today(), 1)}T12:00:00+07:00`)),
    );
    if (!nextYear.ok) throw new Error(nextYear.code);
    expect(nextYear.value.rows.find((r) => r.accountId === finisher.accountId)).toMatchObject({
      status: 'not_started',
      done: 0,
      dueDate: addYears(due(), 1),
    });
  });

  it('exports the report as CSV and XLSX with Vietnamese headers, equal to the JSON', async () => {
    const report = complianceReportSchema.parse(
      (await call()('GET', `/api/orgs/${agencyId}/compliance`, admin().token)).json(),
    );
    const csv = await call()('GET', `/api/orgs/${agencyId}/compliance.csv`, admin().token);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...COMPLIANCE_EXPORT_HEADERS]);
    const expected = report.rows.map((r) => [
      r.staffNumber,
      r.displayName,
      r.unit,
      r.position,
      r.programme,
      localText({ kind: 'date', iso: r.startDate }),
      r.dueDate ? localText({ kind: 'date', iso: r.dueDate }) : '',
      COMPLIANCE_STATUS_WORDS[r.status],
      String(r.done),
      String(r.total),
      r.completedOn ? localText({ kind: 'date', iso: r.completedOn }) : '',
      r.lastActivity ? localText({ kind: 'moment', iso: r.lastActivity }) : '',
      r.exemptReason ?? '',
      bestScoresText(r.quizzes),
      String(r.quizzes.reduce((sum, q) => sum + q.attempts, 0)),
      // No programme certificate is asked for here (programmeCertificates.test.ts).
      '',
      '',
    ]);
    expect(rows.slice(1)).toEqual(expected);
    expect(report.rows.every((r) => r.certificate === null)).toBe(true);
    // The finisher's best scores, one per course in the programme's order.
    expect(rows.slice(1).map((row) => row.at(-4))).toContain('8/8; 8/8; 8/8');

    const xlsx = await call()('GET', `/api/orgs/${agencyId}/compliance.xlsx`, admin().token);
    expect(xlsx.statusCode).toBe(200);
    const cells = await readSheet(xlsx.rawPayload);
    expect(cells[0]).toEqual([...COMPLIANCE_EXPORT_HEADERS]);
    expect(cells.slice(1).map((row) => [row[0], row[1], row[7], row[8], row[9]])).toEqual(
      report.rows.map((r) => [
        r.staffNumber,
        r.displayName,
        COMPLIANCE_STATUS_WORDS[r.status],
        r.done,
        r.total,
      ]),
    );
    const dueCell = cells[1]![6];
    expect(dueCell).toEqual(new Date(`${report.rows[0]!.dueDate}T00:00:00Z`));

    // A staff member of the agency reads no report, nor its files.
    const member = staff[0]!;
    const token = await signIn(member);
    for (const path of ['compliance', 'compliance.csv', 'compliance.xlsx']) {
      const refused = await call()('GET', `/api/orgs/${agencyId}/${path}`, token);
      expect(refused.statusCode).toBe(403);
    }
  });
});
