import type { AssignmentRecord, StoredAssignment } from '../../src/protocol';
import { madeByPage, type MadeByRow } from './madeByPages';
import type { RecordPage } from './pages';
import type { Database, Queryable } from '../db/database';

/** Serialises assignment writers, so that `seq` order is commit order and pull never skips one. */
const ASSIGNMENT_WRITE_LOCK = 7_201_022;

/** A record to store, with the member it is for (null: the whole organisation). */
export interface AssignmentToStore {
  record: AssignmentRecord;
  targetAccountId: string | null;
}

export interface AssignmentStoreOutcome {
  /** Stored now, or already stored with the same content (a retry). */
  accepted: string[];
  /** Ids another record already holds with other content. */
  conflicts: string[];
}

async function storeOne(
  tx: Queryable,
  madeBy: string,
  { record, targetAccountId }: AssignmentToStore,
): Promise<'stored' | 'conflict'> {
  const inserted = await tx.query(
    `INSERT INTO assignments (id, organisation_id, action, target_account_id, made_by, record)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      record.id,
      record.organisationId,
      record.action,
      targetAccountId,
      madeBy,
      JSON.stringify(record),
    ],
  );
  if (inserted.length > 0) return 'stored';
  const same = await tx.query(
    `SELECT 1 FROM assignments WHERE id = $1 AND made_by = $2 AND record = $3::jsonb`,
    [record.id, madeBy, JSON.stringify(record)],
  );
  return same.length > 0 ? 'stored' : 'conflict';
}

/** Stores records of one maker in one transaction, each once by id; a failure stores nothing. */
export async function storeAssignments(
  db: Database,
  madeBy: string,
  records: readonly AssignmentToStore[],
): Promise<AssignmentStoreOutcome> {
  const outcome: AssignmentStoreOutcome = { accepted: [], conflicts: [] };
  if (records.length === 0) return outcome;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ASSIGNMENT_WRITE_LOCK]);
    for (const entry of records) {
      const stored = await storeOne(tx, madeBy, entry);
      (stored === 'stored' ? outcome.accepted : outcome.conflicts).push(entry.record.id);
    }
  });
  return outcome;
}

/** The assignments (not withdrawals) of an organisation among `ids`, with whom each is for. */
export async function assignmentTargets(
  db: Database,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await db.query<{ id: string; target_account_id: string | null }>(
    `SELECT id, target_account_id FROM assignments
     WHERE organisation_id = $1 AND action = 'assign' AND id = ANY($2::uuid[])`,
    [organisationId, ids],
  );
  return new Map(rows.map((row) => [row.id, row.target_account_id]));
}

/**
 * An organisation's records after the cursor `since`, in cursor order: all of them (for its
 * staff), or those for one member: the whole organisation's, their own, and those for their
 * unit or position (a withdrawal of one of those reaches everyone, which tells nothing).
 */
export async function pullAssignments(
  db: Database,
  organisationId: string,
  memberId: string | null,
  since: number,
  limit: number,
): Promise<RecordPage<StoredAssignment>> {
  const rows = await db.query<MadeByRow<AssignmentRecord>>(
    `SELECT s.seq::text AS seq, s.record, s.made_by, a.display_name
     FROM assignments s JOIN accounts a ON a.id = s.made_by
     WHERE s.organisation_id = $1 AND s.seq > $2
       AND ($3::uuid IS NULL OR s.target_account_id = $3 OR (s.target_account_id IS NULL AND (
         s.record->'target'->>'kind' IS DISTINCT FROM 'unit' AND s.record->'target'->>'kind' IS DISTINCT FROM 'position'
         OR EXISTS (SELECT 1 FROM agency_staff st WHERE st.organisation_id = s.organisation_id
           AND st.account_id = $3 AND (st.unit_id::text = s.record->'target'->>'unitId'
             OR st.position = s.record->'target'->>'position')))))
     ORDER BY s.seq LIMIT $4`,
    [organisationId, since, memberId, limit + 1],
  );
  return madeByPage(rows, since, limit);
}
