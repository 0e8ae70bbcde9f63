import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { audit } from './audit';
import { hashPassword, setPassword } from './accounts';

export type CommandOutcome = { ok: true; accountId: string } | { ok: false; reason: string };

/**
 * A new account (`username` in lower case) that is a system administrator, made by whoever runs the server (the admin
 * command): the first one needs no one to sign in before it. Audited with no actor.
 */
export async function createSystemAdmin(
  db: Database,
  username: string,
  password: string,
): Promise<CommandOutcome> {
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const rows = await tx.query(
      `INSERT INTO accounts (id, username, display_name, password_hash, is_system_admin)
       VALUES ($1, $2, $2, $3, true) ON CONFLICT DO NOTHING RETURNING id`,
      [id, username, passwordHash],
    );
    if (rows.length > 0) await audit(tx, null, 'system_admin_created', id, { via: 'command' });
    return rows.length > 0;
  });
  return created
    ? { ok: true, accountId: id }
    : { ok: false, reason: `The username ${username} is taken: choose another, or use "reset".` };
}

/** Sets a new password on the account of `username` (signing it out everywhere); audited. */
export async function resetPasswordByCommand(
  db: Database,
  username: string,
  password: string,
): Promise<CommandOutcome> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM accounts WHERE username = $1`, [
    username,
  ]);
  const accountId = rows[0]?.id;
  if (!accountId) return { ok: false, reason: `No account has the username ${username}.` };
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPassword(tx, accountId, passwordHash);
    await audit(tx, null, 'password_reset', accountId, { via: 'command' });
  });
  return { ok: true, accountId };
}
