import type { LearningEvent, StoredEvent } from '../../src/protocol';
import type { Database } from '../db/database';

/** Serialises writers so that server_seq order is commit order and pull never skips an event. */
const EVENT_WRITE_LOCK = 7_201_001;

export interface StoreResult {
  /** Stored now, or stored before by the same owner (a retry). */
  accepted: string[];
  /** Stored before by another owner: never overwritten, never merged. */
  conflicts: string[];
}

/**
 * Stores events idempotently in one multi-row insert: a retried or duplicated push stores
 * nothing twice, and an id another owner already used is reported, not overwritten.
 */
export async function storeEvents(
  db: Database,
  ownerId: string,
  events: LearningEvent[],
): Promise<StoreResult> {
  if (events.length === 0) return { accepted: [], conflicts: [] };
  // One statement, so one round trip and its own transaction: the lock is taken before any
  // row draws its server_seq and is released at commit, with no network wait while held.
  const inserted = await db.query<{ id: string }>(
    `WITH write_lock AS (SELECT pg_advisory_xact_lock($8))
     INSERT INTO events (id, owner_id, device_id, profile_id, type, payload, occurred_at)
     SELECT e.id, $1, e.device_id, e.profile_id, e.type, e.payload::jsonb, e.occurred_at
     FROM write_lock,
       unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[])
         AS e(id, device_id, profile_id, type, payload, occurred_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      ownerId,
      events.map((e) => e.id),
      events.map((e) => e.deviceId),
      events.map((e) => e.profileId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.occurredAt),
      EVENT_WRITE_LOCK,
    ],
  );
  const insertedIds = new Set(inserted.map((row) => row.id));
  const others = events.map((e) => e.id).filter((id) => !insertedIds.has(id));
  // Events are immutable, so who owns an id already stored can be read after the insert.
  const conflicts =
    others.length === 0
      ? []
      : (
          await db.query<{ id: string }>(
            `SELECT id FROM events WHERE id = ANY($1::uuid[]) AND owner_id <> $2`,
            [others, ownerId],
          )
        ).map((row) => row.id);
  const conflictSet = new Set(conflicts);
  return { accepted: events.map((e) => e.id).filter((id) => !conflictSet.has(id)), conflicts };
}

/** An events row as the database returns it. */
export interface EventRecord {
  server_seq: string | number | bigint;
  id: string;
  device_id: string;
  profile_id: string;
  type: StoredEvent['type'];
  payload: StoredEvent['payload'];
  occurred_at: Date;
}

export interface PullPage {
  events: StoredEvent[];
  nextCursor: number;
  hasMore: boolean;
}

/** The owners' events after `since`, in server_seq order, one page at a time. */
export async function pullEvents(
  db: Database,
  ownerIds: string[],
  since: number,
  limit: number,
): Promise<PullPage> {
  const rows = await db.query<EventRecord>(
    `SELECT server_seq, id, device_id, profile_id, type, payload, occurred_at
     FROM events WHERE owner_id = ANY($1::text[]) AND server_seq > $2
     ORDER BY server_seq LIMIT $3`,
    [ownerIds, since, limit + 1],
  );
  const events = rows
    .slice(0, limit)
    .map((row) => ({ ...eventOfRow(row), serverSeq: Number(row.server_seq) }) as StoredEvent);
  return {
    events,
    nextCursor: events.at(-1)?.serverSeq ?? since,
    hasMore: rows.length > limit,
  };
}

/** The event a row holds, in the protocol's shape. */
export function eventOfRow(row: Omit<EventRecord, 'server_seq'>): LearningEvent {
  return {
    id: row.id,
    deviceId: row.device_id,
    profileId: row.profile_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    type: row.type,
    payload: row.payload,
  } as LearningEvent;
}
