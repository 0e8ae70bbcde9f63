import { randomInt, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { looksLikePhone, normalisePhone, type MemberRole, type OrgKind } from '../../src/protocol';
import type { Database, Queryable } from '../db/database';
import { audit } from './audit';
import type { Device } from './devices';
import { ownerOfAccount } from './principal';
import { provincesOf } from './provinceAdmins';
import { revokeAllTokensIn } from './tokens';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Passwords the server makes (a roster's initial passwords, printed on sign-in cards) are 10
 * characters drawn at random from 31, about 50 bits: no dictionary holds them, so argon2id at a
 * lighter cost guards them as well as the full cost guards a password a person chose, and a
 * roster of 5,000 is hashed in seconds rather than minutes. `verify` reads the cost from the hash.
 */
const ARGON2_ISSUED = { memoryCost: 4_096, timeCost: 1, parallelism: 1 } as const;
/** No look-alikes (0/O, 1/l/I), all lower case: easy to copy from a card on a phone. */
const ISSUED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ISSUED_LENGTH = 10;

/** A new random password and its hash, for an account the server makes for someone. */
export async function issuePassword(): Promise<{ password: string; passwordHash: string }> {
  const password = Array.from(
    { length: ISSUED_LENGTH },
    () => ISSUED_ALPHABET[randomInt(ISSUED_ALPHABET.length)],
  ).join('');
  return { password, passwordHash: await hash(password, ARGON2_ISSUED) };
}

/** Verified against when no account matches, so a wrong login costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;

export interface AccountSummary {
  id: string;
  displayName: string;
  username: string | null;
  phone: string | null;
  isSystemAdmin: boolean;
}

interface AccountRow {
  id: string;
  display_name: string;
  username: string | null;
  phone: string | null;
  is_system_admin: boolean;
  password_hash: string;
}

function summary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    username: row.username,
    phone: row.phone,
    isSystemAdmin: row.is_system_admin,
  };
}

export async function createAccount(
  db: Database,
  input: { username?: string; phone?: string; displayName: string; password: string },
): Promise<AccountSummary | null> {
  const id = randomUUID();
  const rows = await db.query<AccountRow>(
    `INSERT INTO accounts (id, username, phone, display_name, password_hash)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING
     RETURNING *`,
    [
      id,
      input.username?.toLowerCase() ?? null,
      // Already in the one stored form: the request schema normalises phones.
      input.phone ?? null,
      input.displayName,
      await hashPassword(input.password),
    ],
  );
  return rows[0] ? summary(rows[0]) : null;
}

/**
 * The one account a login names. A login written like a phone number is looked up as a phone
 * only (usernames always hold a letter), anything else as a username only: one login can never
 * match two accounts.
 */
async function accountRowByLogin(db: Database, login: string): Promise<AccountRow | undefined> {
  if (!looksLikePhone(login)) {
    const rows = await db.query<AccountRow>(`SELECT * FROM accounts WHERE username = $1`, [
      login.toLowerCase(),
    ]);
    return rows[0];
  }
  const phone = normalisePhone(login);
  if (!phone) return undefined;
  return (await db.query<AccountRow>(`SELECT * FROM accounts WHERE phone = $1`, [phone]))[0];
}

export async function accountByLogin(db: Database, login: string): Promise<AccountSummary | null> {
  const row = await accountRowByLogin(db, login);
  return row ? summary(row) : null;
}

/** The one account `login` names (see `accountRowByLogin`), if the password is right. */
export async function checkPassword(
  db: Database,
  login: string,
  password: string,
): Promise<AccountSummary | null> {
  const row = await accountRowByLogin(db, login);
  dummyHash ??= hash('no account has this password', ARGON2);
  const ok = await verify(row?.password_hash ?? (await dummyHash), password);
  await audit(db, row?.id ?? null, ok && row ? 'sign_in' : 'sign_in_failed');
  return ok && row ? summary(row) : null;
}

export async function getAccount(db: Database, id: string): Promise<AccountSummary | null> {
  const rows = await db.query<AccountRow>(`SELECT * FROM accounts WHERE id = $1`, [id]);
  return rows[0] ? summary(rows[0]) : null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/**
 * Gives the account a new password (hashed before the transaction) and signs it out
 * everywhere: whoever held the old one loses every session with it.
 */
export async function setPassword(
  tx: Queryable,
  accountId: string,
  passwordHash: string,
): Promise<void> {
  await tx.query(`UPDATE accounts SET password_hash = $2 WHERE id = $1`, [accountId, passwordHash]);
  await revokeAllTokensIn(tx, accountId);
}

/**
 * The account's own page: who they are, their organisations, the communes they oversee and the
 * provinces whose roll-up they read.
 */
export async function accountOverview(db: Database, accountId: string) {
  const memberships = await db.query<{
    organisation_id: string;
    kind: OrgKind;
    name: string;
    role: MemberRole;
  }>(
    `SELECT m.organisation_id, o.kind, o.name, m.role FROM memberships m
     JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY o.name`,
    [accountId],
  );
  // The communes a system admin gave this account as an official: their figures only.
  const communes = await db.query<{ code: string; name: string; province_name: string }>(
    `SELECT c.code, c.name, p.name AS province_name FROM official_communes o
     JOIN communes c ON c.code = o.commune_code JOIN provinces p ON p.code = c.province_code
     WHERE o.account_id = $1 ORDER BY c.name, c.code`,
    [accountId],
  );
  return {
    account: await getAccount(db, accountId),
    communes: communes.map((c) => ({ code: c.code, name: c.name, provinceName: c.province_name })),
    // The provinces whose compliance roll-up this account reads: figures only.
    provinces: await provincesOf(db, accountId),
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      kind: m.kind,
      name: m.name,
      role: m.role,
    })),
  };
}

/**
 * A profile that learned before signing in brings its past along: the device becomes the
 * account's, and so do the events it pushed for that profile and its certificates. Returns
 * how many events moved.
 */
export async function claimProfile(
  db: Database,
  accountId: string,
  device: Device,
  profileId: string,
): Promise<number> {
  const moved = await db.transaction(async (tx) => {
    await tx.query(`UPDATE devices SET account_id = $2 WHERE id = $1`, [device.id, accountId]);
    const owners = [device.ownerId, profileId, ownerOfAccount(accountId)];
    // Its certificates come along, so they return on every phone the account signs in on.
    await tx.query(
      `UPDATE certificates c SET owner_id = $3 WHERE owner_id = $1 AND profile_id = $2
         AND NOT EXISTS (SELECT 1 FROM certificates a WHERE a.owner_id = $3
           AND a.profile_id = c.profile_id AND a.course_id = c.course_id)`,
      owners,
    );
    return tx.query(
      `UPDATE events SET owner_id = $3 WHERE owner_id = $1 AND profile_id = $2 RETURNING id`,
      owners,
    );
  });
  return moved.length;
}
