import {
  currentRound,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
  targetReaches,
  type CourseStanding,
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
import { staffDirectory } from './agencyStaff';
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
  }>(
    `SELECT owner_id, payload->>'courseId' AS course_id, max(occurred_at) AS updated_at,
       min(occurred_at) FILTER (WHERE type = 'quiz.completed' AND (payload->>'passed')::boolean)
         AS mastered_at
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
    });
    byAccount.set(accountId, courses);
  }
  return byAccount;
}

/**
 * An agency's compliance report, for its admins only: every staff member (its learners; an
 * admin is never among them) with each programme that reaches them, where they stand today
 * (derived from their synced progress, the due date and the clock), filtered by unit and status.
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
  const [learners, staff, records, units] = await Promise.all([
    db.query<{ account_id: string; display_name: string }>(
      `SELECT m.account_id, a.display_name FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.organisation_id = $1 AND m.role = 'learner'`,
      [organisationId],
    ),
    staffDirectory(db, organisationId),
    db.query<{ record: AssignmentRecord }>(
      `SELECT record FROM assignments WHERE organisation_id = $1 ORDER BY seq`,
      [organisationId],
    ),
    db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agency_units WHERE organisation_id = $1 ORDER BY name`,
      [organisationId],
    ),
  ]);
  const programmes = standingAssignments(records, null)
    .map(({ record }) => record)
    .filter(isProgramme);
  const exemptions = exemptionsOf(records);
  const progress = await courseStandingsOf(
    db,
    learners.map((l) => l.account_id),
    [...new Set(programmes.flatMap((p) => p.item.courses))],
  );
  const today = vietnamDay(now);
  const rows: ComplianceRow[] = [];
  for (const learner of learners) {
    const entry = staff.get(learner.account_id);
    if (filters.unit !== undefined && entry?.unitId !== filters.unit) continue;
    const person = { accountId: learner.account_id, ...entry };
    for (const programme of programmes) {
      if (!targetReaches(programme.target, person)) continue;
      const exemption = exemptions.get(programme.id)?.get(learner.account_id);
      const standing = programmeStanding(
        programme,
        progress.get(learner.account_id) ?? NOTHING,
        exemption,
        today,
      );
      const status = standing.status.kind;
      if (filters.status !== undefined && status !== filters.status) continue;
      rows.push({
        accountId: learner.account_id,
        staffNumber: entry?.staffNumber ?? '',
        displayName: learner.display_name,
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
      });
    }
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
