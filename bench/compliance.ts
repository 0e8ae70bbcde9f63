import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../server/app';
import { migrate } from '../server/db/migrate';
import type { Database } from '../server/db/database';
import { complianceReport } from '../server/services/compliance';
import { provinceCompliance, provinceExists } from '../server/services/complianceRollups';
import { NO_LIMITS } from '../server/testing';
import { COMMUNE_A, request } from '../server/testkit/world';
import { signUp } from '../server/testkit/teamWorld';
import { vietnamDay } from '../src/domain/vietnamTime';
import { newEventId } from '../src/lib/ids';
import { COMPLIANCE_STATUSES, type AssignmentRecord } from '../src/protocol';
import { chunks, openBenchDatabase } from './pushThroughput';

export const AGENCY_STAFF = 5_000;
const UNITS = 20;
const COURSES = [
  'digital-government-work',
  'e-documents-signatures',
  'official-data-security',
  'ai-at-work',
  'helping-citizens-online',
];
const RUNS = 5;
const HA_NOI = '01';

export interface ComplianceFigures {
  database: string;
  staff: number;
  events: number;
  seedSeconds: number;
  /** Median of RUNS: the service alone (SQL and the fold), and the whole HTTP routes. */
  serviceMs: number;
  jsonMs: number;
  xlsxMs: number;
  rows: number;
  byStatus: Record<string, number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * Staff member i's learning: i mod 7 decides how far they got (none, a lesson, 1–5 courses
 * mastered), each course with its lessons and quiz answers as the app would record them.
 */
function eventsOf(i: number, owner: string, deviceId: string) {
  const stage = i % 7;
  const rows: [string, string, string, string, string, string, string][] = [];
  const at = (k: number) => new Date(Date.UTC(2026, 10, 1 + (i % 20), 8, k)).toISOString();
  const add = (type: string, payload: object, k: number) =>
    rows.push([newEventId(), owner, deviceId, deviceId, type, JSON.stringify(payload), at(k)]);
  COURSES.forEach((courseId, c) => {
    if (stage === 0 || c >= Math.max(stage - 1, 1)) return;
    for (let lesson = 0; lesson < 4; lesson += 1) {
      add('lesson.completed', { courseId, lessonId: `lesson-${lesson}` }, c * 10 + lesson);
    }
    if (stage === 1) return;
    const attemptId = newEventId();
    for (let q = 0; q < 8; q += 1) {
      add(
        'quiz.answered',
        { courseId, attemptId, questionId: `q-${q}`, chosen: ['a'], correct: q !== 3 },
        c * 10 + 5,
      );
    }
    add('quiz.completed', { courseId, attemptId, score: 7, total: 8, passed: true }, c * 10 + 6);
  });
  return rows;
}

/** The compliance report of a 5,000-staff agency with a 5-course programme, on PostgreSQL. */
export async function measureCompliance(): Promise<ComplianceFigures> {
  const db = await openBenchDatabase('bench_compliance');
  await migrate(db);
  const app = await buildServer({ db, limits: NO_LIMITS });
  try {
    const call = request(app);
    const admin = await signUp(app, 'admin');
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [admin.id]);
    const agencyId = (
      await call('POST', '/api/orgs', admin.token, {
        kind: 'agency',
        name: 'Sở đo',
        communeCode: COMMUNE_A,
      })
    ).json<{ id: string }>().id;
    await db.query(`UPDATE accounts SET is_system_admin = false WHERE id = $1`, [admin.id]);

    const seedStart = performance.now();
    const units = Array.from({ length: UNITS }, (_, u) => ({
      id: randomUUID(),
      name: `Phòng ${u + 1}`,
    }));
    await db.query(
      `INSERT INTO agency_units (id, organisation_id, name)
       SELECT id, $2, name FROM unnest($1::uuid[], $3::text[]) AS u(id, name)`,
      [units.map((u) => u.id), agencyId, units.map((u) => u.name)],
    );
    const events = await seedStaff(db, agencyId, units, AGENCY_STAFF, 0);
    await assignProgramme(db, agencyId, admin.id);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    await db.exec('ANALYZE');

    const serviceRuns: number[] = [];
    const jsonRuns: number[] = [];
    const xlsxRuns: number[] = [];
    let rows = 0;
    const byStatus: Record<string, number> = {};
    for (let run = 0; run < RUNS; run += 1) {
      let start = performance.now();
      const report = await complianceReport(db, admin.id, agencyId, {});
      serviceRuns.push(performance.now() - start);
      if (!report.ok) throw new Error(report.code);
      rows = report.value.rows.length;
      if (run === 0) {
        for (const row of report.value.rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      }
      start = performance.now();
      const json = await call('GET', `/api/orgs/${agencyId}/compliance`, admin.token);
      jsonRuns.push(performance.now() - start);
      if (json.statusCode !== 200) throw new Error(json.body);
      start = performance.now();
      const xlsx = await call('GET', `/api/orgs/${agencyId}/compliance.xlsx`, admin.token);
      xlsxRuns.push(performance.now() - start);
      if (xlsx.statusCode !== 200) throw new Error(xlsx.body);
    }
    return {
      database: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (PostgreSQL not reachable)',
      staff: AGENCY_STAFF,
      events,
      seedSeconds,
      serviceMs: median(serviceRuns),
      jsonMs: median(jsonRuns),
      xlsxMs: median(xlsxRuns),
      rows,
      byStatus,
    };
  } finally {
    await app.close();
    await db.close();
  }
}

/**
 * `count` staff members of an agency (numbered from `first`), spread over its units, with
 * their accounts, devices and learning events (see `eventsOf`), inserted by SQL. Returns the
 * number of events.
 */
async function seedStaff(
  db: Database,
  agencyId: string,
  units: { id: string }[],
  count: number,
  first: number,
): Promise<number> {
  const staff = Array.from({ length: count }, (_, k) => ({
    id: randomUUID(),
    deviceId: randomUUID(),
    i: first + k,
  }));
  let events = 0;
  for (const batch of chunks(staff, 500)) {
    await db.query(
      `INSERT INTO accounts (id, username, display_name, password_hash)
       SELECT id, 'cb' || n, 'Cán bộ ' || n, 'x' FROM unnest($1::uuid[], $2::int[]) AS s(id, n)`,
      [batch.map((s) => s.id), batch.map((s) => s.i)],
    );
    await db.query(
      `INSERT INTO memberships (account_id, organisation_id, role)
       SELECT id, $2, 'learner' FROM unnest($1::uuid[]) AS id`,
      [batch.map((s) => s.id), agencyId],
    );
    await db.query(
      `INSERT INTO agency_staff (organisation_id, account_id, staff_number, unit_id, position)
       SELECT $1, id, 'CB' || lpad(n::text, 5, '0'), unit, 'Chuyên viên'
       FROM unnest($2::uuid[], $3::int[], $4::uuid[]) AS s(id, n, unit)`,
      [
        agencyId,
        batch.map((s) => s.id),
        batch.map((s) => s.i),
        batch.map((s) => units[s.i % units.length]!.id),
      ],
    );
    await db.query(
      `INSERT INTO devices (id, token_hash, account_id)
       SELECT id, 'bench-' || id, account FROM unnest($1::uuid[], $2::uuid[]) AS d(id, account)`,
      [batch.map((s) => s.deviceId), batch.map((s) => s.id)],
    );
    const rows = batch.flatMap((s) => eventsOf(s.i, `account:${s.id}`, s.deviceId));
    events += rows.length;
    for (const part of chunks(rows, 5_000)) {
      const columns = [0, 1, 2, 3, 4, 5, 6].map((c) => part.map((r) => r[c]));
      await db.query(
        `INSERT INTO events (id, owner_id, device_id, profile_id, type, payload, occurred_at)
         SELECT id, owner, device, profile, type, payload::jsonb, at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[],
                     $7::timestamptz[]) AS e(id, owner, device, profile, type, payload, at)`,
        columns,
      );
    }
  }
  return events;
}

/** The 5-course programme, for the whole agency, due in 30 days. */
async function assignProgramme(db: Database, agencyId: string, adminId: string): Promise<void> {
  const programme: AssignmentRecord = {
    id: newEventId(),
    deviceId: randomUUID(),
    organisationId: agencyId,
    madeAt: new Date().toISOString(),
    action: 'assign',
    item: { kind: 'programme', id: 'ky-nang-so', title: 'Kỹ năng số 2026', courses: COURSES },
    target: { kind: 'organisation' },
    dueDate: vietnamDay(new Date(Date.now() + 30 * 86_400_000)),
  };
  await db.query(
    `INSERT INTO assignments (id, organisation_id, action, made_by, record)
     VALUES ($1, $2, 'assign', $3, $4::jsonb)`,
    [programme.id, agencyId, adminId, JSON.stringify(programme)],
  );
}

/** Agency k of the province roll-up has 25 + (k × 7 mod 26) staff: 25 to 50, 7,500 in all. */
export const PROVINCE_AGENCIES = 200;
const staffOfAgency = (k: number) => 25 + ((k * 7) % 26);
const PROVINCE_UNITS = 3;

export interface ProvinceRollupFigures {
  database: string;
  agencies: number;
  staff: number;
  events: number;
  seedSeconds: number;
  serviceMs: number;
  jsonMs: number;
  xlsxMs: number;
  nationalMs: number;
  totals: Record<string, number>;
}

/**
 * A province's roll-up of 200 agencies (25 to 50 staff each, 3 units, the 5-course programme),
 * on PostgreSQL: the service, its JSON and XLSX routes, and the national roll-up over it.
 */
export async function measureProvinceRollup(): Promise<ProvinceRollupFigures> {
  const db = await openBenchDatabase('bench_province');
  await migrate(db);
  const app = await buildServer({ db, limits: NO_LIMITS });
  try {
    const call = request(app);
    const admin = await signUp(app, 'admin');
    await db.query(`UPDATE accounts SET is_system_admin = true WHERE id = $1`, [admin.id]);
    const communes = await db.query<{ code: string }>(
      `SELECT code FROM communes WHERE province_code = $1 ORDER BY code`,
      [HA_NOI],
    );
    const seedStart = performance.now();
    let staff = 0;
    let events = 0;
    for (let k = 0; k < PROVINCE_AGENCIES; k += 1) {
      const agencyId = randomUUID();
      await db.query(
        `INSERT INTO organisations (id, kind, name, commune_code, approved_at)
         VALUES ($1, 'agency', $2, $3, now())`,
        [agencyId, `Cơ quan ${k + 1}`, communes[k % communes.length]!.code],
      );
      const units = Array.from({ length: PROVINCE_UNITS }, (_, u) => ({
        id: randomUUID(),
        name: `Phòng ${u + 1}`,
      }));
      await db.query(
        `INSERT INTO agency_units (id, organisation_id, name)
         SELECT id, $2, name FROM unnest($1::uuid[], $3::text[]) AS u(id, name)`,
        [units.map((u) => u.id), agencyId, units.map((u) => u.name)],
      );
      events += await seedStaff(db, agencyId, units, staffOfAgency(k), staff);
      staff += staffOfAgency(k);
      await assignProgramme(db, agencyId, admin.id);
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    await db.exec('ANALYZE');
    const province = (await provinceExists(db, HA_NOI))!;

    const runs = { service: [] as number[], json: [] as number[], xlsx: [] as number[] };
    const national: number[] = [];
    let totals: Record<string, number> = {};
    for (let run = 0; run < RUNS; run += 1) {
      let start = performance.now();
      const report = await provinceCompliance(db, province, {});
      runs.service.push(performance.now() - start);
      if (run === 0) {
        totals = { agencies: report.agencies.length };
        for (const agency of report.agencies) {
          for (const p of agency.programmes) {
            for (const key of ['staff', ...COMPLIANCE_STATUSES] as const) {
              totals[key] = (totals[key] ?? 0) + p[key];
            }
          }
        }
      }
      for (const [path, list] of [
        [`/api/provinces/${HA_NOI}/compliance`, runs.json],
        [`/api/provinces/${HA_NOI}/compliance.xlsx`, runs.xlsx],
        ['/api/compliance/national', national],
      ] as const) {
        start = performance.now();
        const response = await call('GET', path, admin.token);
        list.push(performance.now() - start);
        if (response.statusCode !== 200) throw new Error(response.body);
      }
    }
    return {
      database: db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (PostgreSQL not reachable)',
      agencies: PROVINCE_AGENCIES,
      staff,
      events,
      seedSeconds,
      serviceMs: median(runs.service),
      jsonMs: median(runs.json),
      xlsxMs: median(runs.xlsx),
      nationalMs: median(national),
      totals,
    };
  } finally {
    await app.close();
    await db.close();
  }
}

export function printProvinceRollup(f: ProvinceRollupFigures): void {
  console.log(
    `Province roll-up on ${f.database}: ${f.agencies} agencies of 25–50 staff (${f.staff} in all, 3 units each), a 5-course programme, ${f.events} events, median of ${RUNS} runs`,
  );
  console.log(`  service (SQL + derive + count): ${f.serviceMs.toFixed(0)} ms`);
  console.log(`  HTTP GET /provinces/01/compliance     : ${f.jsonMs.toFixed(0)} ms`);
  console.log(`  HTTP GET /provinces/01/compliance.xlsx: ${f.xlsxMs.toFixed(0)} ms`);
  console.log(`  HTTP GET /compliance/national         : ${f.nationalMs.toFixed(0)} ms`);
  console.log(`  totals                        : ${JSON.stringify(f.totals)}`);
  console.log(`  seeding by SQL                : ${f.seedSeconds.toFixed(1)} s`);
}

export function printCompliance(f: ComplianceFigures): void {
  console.log(
    `Compliance report on ${f.database}: ${f.staff} staff, a 5-course programme, ${f.events} events, median of ${RUNS} runs`,
  );
  console.log(`  service (SQL + derive)   : ${f.serviceMs.toFixed(0)} ms`);
  console.log(`  HTTP GET /compliance     : ${f.jsonMs.toFixed(0)} ms`);
  console.log(`  HTTP GET /compliance.xlsx: ${f.xlsxMs.toFixed(0)} ms`);
  console.log(`  rows ${f.rows}; by status  : ${JSON.stringify(f.byStatus)}`);
  console.log(`  seeding by SQL           : ${f.seedSeconds.toFixed(1)} s`);
}
