import type { Database } from '../db/database';
import { audit } from './audit';

/**
 * Whose figures a commune official sees is decided in the commune: anyone signed in may start a
 * team (it works for its members at once), but its visits count in the commune's figures only
 * once an official of that commune, or a system admin, approves it. A team started by one of
 * them is approved as it is made.
 */
export interface PendingTeam {
  id: string;
  name: string;
  communeCode: string;
  communeName: string;
  createdAt: string;
}

type Actor = { accountId: string; isSystemAdmin: boolean };

type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: 'forbidden' | 'not_found' | 'conflict' };

/** Whether the actor decides for teams in this commune: a system admin or its official. */
export async function approvesIn(
  db: Database,
  actor: Actor,
  communeCode: string,
): Promise<boolean> {
  if (actor.isSystemAdmin) return true;
  const rows = await db.query(
    `SELECT 1 FROM official_communes WHERE account_id = $1 AND commune_code = $2`,
    [actor.accountId, communeCode],
  );
  return rows.length > 0;
}

/** Teams waiting for approval in the communes the actor decides for (all, for an admin). */
export async function pendingTeams(db: Database, actor: Actor): Promise<PendingTeam[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    commune_code: string;
    commune_name: string;
    created_at: Date;
  }>(
    `SELECT o.id, o.name, o.commune_code, c.name AS commune_name, o.created_at
     FROM organisations o JOIN communes c ON c.code = o.commune_code
     WHERE o.kind = 'team' AND o.approved_at IS NULL
       AND ($2 OR o.commune_code IN
         (SELECT commune_code FROM official_communes WHERE account_id = $1))
     ORDER BY o.created_at, o.id`,
    [actor.accountId, actor.isSystemAdmin],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Approves a team of a commune the actor decides for; its visits count from now on. */
export async function approveTeam(
  db: Database,
  actor: Actor,
  teamId: string,
): Promise<Outcome<{ id: string; approved: true }>> {
  const [team] = await db.query<{ commune_code: string; approved: boolean }>(
    `SELECT commune_code, approved_at IS NOT NULL AS approved FROM organisations
     WHERE id = $1 AND kind = 'team'`,
    [teamId],
  );
  if (!team) return { ok: false, code: 'not_found' };
  if (!(await approvesIn(db, actor, team.commune_code))) return { ok: false, code: 'forbidden' };
  const approved = await db.query(
    `UPDATE organisations SET approved_at = now(), approved_by = $2
     WHERE id = $1 AND approved_at IS NULL RETURNING id`,
    [teamId, actor.accountId],
  );
  if (approved.length === 0) return { ok: false, code: 'conflict' };
  await audit(db, actor.accountId, 'team_approved', teamId);
  return { ok: true, value: { id: teamId, approved: true } };
}
