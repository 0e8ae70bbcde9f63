import type {
  StoredVisitVersion,
  TeamRoster,
  VisitConflictsResponse,
  VisitListResponse,
  VisitVersion,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Organisation } from './organisations';
import { pageAfter, type RecordPage } from './pages';

interface VersionRow {
  key: string;
  visit_id: string;
  status: StoredVisitVersion['status'];
  record: VisitVersion;
  pushed_by: string;
  display_name: string;
  received_at: Date | string;
}

const VERSION_COLUMNS = `v.key::text AS key, v.visit_id, v.status, v.record, v.pushed_by,
  a.display_name, v.received_at`;

export const isoOf = (value: Date | string) => new Date(value).toISOString();

function toStored(row: VersionRow): StoredVisitVersion {
  return {
    key: row.key,
    status: row.status,
    pushedBy: { accountId: row.pushed_by, displayName: row.display_name },
    receivedAt: isoOf(row.received_at),
    record: row.record,
  };
}

/** The head of every record of the team, or of one volunteer's records; by date, then id. */
export async function listHeads(
  db: Database,
  teamId: string,
  volunteerId: string | null,
): Promise<VisitListResponse['visits']> {
  const rows = await db.query<VersionRow & { has_conflict: boolean }>(
    `SELECT ${VERSION_COLUMNS},
       EXISTS (SELECT 1 FROM team_visit_versions c
               WHERE c.visit_id = v.visit_id AND c.status = 'conflict') AS has_conflict
     FROM team_visit_versions v
     JOIN team_visits t ON t.visit_id = v.visit_id
     JOIN accounts a ON a.id = v.pushed_by
     WHERE v.team_id = $1 AND v.status = 'head' AND ($2::uuid IS NULL OR t.volunteer_id = $2)
     ORDER BY v.visit_date, v.visit_id`,
    [teamId, volunteerId],
  );
  return rows.map((row) => ({ ...toStored(row), hasConflict: row.has_conflict }));
}

/**
 * The team's versions stored after `since`, in key order (keys are drawn under the visit write
 * lock, so key order is commit order): all of them, or those of one volunteer's records.
 */
export async function pullVersions(
  db: Database,
  teamId: string,
  volunteerId: string | null,
  since: number,
  limit: number,
): Promise<RecordPage<StoredVisitVersion>> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS}
     FROM team_visit_versions v
     JOIN team_visits t ON t.visit_id = v.visit_id
     JOIN accounts a ON a.id = v.pushed_by
     WHERE v.team_id = $1 AND v.key > $2 AND ($3::uuid IS NULL OR t.volunteer_id = $3)
     ORDER BY v.key LIMIT $4`,
    [teamId, since, volunteerId, limit + 1],
  );
  return pageAfter(rows.map(toStored), since, limit, (version) => Number(version.key));
}

/** Each record with a flagged version: its head (if any) and the flagged rivals. */
export async function listConflicts(
  db: Database,
  teamId: string,
): Promise<VisitConflictsResponse['conflicts']> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM team_visit_versions v
     JOIN accounts a ON a.id = v.pushed_by
     WHERE v.status IN ('head', 'conflict') AND v.visit_id IN (
       SELECT visit_id FROM team_visit_versions WHERE team_id = $1 AND status = 'conflict')
     ORDER BY v.visit_id, v.key`,
    [teamId],
  );
  const byVisit = new Map<string, VisitConflictsResponse['conflicts'][number]>();
  for (const row of rows) {
    const entry = byVisit.get(row.visit_id) ?? { visitId: row.visit_id, head: null, rivals: [] };
    if (row.status === 'head') entry.head = toStored(row);
    else entry.rivals.push(toStored(row));
    byVisit.set(row.visit_id, entry);
  }
  return [...byVisit.values()];
}

export async function getVersion(db: Database, key: string): Promise<StoredVisitVersion> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM team_visit_versions v
     JOIN accounts a ON a.id = v.pushed_by WHERE v.key = $1`,
    [key],
  );
  return toStored(rows[0]!);
}

/** Members with their role, when they last pushed and how many records they logged. */
export async function teamRoster(db: Database, team: Organisation): Promise<TeamRoster> {
  const rows = await db.query<{
    account_id: string;
    display_name: string;
    role: string;
    last_push_at: Date | string | null;
    visit_count: string | number;
  }>(
    `SELECT m.account_id, a.display_name, m.role, p.last_push_at,
       (SELECT count(*) FROM team_visits t
        WHERE t.team_id = m.organisation_id AND t.volunteer_id = m.account_id
          AND EXISTS (SELECT 1 FROM team_visit_versions h
                      WHERE h.visit_id = t.visit_id AND h.status = 'head')) AS visit_count
     FROM memberships m
     JOIN accounts a ON a.id = m.account_id
     LEFT JOIN team_visit_pushes p ON p.team_id = m.organisation_id AND p.account_id = m.account_id
     WHERE m.organisation_id = $1
     ORDER BY a.display_name, m.account_id`,
    [team.id],
  );
  return {
    team: { id: team.id, name: team.name, communeCode: team.communeCode },
    members: rows.map((r) => ({
      accountId: r.account_id,
      displayName: r.display_name,
      role: r.role,
      lastPushAt: r.last_push_at === null ? null : isoOf(r.last_push_at),
      visitCount: Number(r.visit_count),
    })),
  };
}
