import type { LearningEvent, StoredEvent } from '../../src/protocol';
import type { Database } from '../db/database';

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
