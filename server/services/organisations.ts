import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { audit } from './audit';
import { approvesIn } from './teamApproval';

export const ORG_KINDS = ['team', 'class', 'agency'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const MEMBER_ROLES = [
  'learner',
  'volunteer',
  'team_leader',
  'teacher',
  'agency_admin',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

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

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: 'forbidden' | 'not_found' | 'conflict' };

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
  });
  return { ok: true, value: { id, ...input } };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function hashCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

/** A code such as "K7QP-M2XD" to enrol people with a role; stored only as a hash. */
export async function createJoinCode(
  db: Database,
  actorId: string,
  orgId: string,
  input: { role: MemberRole; maxUses: number; minutes: number },
): Promise<Outcome<{ code: string; expiresInMinutes: number }>> {
  const org = await getOrganisation(db, orgId);
  if (!org) return missing;
  if (!(await manages(db, actorId, org)) || !GRANTABLE[org.kind].includes(input.role))
    return denied;
  const raw = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
    '',
  );
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  await db.query(
    `INSERT INTO join_codes (code_hash, organisation_id, role, max_uses, expires_at, created_by)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6)`,
    [hashCode(code), orgId, input.role, input.maxUses, input.minutes, actorId],
  );
  return { ok: true, value: { code, expiresInMinutes: input.minutes } };
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
       WHERE code_hash = $1 AND uses < max_uses AND expires_at > now()
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

/** A team leader changes a member's role (audited). */
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
  const rows = await db.query(
    `UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND account_id = $2 RETURNING role`,
    [orgId, memberId, role],
  );
  if (rows.length === 0) return missing;
  await audit(db, actorId, 'role_changed', memberId, { organisation: orgId, role });
  return { ok: true, value: { role } };
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
