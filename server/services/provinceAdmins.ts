import type { Database } from '../db/database';
import { audit } from './audit';
import type { Outcome } from './organisations';

/**
 * A province admin reads the compliance roll-up of every agency in one province: counts per
 * agency, unit and programme, never a name, staff number or phone, and nothing else of the
 * province (no commune figures, no agency's own report). Only a system admin gives the role,
 * from the admin screen, as with commune officials.
 */
export async function grantProvince(
  db: Database,
  actor: { accountId: string; isSystemAdmin: boolean },
  accountId: string,
  provinceCode: string,
): Promise<Outcome<null, 'forbidden' | 'not_found'>> {
  if (!actor.isSystemAdmin) return { ok: false, code: 'forbidden' };
  const rows = await db.query(
    `INSERT INTO province_admins (account_id, province_code)
     SELECT $1, code FROM provinces WHERE code = $2 AND EXISTS (SELECT 1 FROM accounts WHERE id = $1)
     ON CONFLICT (account_id, province_code) DO UPDATE SET province_code = EXCLUDED.province_code
     RETURNING province_code`,
    [accountId, provinceCode],
  );
  if (rows.length === 0) return { ok: false, code: 'not_found' };
  await audit(db, actor.accountId, 'province_granted', accountId, { province: provinceCode });
  return { ok: true, value: null };
}

/** Whether the account was given the province. */
export async function isProvinceAdminOf(
  db: Database,
  accountId: string,
  provinceCode: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM province_admins WHERE account_id = $1 AND province_code = $2`,
    [accountId, provinceCode],
  );
  return rows.length > 0;
}

/** The provinces given to the account, for its own page. */
export async function provincesOf(
  db: Database,
  accountId: string,
): Promise<{ code: string; name: string }[]> {
  return db.query<{ code: string; name: string }>(
    `SELECT p.code, p.name FROM province_admins a JOIN provinces p ON p.code = a.province_code
     WHERE a.account_id = $1 ORDER BY p.name`,
    [accountId],
  );
}
