import {
  currentRound,
  exemptionsOf,
  isProgramme,
  programmeStanding,
  standingAssignments,
  targetReaches,
  vietnamDay,
} from '../../src/domain/assignments';
import { COMPLIANCE_EXPORT_HEADERS, complianceExportRows } from '../../src/domain/compliance';
import type {
  AssignmentRecord,
  ComplianceQuery,
  ComplianceReport,
  ComplianceRow,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { staffDirectory } from './agencyStaff';
import { learnerProgress } from './assignmentProgress';
import { exportFile, type ExportFile, type ExportFormat } from './exportFiles';
import { getOrganisation, manages, type Outcome } from './organisations';

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
  const progress = await learnerProgress(
    db,
    learners.map((l) => l.account_id),
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
        progress.get(learner.account_id)!.courses,
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
