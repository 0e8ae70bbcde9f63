import type { Database } from '../db/database';
import { accountByLogin, hashPassword, setPassword } from './accounts';
import { audit } from './audit';
import { hashCode, newCode } from './codes';
import { getOrganisation, manages, roleIn, type Outcome } from './organisations';

/** How long a reset code works: long enough to read it out and type it, short if it leaks. */
export const RESET_CODE_MINUTES = 30;

export interface ResetCode {
  code: string;
  expiresAt: string;
}

/** A code is bound to its account: the same letters mean nothing for anyone else. */
const hashFor = (accountId: string, code: string) => hashCode(code, `${accountId}:`);

/**
 * A one-time code for a member who forgot their password, made by a manager of the organisation
 * (teacher, team leader, agency admin). A system administrator's password is never reset this
 * way (only by the admin command), so no organisation manager can take over an admin. A new
 * code replaces the member's older ones. Audited with ids only.
 */
export async function createResetCode(
  db: Database,
  actorId: string,
  orgId: string,
  memberId: string,
): Promise<Outcome<ResetCode>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return { ok: false, code: 'not_found' };
  if (!(await manages(db, actorId, org))) return { ok: false, code: 'forbidden' };
  if (!(await roleIn(db, memberId, orgId))) return { ok: false, code: 'not_found' };
  const admin = await db.query(`SELECT 1 FROM accounts WHERE id = $1 AND is_system_admin`, [
    memberId,
  ]);
  if (admin.length > 0) return { ok: false, code: 'forbidden' };
  const code = newCode();
  const expiresAt = await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM password_reset_codes WHERE account_id = $1 AND used_at IS NULL`, [
      memberId,
    ]);
    const [row] = await tx.query<{ expires_at: Date | string }>(
      `INSERT INTO password_reset_codes (code_hash, account_id, organisation_id, created_by, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
      [hashFor(memberId, code), memberId, orgId, actorId, RESET_CODE_MINUTES],
    );
    await audit(tx, actorId, 'reset_code_created', memberId, { organisationId: orgId });
    return new Date(row!.expires_at).toISOString();
  });
  return { ok: true, value: { code, expiresAt } };
}

/**
 * Sets a new password with a reset code: the code is spent, every old session of the account
 * ends, and the log says so (ids only). False when the login, the code or its time is wrong;
 * nothing changes then.
 */
export async function resetWithCode(
  db: Database,
  input: { login: string; code: string; password: string },
): Promise<boolean> {
  const account = await accountByLogin(db, input.login);
  if (!account) return false;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const spent = await tx.query<{ organisation_id: string }>(
      `UPDATE password_reset_codes SET used_at = now()
       WHERE code_hash = $1 AND account_id = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING organisation_id`,
      [hashFor(account.id, input.code), account.id],
    );
    if (spent.length === 0) return false;
    await setPassword(tx, account.id, passwordHash);
    await audit(tx, account.id, 'password_reset', account.id, {
      via: 'code',
      organisationId: spent[0]!.organisation_id,
    });
    return true;
  });
}
