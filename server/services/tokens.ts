import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresIn: number;
}

/** A new access token and a refresh token in the given family (a new family at sign-in). */
export async function issueTokens(
  db: Queryable,
  accountId: string,
  familyId: string = randomUUID(),
): Promise<TokenPair> {
  const accessToken = newToken();
  const refreshToken = newToken();
  await db.query(
    `INSERT INTO access_tokens (token_hash, account_id, family_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(accessToken), accountId, familyId, ACCESS_TOKEN_SECONDS],
  );
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, account_id, family_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [hashToken(refreshToken), accountId, familyId, REFRESH_TOKEN_DAYS],
  );
  return { accessToken, refreshToken, accessExpiresIn: ACCESS_TOKEN_SECONDS };
}

export async function accountOfAccessToken(db: Database, token: string): Promise<string | null> {
  const rows = await db.query<{ account_id: string }>(
    `SELECT account_id FROM access_tokens WHERE token_hash = $1 AND expires_at > now()`,
    [hashToken(token)],
  );
  return rows[0]?.account_id ?? null;
}

/**
 * Trades a refresh token for a new pair. Each refresh token works once: presenting a spent
 * one means it was stolen or replayed, so its whole family is revoked.
 */
export async function rotateRefreshToken(db: Database, token: string): Promise<TokenPair | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      account_id: string;
      family_id: string;
      used_at: Date | null;
      revoked_at: Date | null;
      live: boolean;
    }>(
      `SELECT account_id, family_id, used_at, revoked_at, expires_at > now() AS live
       FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row || row.revoked_at || !row.live) return null;
    if (row.used_at) {
      await revokeFamily(tx, row.family_id);
      return null;
    }
    await tx.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    return issueTokens(tx, row.account_id, row.family_id);
  });
}

/** Ends a sign-in: its refresh tokens are revoked and its access tokens stop working now. */
async function revokeFamily(tx: Queryable, familyId: string): Promise<void> {
  await tx.query(
    `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
    [familyId],
  );
  await tx.query(`DELETE FROM access_tokens WHERE family_id = $1`, [familyId]);
}

/** Ends one sign-in (sign-out): its refresh family is revoked, its access tokens end at once. */
export async function revokeRefreshFamily(db: Database, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ family_id: string }>(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1`,
      [hashToken(token)],
    );
    if (row) await revokeFamily(tx, row.family_id);
  });
}

/** Signs an account out of every device: all its tokens stop working at once. */
export async function revokeAllTokens(db: Database, accountId: string): Promise<void> {
  await db.transaction((tx) => revokeAllTokensIn(tx, accountId));
}

/** `revokeAllTokens` inside a transaction the caller holds (a password change, say). */
export async function revokeAllTokensIn(tx: Queryable, accountId: string): Promise<void> {
  await tx.query(`DELETE FROM access_tokens WHERE account_id = $1`, [accountId]);
  await tx.query(
    `UPDATE refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`,
    [accountId],
  );
}
