import {
  currentRound,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
  targetReaches,
  type CourseStanding,
  type Programme,
  type ProgrammeStanding,
} from '../../src/domain/assignments';
import { vietnamDay } from '../../src/domain/vietnamTime';
import { COMPLIANCE_EXPORT_HEADERS, complianceExportRows } from '../../src/domain/compliance';
import type {
  AssignmentRecord,
  ComplianceQuery,
  ComplianceReport,
  ComplianceRow,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { staffDirectories, type StaffEntry } from './agencyStaff';
import { ownerOfAccount } from './principal';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';
import { getOrganisation, manages, type Outcome } from './organisations';

const NOTHING: ReadonlyMap<string, CourseStanding> = new Map();

/**
 * Each account's standing with each of the courses, summed up in SQL over its course events:
 * the same as folding them with the app's rule (`courseStanding` of `applyEvent`), which
 * compliance.test.ts checks, at a fraction of the cost for thousands of staff.
 */
export async function courseStandingsOf(
  db: Database,
  accountIds: readonly string[],
  courseIds: readonly string[],
): Promise<Map<string, Map<string, CourseStanding>>> {
  const rows = await db.query<{
    owner_id: string;
    course_id: string;
    updated_at: Date;
    mastered_at: Date | null;
    best_score: number;
    quiz_total: number;
    attempts: string | number;
  }>(
    `SELECT owner_id, payload->>'courseId' AS course_id, max(occurred_at) AS updated_at,
       min(occurred_at) FILTER (WHERE type = 'quiz.completed' AND (payload->>'passed')::boolean)
         AS mastered_at,
       coalesce(max((payload->>'score')::int) FILTER (WHERE type = 'quiz.completed'), 0)
         AS best_score,
       coalesce(max((payload->>'total')::int) FILTER (WHERE type = 'quiz.completed'), 0)
         AS quiz_total,
       count(DISTINCT payload->>'attemptId') FILTER (WHERE type = 'quiz.completed') AS attempts
     FROM events
     WHERE owner_id = ANY($1::text[])
       AND type IN ('lesson.completed', 'quiz.answered', 'quiz.completed')
       AND payload->>'courseId' = ANY($2::text[])
     GROUP BY 1, 2`,
    [accountIds.map(ownerOfAccount), courseIds],
  );
  const byAccount = new Map<string, Map<string, CourseStanding>>();
  for (const row of rows) {
    const accountId = row.owner_id.slice('account:'.length);
    const courses = byAccount.get(accountId) ?? new Map<string, CourseStanding>();
    courses.set(row.course_id, {
      updatedAt: new Date(row.updated_at).toISOString(),
      masteredAt: row.mastered_at === null ? null : new Date(row.mastered_at).toISOString(),
      // Any lesson, answer or finished quiz begins a course.
      started: true,
      bestScore: Number(row.best_score),
      quizTotal: Number(row.quiz_total),
      attempts: Number(row.attempts),
    });
    byAccount.set(accountId, courses);
  }
  return byAccount;
}

/** One staff member and one programme that reaches them, where they stand today. */
export interface StaffStanding {
  organisationId: string;
  accountId: string;
  staff: StaffEntry | undefined;
  programme: Programme;
  standing: ProgrammeStanding;
  exemption: string | undefined;
  courses: ReadonlyMap<string, CourseStanding>;
}

/**
 * Where every staff member (the learners of each agency; an admin is never among them) stands
 * with each programme that reaches them, for any number of agencies at once: a handful of
 * queries whatever their number, the courses summed up in SQL (`courseStandingsOf`) and each
 * programme's rule (`programmeStanding`) applied as the app applies it. Both the agency's
 * report and the province and national roll-ups read it, so they never disagree.
 */
export async function staffStandings(
  db: Database,
  organisationIds: readonly string[],
  today: string,
): Promise<StaffStanding[]> {
  if (organisationIds.length === 0) return [];
  const [learners, staff, records] = await Promise.all([
    db.query<{ organisation_id: string; account_id: string }>(
      `SELECT organisation_id, account_id FROM memberships
       WHERE organisation_id = ANY($1::uuid[]) AND role = 'learner'`,
      [organisationIds],
    ),
    staffDirectories(db, organisationIds),
    db.query<{ organisation_id: string; record: AssignmentRecord }>(
      `SELECT organisation_id, record FROM assignments WHERE organisation_id = ANY($1::uuid[])
       ORDER BY seq`,
      [organisationIds],
    ),
  ]);
  const recordsOf = new Map<string, { record: AssignmentRecord }[]>();
  for (const row of records) {
    const list = recordsOf.get(row.organisation_id) ?? [];
    list.push({ record: row.record });
    recordsOf.set(row.organisation_id, list);
  }
  const programmesOf = new Map(
    [...recordsOf].map(([id, held]) => [
      id,
      {
        programmes: standingAssignments(held, null)
          .map(({ record }) => record)
          .filter(isProgramme),
        exemptions: exemptionsOf(held),
      },
    ]),
  );
  const progress = await courseStandingsOf(
    db,
    learners.filter((l) => programmesOf.has(l.organisation_id)).map((l) => l.account_id),
    [
      ...new Set(
        [...programmesOf.values()].flatMap((p) => p.programmes.flatMap((g) => g.item.courses)),
      ),
    ],
  );
  const standings: StaffStanding[] = [];
  for (const { organisation_id: organisationId, account_id: accountId } of learners) {
    const held = programmesOf.get(organisationId);
    if (!held) continue;
    const entry = staff.get(organisationId)?.get(accountId);
    const person = { accountId, ...entry };
    const courses = progress.get(accountId) ?? NOTHING;
    for (const programme of held.programmes) {
      if (!targetReaches(programme.target, person)) continue;
      const exemption = held.exemptions.get(programme.id)?.get(accountId);
      const standing = programmeStanding(programme, courses, exemption, today);
      standings.push({
        organisationId,
        accountId,
        staff: entry,
        programme,
        standing,
        exemption,
        courses,
      });
    }
  }
  return standings;
}

/** Whether a row's due date falls in the filter's range (no range: every row). */
function dueWithin(dueDate: string | null, filters: ComplianceQuery): boolean {
  if (filters.dueFrom === undefined && filters.dueTo === undefined) return true;
  if (dueDate === null) return false;
  return (
    (filters.dueFrom === undefined || dueDate >= filters.dueFrom) &&
    (filters.dueTo === undefined || dueDate <= filters.dueTo)
  );
}

/**
 * An agency's compliance report, for its admins only: every staff member with each programme
 * that reaches them, where they stand today (derived from their synced progress, the due date
 * and the clock), filtered by unit, status and due date.
 */
export async function complianceReport(
  db: Database,
  actorId: string,
  organisationId: string,
  filters: ComplianceQuery,
  now = new Date(),
): Promise<Outcome<ComplianceReport, 'forbidden' | 'not_found'>> {
  const org = await getOrganisation(db, organisationId);
  if (!org) return { ok: false, code: 'not_found' };
  if (org.kind !== 'agency' || !(await manages(db, actorId, org))) {
    return { ok: false, code: 'forbidden' };
  }
  const today = vietnamDay(now);
  const [standings, names, units] = await Promise.all([
    staffStandings(db, [organisationId], today),
    db.query<{ account_id: string; display_name: string }>(
      `SELECT m.account_id, a.display_name FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.organisation_id = $1 AND m.role = 'learner'`,
      [organisationId],
    ),
    db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agency_units WHERE organisation_id = $1 ORDER BY name`,
      [organisationId],
    ),
  ]);
  const nameOf = new Map(names.map((n) => [n.account_id, n.display_name]));
  const rows: ComplianceRow[] = [];
  for (const { accountId, staff: entry, programme, standing, exemption, courses } of standings) {
    if (filters.unit !== undefined && entry?.unitId !== filters.unit) continue;
    const status = standing.status.kind;
    if (filters.status !== undefined && status !== filters.status) continue;
    if (!dueWithin(standing.dueDate, filters)) continue;
    rows.push({
      accountId,
      staffNumber: entry?.staffNumber ?? '',
      displayName: nameOf.get(accountId) ?? '',
      unitId: entry?.unitId ?? null,
      unit: entry?.unitName ?? '',
      position: entry?.position ?? '',
      assignmentId: programme.id,
      programme: programme.item.title,
      startDate: currentRound(programme, today).start,
      dueDate: standing.dueDate,
      status,
      done: standing.done,
      total: standing.total,
      completedOn: standing.completedOn,
      lastActivity: standing.lastActivity,
      exemptReason: exemption ?? null,
      quizzes: programme.item.courses.map((courseId) => {
        const course = courses.get(courseId);
        return {
          courseId,
          bestScore: course?.bestScore ?? 0,
          total: course?.quizTotal ?? 0,
          attempts: course?.attempts ?? 0,
        };
      }),
    });
  }
  rows.sort(
    (a, b) =>
      a.unit.localeCompare(b.unit, 'vi') ||
      a.staffNumber.localeCompare(b.staffNumber, 'vi', { numeric: true }) ||
      a.displayName.localeCompare(b.displayName, 'vi') ||
      a.programme.localeCompare(b.programme, 'vi'),
  );
  return { ok: true, value: { asOf: now.toISOString(), units, rows } };
}

/** The same report as CSV or XLSX through the one export writer. */
export async function complianceExport(
  report: ComplianceReport,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportFile(
    format,
    COMPLIANCE_EXPORT_HEADERS,
    complianceExportRows(report.rows),
    'Tiến độ bắt buộc',
  );
}
