import type { VisitVersion } from '../../src/protocol';
import {
  applyDecision,
  canonicalContent,
  compareForApply,
  decideVersion,
  resolveConflict,
  serviceKey,
  type StoredVersionState,
} from '../../src/domain/visits';
import type { Database, Queryable } from '../db/database';
import { audit } from './audit';

export interface Pusher {
  accountId: string;
  /** A team leader may add versions to any record of the team; a volunteer only to their own. */
  isLeader: boolean;
}

/** Why a version was not stored. */
export interface VisitRefusal {
  reason: 'wrong_team' | 'unknown_commune' | 'not_owner';
  message: string;
}

type VersionRef = Pick<VisitVersion, 'visitId' | 'version'>;

/** What became of each version of a push. */
export interface VisitPushOutcome {
  /** Stored as the new head, or already stored with the same content (idempotent retry). */
  accepted: VersionRef[];
  /** Stored and flagged for the team leader: never merged, never dropped. */
  conflicts: VersionRef[];
  refused: (VersionRef & VisitRefusal)[];
}

/** Serialises visit writers, so that the `key` order is commit order and pull never skips one. */
const VISIT_WRITE_LOCK = 7_201_002;

/** The versions whose commune is on the official list, in the order to apply them; and the rest. */
async function sortByCommune(db: Queryable, versions: readonly VisitVersion[]) {
  const codes = [...new Set(versions.map((v) => v.communeCode))];
  const known = new Set(
    (
      await db.query<{ code: string }>(`SELECT code FROM communes WHERE code = ANY($1::text[])`, [
        codes,
      ])
    ).map((r) => r.code),
  );
  const refused: VisitPushOutcome['refused'] = [];
  const stored = versions.filter((v) => {
    if (known.has(v.communeCode)) return true;
    refused.push({
      visitId: v.visitId,
      version: v.version,
      reason: 'unknown_commune',
      message: `${v.communeCode} is not on the official list of communes`,
    });
    return false;
  });
  return { valid: stored.sort(compareForApply), refused };
}

async function loadStates(tx: Queryable, visitId: string): Promise<StoredVersionState[]> {
  const rows = await tx.query<{
    key: string;
    version: number;
    amends: number | null;
    status: StoredVersionState['status'];
    record: VisitVersion;
  }>(
    `SELECT key::text AS key, version, amends, status, record FROM team_visit_versions
     WHERE visit_id = $1 ORDER BY key`,
    [visitId],
  );
  return rows.map((r) => ({
    key: r.key,
    version: r.version,
    amends: r.amends,
    status: r.status,
    content: canonicalContent(r.record),
  }));
}

async function insertVersion(
  tx: Queryable,
  v: VisitVersion,
  status: 'head' | 'conflict',
  pushedBy: string,
): Promise<string> {
  const rows = await tx.query<{ key: string }>(
    `INSERT INTO team_visit_versions (visit_id, team_id, version, amends, status, record,
       pushed_by, visit_date, commune_code, outcome, minutes, age_band, gender, village, service_keys)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::date, $9, $10, $11, $12, $13, $14, $15::text[])
     RETURNING key::text AS key`,
    [
      v.visitId,
      v.teamId,
      v.version,
      v.amends,
      status,
      JSON.stringify(v),
      pushedBy,
      v.date,
      v.communeCode,
      v.outcome,
      v.minutes,
      v.person.ageBand ?? null,
      v.person.gender ?? null,
      v.village,
      [...new Set(v.services.map(serviceKey))],
    ],
  );
  return rows[0]!.key;
}

/**
 * Locks the record for this transaction, creating it for the pusher when it is new. Returns
 * why the pusher may not add to it, or null when they may.
 */
async function claimVisit(
  tx: Queryable,
  teamId: string,
  pusher: Pusher,
  visitId: string,
): Promise<VisitRefusal | null> {
  await tx.query(
    `INSERT INTO team_visits (visit_id, team_id, volunteer_id) VALUES ($1, $2, $3)
     ON CONFLICT (visit_id) DO NOTHING`,
    [visitId, teamId, pusher.accountId],
  );
  const [owner] = await tx.query<{ team_id: string; volunteer_id: string }>(
    `SELECT team_id, volunteer_id FROM team_visits WHERE visit_id = $1 FOR UPDATE`,
    [visitId],
  );
  if (owner!.team_id !== teamId) {
    return { reason: 'wrong_team', message: 'The record belongs to another team' };
  }
  if (owner!.volunteer_id !== pusher.accountId && !pusher.isLeader) {
    return { reason: 'not_owner', message: 'Another volunteer logged this record' };
  }
  return null;
}

/**
 * Stores a batch of one team's versions (each already checked against its schema) in one
 * transaction, each by the amendment rule: a new head, a duplicate (nothing new stored) or a
 * conflict (stored and flagged). A failure stores nothing.
 */
export async function pushVisits(
  db: Database,
  teamId: string,
  pusher: Pusher,
  versions: readonly VisitVersion[],
): Promise<VisitPushOutcome> {
  const { valid, refused } = await sortByCommune(db, versions);
  const accepted: VisitPushOutcome['accepted'] = [];
  const conflicts: VisitPushOutcome['conflicts'] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [VISIT_WRITE_LOCK]);
    // Each record's stored versions, loaded once and kept up to date, or why it is refused.
    const visits = new Map<string, StoredVersionState[] | VisitRefusal>();
    for (const v of valid) {
      const ref = { visitId: v.visitId, version: v.version };
      if (!visits.has(v.visitId)) {
        const refusal = await claimVisit(tx, teamId, pusher, v.visitId);
        visits.set(v.visitId, refusal ?? (await loadStates(tx, v.visitId)));
      }
      const states = visits.get(v.visitId)!;
      if (!Array.isArray(states)) {
        refused.push({ ...ref, ...states });
        continue;
      }
      const incoming = { version: v.version, amends: v.amends, content: canonicalContent(v) };
      const decision = decideVersion(states, incoming);
      if (decision.kind === 'duplicate') {
        accepted.push(ref);
        continue;
      }
      if (decision.kind === 'head' && decision.supersedes !== null) {
        await tx.query(`UPDATE team_visit_versions SET status = 'superseded' WHERE key = $1`, [
          decision.supersedes,
        ]);
      }
      const key = await insertVersion(tx, v, decision.kind, pusher.accountId);
      visits.set(v.visitId, applyDecision(states, { ...incoming, key }, decision));
      (decision.kind === 'head' ? accepted : conflicts).push(ref);
    }
    await tx.query(
      `INSERT INTO team_visit_pushes (team_id, account_id, last_push_at) VALUES ($1, $2, now())
       ON CONFLICT (team_id, account_id) DO UPDATE SET last_push_at = now()`,
      [teamId, pusher.accountId],
    );
  });
  return { accepted, conflicts, refused };
}

export type ResolveResult =
  | { ok: true; visitId: string; head: string; superseded: string[] }
  | { ok: false; code: 'not_found' | 'conflict'; message: string };

/** The team leader chooses which version stands; the rest stay in history. Audited. */
export async function resolveVisit(
  db: Database,
  teamId: string,
  actorId: string,
  visitId: string,
  chosenKey: string,
): Promise<ResolveResult> {
  const result = await db.transaction(async (tx): Promise<ResolveResult> => {
    const owner = await tx.query(
      `SELECT 1 FROM team_visits WHERE visit_id = $1 AND team_id = $2 FOR UPDATE`,
      [visitId, teamId],
    );
    if (owner.length === 0) return { ok: false, code: 'not_found', message: 'No such record' };
    const outcome = resolveConflict(await loadStates(tx, visitId), chosenKey);
    if (!outcome.ok) {
      return outcome.reason === 'unknown_version'
        ? { ok: false, code: 'not_found', message: 'No such version of this record' }
        : { ok: false, code: 'conflict', message: 'This record has no conflict to resolve' };
    }
    await tx.query(
      `UPDATE team_visit_versions SET status = 'superseded', resolved_by = $2, resolved_at = now()
       WHERE key = ANY($1::bigint[])`,
      [outcome.superseded, actorId],
    );
    await tx.query(
      `UPDATE team_visit_versions SET status = 'head', resolved_by = $2, resolved_at = now()
       WHERE key = $1`,
      [outcome.head, actorId],
    );
    await audit(tx, actorId, 'visit_resolved', `team:${teamId}`, {
      visit: visitId,
      chosen: outcome.head,
      superseded: outcome.superseded.length,
    });
    return { ok: true, visitId, head: outcome.head, superseded: outcome.superseded };
  });
  return result;
}
