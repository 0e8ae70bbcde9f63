import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../server/app';
import { migrate } from '../server/db/migrate';
import { complianceReport } from '../server/services/compliance';
import { NO_LIMITS } from '../server/testing';
import { COMMUNE_A, request } from '../server/testkit/world';
import { signUp } from '../server/testkit/teamWorld';
import { vietnamDay } from '../src/domain/vietnamTime';
import { newEventId } from '../src/lib/ids';
import type { AssignmentRecord } from '../src/protocol';
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
    const staff = Array.from({ length: AGENCY_STAFF }, (_, i) => ({
      id: randomUUID(),
      deviceId: randomUUID(),
      i,
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
          batch.map((s) => units[s.i % UNITS]!.id),
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
      [programme.id, agencyId, admin.id, JSON.stringify(programme)],
    );
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
