import type { Database } from '../db/database';
import { getOrganisation, roleIn, type MemberRole, type Organisation } from './organisations';

/**
 * Who may do what with a team's log. The routes ask these questions on every request; nothing
 * the client says about itself is trusted.
 *
 * - volunteer of the team: pushes, lists their own records;
 * - team leader of the team: pushes, lists every record, conflicts, resolves, dashboard,
 *   roster, exports;
 * - commune official: roll-ups of the communes given to them (figures only);
 * - system admin: commune and province roll-ups (figures only), never a team's personal records.
 */
export type TeamAccess =
  | { ok: true; team: Organisation; role: MemberRole | null }
  | { ok: false; code: 'not_found' | 'forbidden' };

export async function teamAccess(
  db: Database,
  accountId: string,
  teamId: string,
): Promise<TeamAccess> {
  const team = await getOrganisation(db, teamId);
  if (!team || team.kind !== 'team') return { ok: false, code: 'not_found' };
  return { ok: true, team, role: await roleIn(db, accountId, teamId) };
}

export const canPush = (role: MemberRole | null) => role === 'volunteer' || role === 'team_leader';
export const leads = (role: MemberRole | null) => role === 'team_leader';

export async function isOfficialOf(
  db: Database,
  accountId: string,
  communeCode: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM official_communes WHERE account_id = $1 AND commune_code = $2`,
    [accountId, communeCode],
  );
  return rows.length > 0;
}

/** The communes of a province the caller may read: all for a system admin, else their own. */
export async function readableCommunesIn(
  db: Database,
  actor: { accountId: string; isSystemAdmin: boolean },
  provinceCode: string,
): Promise<string[]> {
  const rows = actor.isSystemAdmin
    ? await db.query<{ code: string }>(`SELECT code FROM communes WHERE province_code = $1`, [
        provinceCode,
      ])
    : await db.query<{ code: string }>(
        `SELECT c.code FROM official_communes o JOIN communes c ON c.code = o.commune_code
         WHERE o.account_id = $1 AND c.province_code = $2`,
        [actor.accountId, provinceCode],
      );
  return rows.map((r) => r.code);
}

/**
 * The teams whose visits count in these communes' figures: the approved ones only (see
 * `teamApproval.ts`), so a team anyone started cannot add to an official's figures.
 */
export async function teamsInCommunes(db: Database, communeCodes: string[]): Promise<string[]> {
  if (communeCodes.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM organisations WHERE kind = 'team' AND commune_code = ANY($1::text[])
       AND approved_at IS NOT NULL`,
    [communeCodes],
  );
  return rows.map((r) => r.id);
}
