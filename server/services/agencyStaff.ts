import type { Queryable } from '../db/database';

/** What an agency knows of one staff member beyond their account. */
export interface StaffEntry {
  staffNumber: string;
  unitId: string;
  unitName: string;
  position: string;
}

/** An agency's staff by account (empty for a class or team, which have none). */
export async function staffDirectory(
  db: Queryable,
  organisationId: string,
): Promise<Map<string, StaffEntry>> {
  return (await staffDirectories(db, [organisationId])).get(organisationId) ?? new Map();
}

/** The staff of several agencies at once, by agency and then by account. */
export async function staffDirectories(
  db: Queryable,
  organisationIds: readonly string[],
): Promise<Map<string, Map<string, StaffEntry>>> {
  const rows = await db.query<{
    organisation_id: string;
    account_id: string;
    staff_number: string;
    unit_id: string;
    unit_name: string;
    position: string;
  }>(
    `SELECT s.organisation_id, s.account_id, s.staff_number, s.unit_id, u.name AS unit_name,
       s.position
     FROM agency_staff s JOIN agency_units u ON u.id = s.unit_id
     WHERE s.organisation_id = ANY($1::uuid[])`,
    [organisationIds],
  );
  const byAgency = new Map<string, Map<string, StaffEntry>>();
  for (const r of rows) {
    const staff = byAgency.get(r.organisation_id) ?? new Map<string, StaffEntry>();
    staff.set(r.account_id, {
      staffNumber: r.staff_number,
      unitId: r.unit_id,
      unitName: r.unit_name,
      position: r.position,
    });
    byAgency.set(r.organisation_id, staff);
  }
  return byAgency;
}

/** Whether the unit is one of the agency's. */
export async function isUnitOf(
  db: Queryable,
  organisationId: string,
  unitId: string,
): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM agency_units WHERE id = $1 AND organisation_id = $2`, [
    unitId,
    organisationId,
  ]);
  return rows.length > 0;
}
