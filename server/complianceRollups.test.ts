import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears } from '../src/domain/assignments';
import { COMPLIANCE_STATUS_WORDS } from '../src/domain/compliance';
import {
  NO_UNIT,
  PROVINCE_EXPORT_HEADERS,
  WHOLE_AGENCY,
  percentDone,
} from '../src/domain/complianceRollups';
import { vietnamDay } from '../src/domain/vietnamTime';
import { newEventId, newRandomId } from '../src/lib/ids';
import {
  assignmentRecord,
  complianceReportSchema,
  eventRecord,
  meResponseSchema,
  nationalComplianceSchema,
  PROTOCOL_VERSION,
  provinceComplianceSchema,
  pushResponseSchema,
  type AssignmentRecord,
  type ComplianceCounts,
  type ComplianceRow,
  type ImportedStaff,
  type LearningEvent,
  type StaffCells,
} from '../src/protocol';
import { testAssignment } from '../src/test/assignments';
import { testEvent } from '../src/test/events';
import type { Database } from './db/database';
import { provinceCompliance } from './services/complianceRollups';
import { testBackends, testServer } from './testing';
import { buildWorld, newAccount, request, type World } from './testkit/world';

const backends = await testBackends();

const DAY_MS = 24 * 60 * 60 * 1000;
const HA_NOI = { code: '01', name: 'Thành phố Hà Nội' };
const CAO_BANG_COMMUNE = '01273';
const COURSES = ['digital-government-work', 'e-documents-signatures'];
const TITLE = 'Kỹ năng số cơ bản cho cán bộ, công chức — 2026';

function staffRows(prefix: string, units: string[], count: number): StaffCells[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    staffNumber: `${prefix}${String(i + 1).padStart(3, '0')}`,
    fullName: `Cán Bộ ${prefix} ${i + 1}`,
    unit: units[i % units.length]!,
    position: 'Chuyên viên',
    phone: '',
  }));
}

const quiz = (courseId: string, score: number, passed: boolean): LearningEvent =>
  testEvent(newRandomId(), newRandomId(), {
    type: 'quiz.completed',
    payload: { courseId, attemptId: newEventId(), score, total: 10, passed },
  });

type Tally = Omit<ComplianceCounts, 'percentDone'>;
/** The counts the test expects, tallied from the agency's own person-by-person report. */
function tally(rows: readonly ComplianceRow[]): ComplianceCounts {
  const counts: Tally = {
    staff: 0,
    not_started: 0,
    in_progress: 0,
    done: 0,
    overdue: 0,
    exempt: 0,
  };
  for (const row of rows) {
    counts.staff += 1;
    counts[row.status] += 1;
  }
  return { ...counts, percentDone: percentDone(counts) };
}

describe.each(backends)('province and national compliance roll-ups on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let world: World;
  let agencyA: string;
  let agencyCaoBang: string;
  let staffA: ImportedStaff[];
  let provinceAdmin: { accountId: string; token: string };
  const call = () => request(app);
  const due = () => vietnamDay(new Date(Date.now() + 10 * DAY_MS));
  const sysAdmin = () => world.actors.system_admin;

  async function push(token: string, deviceId: string, records: AssignmentRecord[]) {
    const response = await call()('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: records.map(assignmentRecord),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(pushResponseSchema.parse(response.json()).refused).toEqual([]);
  }

  async function importStaff(token: string, agencyId: string, rows: StaffCells[]) {
    const response = await call()('POST', `/api/orgs/${agencyId}/staff`, token, { rows });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ imported: ImportedStaff[] }>().imported;
  }

  async function signIn(member: ImportedStaff) {
    const response = await call()('POST', '/api/auth/sign-in', undefined, {
      login: member.username,
      password: member.password,
    });
    return response.json<{ accessToken: string }>().accessToken;
  }

  async function learn(member: ImportedStaff, events: LearningEvent[]) {
    const token = await signIn(member);
    const deviceId = newRandomId();
    const response = await call()('POST', '/api/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: events.map((e) => eventRecord({ ...e, deviceId })),
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
    world = await buildWorld(app, db);
    agencyA = world.home.agency_admin!.id;
    const admin = world.actors.agency_admin;
    staffA = await importStaff(
      admin.token,
      agencyA,
      staffRows('HN', ['Văn phòng', 'Phòng Tư pháp'], 12),
    );
    // An agency in another province, run by the system admin who made it.
    const made = await call()('POST', '/api/orgs', sysAdmin().token, {
      kind: 'agency',
      name: 'Sở Nội vụ Cao Bằng',
      communeCode: CAO_BANG_COMMUNE,
    });
    expect(made.statusCode, made.body).toBe(201);
    agencyCaoBang = made.json<{ id: string }>().id;
    const staffCaoBang = await importStaff(
      sysAdmin().token,
      agencyCaoBang,
      staffRows('CB', ['Văn phòng Sở'], 5),
    );
    const programme = (deviceId: string, agencyId: string) =>
      ({
        ...testAssignment(deviceId, agencyId, {
          item: { kind: 'programme', id: 'ky-nang-so-2026', title: TITLE, courses: COURSES },
          dueDate: due(),
        }),
        startDate: vietnamDay(new Date()),
      }) as AssignmentRecord;
    const forA = programme(admin.deviceId, agencyA);
    await push(admin.token, admin.deviceId, [
      forA,
      {
        id: newEventId(),
        deviceId: admin.deviceId,
        organisationId: agencyA,
        madeAt: new Date().toISOString(),
        action: 'exempt',
        assignmentId: forA.id,
        accountId: staffA[11]!.accountId,
        reason: 'Nghỉ ốm dài ngày',
      },
    ]);
    await push(sysAdmin().token, sysAdmin().deviceId, [
      programme(sysAdmin().deviceId, agencyCaoBang),
    ]);
    // Hà Nội: one finisher, one midway (two attempts at the first quiz), the rest idle.
    await learn(staffA[0]!, [quiz(COURSES[0]!, 9, true), quiz(COURSES[1]!, 10, true)]);
    await learn(staffA[1]!, [quiz(COURSES[0]!, 4, false), quiz(COURSES[0]!, 8, true)]);
    await learn(staffCaoBang[0]!, [quiz(COURSES[0]!, 7, true)]);

    provinceAdmin = await newAccount(app, 'province admin');
    const grant = await call()('POST', '/api/admin/province-admins', sysAdmin().token, {
      accountId: provinceAdmin.accountId,
      provinceCode: HA_NOI.code,
    });
    expect(grant.statusCode, grant.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const agencyReport = async (id: string, token: string) => {
    const response = await call()('GET', `/api/orgs/${id}/compliance`, token);
    expect(response.statusCode, response.body).toBe(200);
    return complianceReportSchema.parse(response.json());
  };

  it('shows the province admin their province on their own page', async () => {
    const me = meResponseSchema.parse((await call()('GET', '/api/me', provinceAdmin.token)).json());
    expect(me.provinces).toEqual([HA_NOI]);
    expect(me.communes).toEqual([]);
  });

  it('rolls up every agency of the province per programme and unit, equal to their reports', async () => {
    const response = await call()(
      'GET',
      `/api/provinces/${HA_NOI.code}/compliance`,
      provinceAdmin.token,
    );
    expect(response.statusCode, response.body).toBe(200);
    const rollup = provinceComplianceSchema.parse(response.json());
    expect(rollup.province).toEqual(HA_NOI);
    expect(rollup.programmes).toEqual([TITLE]);
    // Both Hà Nội agencies of the world are listed; Cao Bằng's is not.
    expect(rollup.agencies.map((a) => a.id).sort()).toEqual(
      [agencyA, world.other.agency_admin!.id].sort(),
    );
    const a = rollup.agencies.find((x) => x.id === agencyA)!;
    const report = await agencyReport(agencyA, world.actors.agency_admin.token);
    const [whole] = a.programmes;
    expect(a.programmes).toHaveLength(1);
    expect(whole).toMatchObject({ programme: TITLE, ...tally(report.rows) });
    expect(tally(report.rows)).toEqual({
      staff: 12,
      done: 1,
      in_progress: 1,
      not_started: 9,
      overdue: 0,
      exempt: 1,
      percentDone: 9, // 1 of the 11 not exempt
    });
    for (const unit of whole!.units) {
      const { unit: name, ...counts } = unit;
      expect(counts).toEqual(tally(report.rows.filter((r) => r.unit === name)));
    }
    expect(whole!.units.map((u) => u.unit)).toEqual(['Phòng Tư pháp', 'Văn phòng']);
    // An agency without a programme is listed with none.
    expect(rollup.agencies.find((x) => x.id !== agencyA)!.programmes).toEqual([]);
  });

  it('turns the unfinished overdue past the due date, from the clock alone', async () => {
    const later = new Date(Date.parse(`${due()}T12:00:00+07:00`) + DAY_MS);
    const rollup = await provinceCompliance(db, HA_NOI, {}, later);
    const counts = rollup.agencies.find((x) => x.id === agencyA)!.programmes[0]!;
    expect(counts).toMatchObject({ staff: 12, done: 1, exempt: 1, overdue: 10, in_progress: 0 });
    expect(counts).toMatchObject({ not_started: 0 });
    const never = await provinceCompliance(db, HA_NOI, { programme: 'Không có' });
    expect(never.agencies.every((x) => x.programmes.length === 0)).toBe(true);
    expect(addYears(due(), 0)).toBe(due());
  });

  it('exports the province roll-up as CSV and XLSX with Vietnamese headers, equal to the JSON', async () => {
    const rollup = provinceComplianceSchema.parse(
      (await call()('GET', `/api/provinces/${HA_NOI.code}/compliance`, provinceAdmin.token)).json(),
    );
    const expected = rollup.agencies.flatMap((agency) =>
      agency.programmes.flatMap((p) =>
        [{ ...p, unit: WHOLE_AGENCY }, ...p.units].map((row) => [
          agency.name,
          agency.communeName,
          p.programme,
          row.unit === '' ? NO_UNIT : row.unit,
          ...[row.staff, row.not_started, row.in_progress, row.done, row.overdue, row.exempt],
          row.percentDone ?? '',
        ]),
      ),
    );
    expect(expected).toHaveLength(3);
    const csv = await call()(
      'GET',
      `/api/provinces/${HA_NOI.code}/compliance.csv`,
      provinceAdmin.token,
    );
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...PROVINCE_EXPORT_HEADERS]);
    expect(rows.slice(1)).toEqual(expected.map((r) => r.map(String)));
    const xlsx = await call()(
      'GET',
      `/api/provinces/${HA_NOI.code}/compliance.xlsx`,
      provinceAdmin.token,
    );
    expect(xlsx.statusCode).toBe(200);
    const cells = await readSheet(xlsx.rawPayload);
    expect(cells[0]).toEqual([...PROVINCE_EXPORT_HEADERS]);
    expect(cells.slice(1).map((r) => r.map((c) => c ?? ''))).toEqual(expected);
  });

  it('gives the system admin the nation by province, each equal to its agencies', async () => {
    const response = await call()('GET', '/api/compliance/national', sysAdmin().token);
    expect(response.statusCode, response.body).toBe(200);
    const nation = nationalComplianceSchema.parse(response.json());
    expect(nation.provinces).toHaveLength(34);
    const haNoi = nation.provinces.find((p) => p.code === HA_NOI.code)!;
    const reportA = await agencyReport(agencyA, world.actors.agency_admin.token);
    expect(haNoi).toMatchObject({ agencies: 2 });
    expect(haNoi.programmes).toEqual([{ programme: TITLE, ...tally(reportA.rows) }]);
    const caoBang = nation.provinces.find((p) => p.code === '04')!;
    const reportCB = await agencyReport(agencyCaoBang, sysAdmin().token);
    expect(caoBang.programmes).toEqual([{ programme: TITLE, ...tally(reportCB.rows) }]);
    expect(tally(reportCB.rows)).toMatchObject({ staff: 5, in_progress: 1, not_started: 4 });
    expect(nation.provinces.filter((p) => p.programmes.length > 0)).toHaveLength(2);
  });

  it('adds best scores and attempts to the agency report, and filters by due date', async () => {
    const token = world.actors.agency_admin.token;
    const report = await agencyReport(agencyA, token);
    const rowOf = (member: ImportedStaff) =>
      report.rows.find((r) => r.accountId === member.accountId)!;
    expect(rowOf(staffA[0]!).quizzes).toEqual([
      { courseId: COURSES[0], bestScore: 9, total: 10, attempts: 1 },
      { courseId: COURSES[1], bestScore: 10, total: 10, attempts: 1 },
    ]);
    expect(rowOf(staffA[1]!).quizzes).toEqual([
      { courseId: COURSES[0], bestScore: 8, total: 10, attempts: 2 },
      { courseId: COURSES[1], bestScore: 0, total: 0, attempts: 0 },
    ]);
    const ranged = async (query: string) => {
      const response = await call()('GET', `/api/orgs/${agencyA}/compliance?${query}`, token);
      expect(response.statusCode, response.body).toBe(200);
      return complianceReportSchema.parse(response.json()).rows.length;
    };
    expect(await ranged(`dueFrom=${due()}&dueTo=${due()}`)).toBe(12);
    expect(await ranged(`dueTo=${addYears(due(), -1)}`)).toBe(0);
    expect(await ranged(`dueFrom=${addYears(due(), 1)}`)).toBe(0);
    expect(await ranged(`status=done&dueTo=${due()}`)).toBe(1);
    const backwards = await call()(
      'GET',
      `/api/orgs/${agencyA}/compliance?dueFrom=${due()}&dueTo=${addYears(due(), -1)}`,
      token,
    );
    expect(backwards.statusCode).toBe(400);
    // The CSV carries the same two columns and honours the filter.
    const csv = await call()(
      'GET',
      `/api/orgs/${agencyA}/compliance.csv?status=in_progress&dueTo=${due()}`,
      token,
    );
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows).toHaveLength(2);
    // The two certificate columns close each row (none is signed here).
    expect(rows[1]!.slice(-4)).toEqual(['8/10; –', '2', '', '']);
    expect(rows[1]![7]).toBe(COMPLIANCE_STATUS_WORDS.in_progress);
  });

  it('never counts a staff member who joined a class among the class’s learners', async () => {
    const classId = world.home.teacher!.id;
    const code = (
      await call()('POST', `/api/orgs/${classId}/join-codes`, world.actors.teacher.token, {
        role: 'learner',
      })
    ).json<{ code: string }>().code;
    const token = await signIn(staffA[2]!);
    const joined = await call()('POST', '/api/join', token, { code });
    expect(joined.statusCode, joined.body).toBeLessThan(300);
    const progress = await call()(
      'GET',
      `/api/orgs/${classId}/progress`,
      world.actors.teacher.token,
    );
    expect(progress.statusCode).toBe(200);
    const listed = progress.json<{ accountId: string }[]>().map((m) => m.accountId);
    expect(listed).toEqual([world.actors.learner.accountId]);
    // Still their agency's: the agency's report lists them.
    const report = await agencyReport(agencyA, world.actors.agency_admin.token);
    expect(report.rows.some((r) => r.accountId === staffA[2]!.accountId)).toBe(true);
  });
});
