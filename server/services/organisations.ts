import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { MemberRole, OrgKind } from '../../src/protocol';
import { audit } from './audit';
import { hashCode, newCode } from './codes';
import { approvesIn } from './teamApproval';

export type { MemberRole, OrgKind };

/** The role that manages each kind of organisation, given to whoever creates it. */
export const MANAGER_ROLE: Record<OrgKind, MemberRole> = {
  team: 'team_leader',
  class: 'teacher',
  agency: 'agency_admin',
};

/** Roles a manager may hand out with a join code or a role change. */
export const GRANTABLE: Record<OrgKind, MemberRole[]> = {
  team: ['volunteer', 'team_leader'],
  class: ['learner'],
  agency: ['learner', 'agency_admin'],
};

export type Refusal = 'forbidden' | 'not_found' | 'conflict' | 'last_manager';

/** A service's answer: its value, or one of the refusals it can give (all of them by default). */
export type Outcome<T, R extends Refusal = Refusal> =
  { ok: true; value: T } | { ok: false; code: R };

const denied = { ok: false, code: 'forbidden' } as const;
const missing = { ok: false, code: 'not_found' } as const;

export interface Organisation {
  id: string;
  kind: OrgKind;
  name: string;
  communeCode: string;
}

export async function getOrganisation(db: Database, id: string): Promise<Organisation | null> {
  const rows = await db.query<{ id: string; kind: OrgKind; name: string; commune_code: string }>(
    `SELECT id, kind, name, commune_code FROM organisations WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { id: row.id, kind: row.kind, name: row.name, communeCode: row.commune_code } : null;
}

export async function roleIn(
  db: Database,
  accountId: string,
  orgId: string,
): Promise<MemberRole | null> {
  const rows = await db.query<{ role: MemberRole }>(
    `SELECT role FROM memberships WHERE account_id = $1 AND organisation_id = $2`,
    [accountId, orgId],
  );
  return rows[0]?.role ?? null;
}

/** Whether the account manages the organisation (its leader, teacher or agency admin). */
export async function manages(
  db: Database,
  accountId: string,
  org: Organisation,
): Promise<boolean> {
  return (await roleIn(db, accountId, org.id)) === MANAGER_ROLE[org.kind];
}

/** Teams and classes anyone signed in may start; agencies only a system administrator. */
export async function createOrganisation(
  db: Database,
  actor: { accountId: string; isSystemAdmin: boolean },
  input: { kind: OrgKind; name: string; communeCode: string },
): Promise<Outcome<Organisation>> {
  if (input.kind === 'agency' && !actor.isSystemAdmin) return denied;
  const commune = await db.query(`SELECT 1 FROM communes WHERE code = $1`, [input.communeCode]);
  if (commune.length === 0) return missing;
  const id = randomUUID();
  // A team counts in its commune's figures once approved (see `teamApproval.ts`): at once when
  // one who decides for the commune starts it.
  const approved = input.kind !== 'team' || (await approvesIn(db, actor, input.communeCode));
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO organisations (id, kind, name, commune_code, approved_at, approved_by)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN $6::uuid END)`,
      [id, input.kind, input.name, input.communeCode, approved, actor.accountId],
    );
    await tx.query(
      `INSERT INTO memberships (account_id, organisation_id, role) VALUES ($1, $2, $3)`,
      [actor.accountId, id, MANAGER_ROLE[input.kind]],
    );
    await audit(tx, actor.accountId, 'organisation_created', id, {
      kind: input.kind,
      commune: input.communeCode,
    });
  });
  return { ok: true, value: { id, ...input } };
}

export interface JoinCode {
  id: string;
  role: MemberRole;
  uses: number;
  maxUses: number;
  expiresAt: string;
}

export interface NewJoinCode extends JoinCode {
  code: string;
  expiresInMinutes: number;
}

/**
 * A code such as "K7QP-M2XD" that enrols up to `maxUses` people with a role until it expires or
 * its maker revokes it; stored only as a hash, so it is shown once, when made.
 */
export async function createJoinCode(
  db: Database,
  actorId: string,
  orgId: string,
  input: { role: MemberRole; maxUses: number; minutes: number },
): Promise<Outcome<NewJoinCode>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org)) || !GRANTABLE[org.kind].includes(input.role))
    return denied;
  const code = newCode();
  const rows = await db.query<JoinCodeRow>(
    `INSERT INTO join_codes (code_hash, organisation_id, role, max_uses, expires_at, created_by)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6)
     RETURNING ${JOIN_CODE_COLUMNS}`,
    [hashCode(code), orgId, input.role, input.maxUses, input.minutes, actorId],
  );
  await audit(db, actorId, 'join_code_created', orgId, {
    role: input.role,
    maxUses: input.maxUses,
    minutes: input.minutes,
  });
  return {
    ok: true,
    value: { ...joinCodeOf(rows[0]!), code, expiresInMinutes: input.minutes },
  };
}

const JOIN_CODE_COLUMNS = 'id, role, uses, max_uses, expires_at';

interface JoinCodeRow {
  id: string;
  role: MemberRole;
  uses: number;
  max_uses: number;
  expires_at: Date | string;
}

function joinCodeOf(row: JoinCodeRow): JoinCode {
  return {
    id: row.id,
    role: row.role,
    uses: row.uses,
    maxUses: row.max_uses,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** The organisation's codes that still let people in (not used up, expired or revoked). */
export async function listJoinCodes(
  db: Database,
  actorId: string,
  orgId: string,
): Promise<Outcome<JoinCode[]>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org))) return denied;
  const rows = await db.query<JoinCodeRow>(
    `SELECT ${JOIN_CODE_COLUMNS} FROM join_codes
     WHERE organisation_id = $1 AND revoked_at IS NULL AND uses < max_uses AND expires_at > now()
     ORDER BY created_at DESC`,
    [orgId],
  );
  return { ok: true, value: rows.map(joinCodeOf) };
}

/** Stops a code at once (audited); people who joined with it stay members. */
export async function revokeJoinCode(
  db: Database,
  actorId: string,
  orgId: string,
  codeId: string,
): Promise<Outcome<{ revoked: true }>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org))) return denied;
  const rows = await db.query(
    `UPDATE join_codes SET revoked_at = now()
     WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL RETURNING id`,
    [codeId, orgId],
  );
  if (rows.length === 0) return missing;
  await audit(db, actorId, 'join_code_revoked', orgId, { code: codeId });
  return { ok: true, value: { revoked: true } };
}

/** Uses a join code: the account becomes a member with the code's role, once. */
export async function joinWithCode(
  db: Database,
  accountId: string,
  code: string,
): Promise<Outcome<{ organisationId: string; role: MemberRole }>> {
  const result = await db
    .transaction(async (tx) => {
      const rows = await tx.query<{ organisation_id: string; role: MemberRole }>(
        `UPDATE join_codes SET uses = uses + 1
       WHERE code_hash = $1 AND uses < max_uses AND expires_at > now() AND revoked_at IS NULL
       RETURNING organisation_id, role`,
        [hashCode(code)],
      );
      const row = rows[0];
      if (!row) return null;
      const inserted = await tx.query(
        `INSERT INTO memberships (account_id, organisation_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING account_id`,
        [accountId, row.organisation_id, row.role],
      );
      if (inserted.length === 0) throw new AlreadyMember();
      return row;
    })
    .catch((error: unknown) => {
      if (error instanceof AlreadyMember) return 'member' as const;
      throw error;
    });
  if (result === null) return missing;
  if (result === 'member') return { ok: false, code: 'conflict' };
  await audit(db, accountId, 'joined', result.organisation_id, { role: result.role });
  return { ok: true, value: { organisationId: result.organisation_id, role: result.role } };
}

class AlreadyMember extends Error {}

export interface Member {
  accountId: string;
  displayName: string;
  role: MemberRole;
}

/** The organisation's members, for its manager only. */
export async function listMembers(
  db: Database,
  actorId: string,
  orgId: string,
): Promise<Outcome<Member[]>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org))) return denied;
  const rows = await db.query<{ account_id: string; display_name: string; role: MemberRole }>(
    `SELECT m.account_id, a.display_name, m.role FROM memberships m
     JOIN accounts a ON a.id = m.account_id WHERE m.organisation_id = $1 ORDER BY a.display_name`,
    [orgId],
  );
  return {
    ok: true,
    value: rows.map((r) => ({
      accountId: r.account_id,
      displayName: r.display_name,
      role: r.role,
    })),
  };
}

/** The accounts in an organisation, whatever their role (the caller checks who may ask). */
export async function memberAccountIds(db: Database, orgId: string): Promise<string[]> {
  const rows = await db.query<{ account_id: string }>(
    `SELECT account_id FROM memberships WHERE organisation_id = $1`,
    [orgId],
  );
  return rows.map((r) => r.account_id);
}

/**
 * A manager changes a member's role (audited). The last manager cannot step down or be
 * stepped down: an organisation always keeps someone who can manage it.
 */
export async function changeRole(
  db: Database,
  actorId: string,
  orgId: string,
  memberId: string,
  role: MemberRole,
): Promise<Outcome<{ role: MemberRole }>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org)) || !GRANTABLE[org.kind].includes(role)) return denied;
  const manager = MANAGER_ROLE[org.kind];
  const outcome = await db.transaction(async (tx): Promise<Outcome<{ role: MemberRole }>> => {
    // Locking the managers' rows makes two managers stepping down at once take turns.
    const managers = await tx.query<{ account_id: string }>(
      `SELECT account_id FROM memberships WHERE organisation_id = $1 AND role = $2 FOR UPDATE`,
      [orgId, manager],
    );
    const demotesManager = role !== manager && managers.some((m) => m.account_id === memberId);
    if (demotesManager && managers.length === 1) return { ok: false, code: 'last_manager' };
    const rows = await tx.query(
      `UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND account_id = $2
       RETURNING role`,
      [orgId, memberId, role],
    );
    return rows.length === 0 ? missing : { ok: true, value: { role } };
  });
  if (!outcome.ok) return outcome;
  await audit(db, actorId, 'role_changed', memberId, { organisation: orgId, role });
  return outcome;
}

/** Gives a commune official read access to a commune's aggregates (system admins only). */
export async function grantCommune(
  db: Database,
  actor: { accountId: string; isSystemAdmin: boolean },
  accountId: string,
  communeCode: string,
): Promise<Outcome<null>> {
  if (!actor.isSystemAdmin) return denied;
  const rows = await db.query(
    `INSERT INTO official_communes (account_id, commune_code)
     SELECT $1, code FROM communes WHERE code = $2 AND EXISTS (SELECT 1 FROM accounts WHERE id = $1)
     ON CONFLICT (account_id, commune_code) DO UPDATE SET commune_code = EXCLUDED.commune_code
     RETURNING commune_code`,
    [accountId, communeCode],
  );
  if (rows.length === 0) return missing;
  await audit(db, actor.accountId, 'commune_granted', accountId, { commune: communeCode });
  return { ok: true, value: null };
}
