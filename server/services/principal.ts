import type { Database } from '../db/database';
import { authenticateDevice } from './devices';
import { accountOfAccessToken } from './tokens';

/** Who is calling: an anonymous device, or a person signed in to an account. */
export type Principal =
  | { kind: 'device'; deviceId: string; ownerId: string }
  | { kind: 'account'; accountId: string; ownerId: string; isSystemAdmin: boolean };

export function ownerOfAccount(accountId: string): string {
  return `account:${accountId}`;
}

/** Resolves a bearer token: a device token first, then an account's access token. */
export async function principalOf(
  db: Database,
  authorization: string | undefined,
): Promise<Principal | null> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (!token) return null;
  const device = await authenticateDevice(db, token);
  if (device) return { kind: 'device', deviceId: device.id, ownerId: device.ownerId };
  const accountId = await accountOfAccessToken(db, token);
  if (!accountId) return null;
  const rows = await db.query<{ is_system_admin: boolean }>(
    `SELECT is_system_admin FROM accounts WHERE id = $1`,
    [accountId],
  );
  return {
    kind: 'account',
    accountId,
    ownerId: ownerOfAccount(accountId),
    isSystemAdmin: rows[0]?.is_system_admin ?? false,
  };
}
