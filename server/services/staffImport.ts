import { randomUUID } from 'node:crypto';
import {
  checkStaff,
  staffNumberKey,
  type ImportedStaff,
  type RosterProblem,
  type StaffCells,
} from '../../src/protocol';
import { isUniqueViolation, type Database } from '../db/database';
import { audit } from './audit';
import { getOrganisation, manages } from './organisations';
import { insertMembers, phonesTaken, prepareAccounts, TakenMeanwhile } from './rosterImport';

export type StaffImportOutcome =
  | { ok: true; value: { imported: ImportedStaff[]; newUnits: string[] } }
  | { ok: false; code: 'forbidden' | 'not_found' | 'conflict' }
  | { ok: false; code: 'invalid_rows'; problems: RosterProblem[] };

/** The agency's units by name (as compared: case and spacing do not make two units). */
async function unitsByName(db: Database, orgId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM agency_units WHERE organisation_id = $1`,
    [orgId],
  );
  return new Map(rows.map((r) => [unitKey(r.name), r.id]));
}

const unitKey = (name: string) => name.toLocaleLowerCase('vi');

/**
 * An agency's admin adds a whole staff list: one learner account per row with its staff number,
 * unit and position, all in one transaction. A unit the agency does not have is created; a staff
 * number the agency already has, or a phone that already has an account, refuses the whole file.
 */
export async function importStaff(
  db: Database,
  actorId: string,
  orgId: string,
  rows: StaffCells[],
): Promise<StaffImportOutcome> {
  const org = await getOrganisation(db, orgId);
  if (!org) return { ok: false, code: 'not_found' };
  if (org.kind !== 'agency' || !(await manages(db, actorId, org)))
    return { ok: false, code: 'forbidden' };
  const checked = checkStaff(rows);
  if (!checked.ok) return { ok: false, code: 'invalid_rows', problems: checked.problems };
  const staff = checked.staff;
  const held = new Set(
    (
      await db.query<{ staff_number: string }>(
        `SELECT staff_number FROM agency_staff WHERE organisation_id = $1`,
        [orgId],
      )
    ).map((r) => staffNumberKey(r.staff_number)),
  );
  const problems = [
    ...staff.flatMap((s): RosterProblem[] =>
      held.has(staffNumberKey(s.staffNumber))
        ? [{ row: s.row, problem: 'staff_number_taken' }]
        : [],
    ),
    ...(await phonesTaken(db, staff)),
  ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (problems.length > 0) return { ok: false, code: 'invalid_rows', problems };

  const units = await unitsByName(db, orgId);
  const newUnits = new Map<string, { id: string; name: string }>();
  for (const s of staff) {
    const key = unitKey(s.unit);
    if (!units.has(key) && !newUnits.has(key))
      newUnits.set(key, { id: randomUUID(), name: s.unit });
  }
  const unitOf = (name: string) => units.get(unitKey(name)) ?? newUnits.get(unitKey(name))!.id;
  const accounts = await prepareAccounts(db, staff);
  try {
    await db.transaction(async (tx) => {
      const created = [...newUnits.values()];
      await tx.query(
        `INSERT INTO agency_units (id, organisation_id, name)
         SELECT id, $2, name FROM unnest($1::uuid[], $3::text[]) AS u(id, name)`,
        [created.map((u) => u.id), orgId, created.map((u) => u.name)],
      );
      await insertMembers(tx, orgId, 'learner', staff, accounts);
      await tx.query(
        `INSERT INTO agency_staff (organisation_id, account_id, staff_number, unit_id, position)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[])`,
        [
          orgId,
          accounts.ids,
          staff.map((s) => s.staffNumber),
          staff.map((s) => unitOf(s.unit)),
          staff.map((s) => s.position),
        ],
      );
      await audit(tx, actorId, 'staff_imported', orgId, {
        staff: staff.length,
        units: created.length,
      });
    });
  } catch (error) {
    // A username, phone or staff number taken since it was checked: nothing of the file stays.
    if (error instanceof TakenMeanwhile || isUniqueViolation(error))
      return { ok: false, code: 'conflict' };
    throw error;
  }
  return {
    ok: true,
    value: {
      imported: staff.map((s, i) => ({
        accountId: accounts.ids[i]!,
        displayName: s.fullName,
        staffNumber: s.staffNumber,
        unit: s.unit,
        position: s.position,
        username: accounts.usernames[i]!,
        password: accounts.passwords[i]!,
      })),
      newUnits: [...newUnits.values()].map((u) => u.name),
    },
  };
}
