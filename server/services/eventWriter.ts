import type { LearningEvent, PushResponse } from '../../src/protocol';
import type { Database } from '../db/database';
import { recordPushMarks, type PushMarkRecord } from './pushMarks';

/** Serialises writers so that server_seq order is commit order and pull never skips an event. */
const EVENT_WRITE_LOCK = 7_201_001;
/** The most events one combined statement carries; more wait for the next one. */
const MAX_EVENTS_PER_WRITE = 5_000;
/**
 * Statements in flight at once: while one commits (and waits for its WAL flush), the next is
 * already on its way and queued on the lock.
 */
const WRITERS = 2;

export interface StoreResult {
  /** Stored now, or stored before by the same owner (a retry). */
  accepted: string[];
  /** Stored before by another owner: never overwritten, never merged. */
  conflicts: string[];
}

/** A push to store: whose events, and the device's mark to move once they are stored. */
export interface PushToStore {
  ownerId: string;
  events: LearningEvent[];
  /** Present when the device sent its high-water mark; `refused` are the envelope's refusals. */
  mark?: { deviceId: string; highWater: number; refused: PushResponse['refused'] };
}

interface PendingWrite extends PushToStore {
  resolve(result: StoreResult): void;
  reject(error: unknown): void;
}

interface WriteQueue {
  pending: PendingWrite[];
  writing: number;
}

const queues = new WeakMap<Database, WriteQueue>();

/**
 * Stores events idempotently: a retried or duplicated push stores nothing twice, and an id
 * another owner already used is reported, not overwritten. Pushes that arrive while a write is
 * in flight are combined into the next statement, so a crowd of phones costs a few large
 * commits instead of one small commit each, all queued on one lock.
 */
export function storeEvents(db: Database, push: PushToStore): Promise<StoreResult> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], writing: 0 };
    queues.set(db, queue);
  }
  const written = new Promise<StoreResult>((resolve, reject) => {
    queue.pending.push({ ...push, resolve, reject });
  });
  if (queue.writing < WRITERS) void drain(db, queue);
  return written;
}

async function drain(db: Database, queue: WriteQueue): Promise<void> {
  queue.writing += 1;
  try {
    for (let group = takeGroup(queue); group.length > 0; group = takeGroup(queue)) {
      try {
        const owners = await writeGroup(db, group);
        const results = group.map((write) => resultFor(write, owners));
        // Marks move only now that the events are committed: a mark may lag, never lead.
        await recordPushMarks(
          db,
          group.flatMap((write, i) => markOf(write, results[i]!)),
        );
        group.forEach((write, i) => write.resolve(results[i]!));
      } catch (error) {
        for (const write of group) write.reject(error);
      }
    }
  } finally {
    queue.writing -= 1;
  }
}

/** The oldest pending pushes, up to the size of one statement (always at least one push). */
function takeGroup(queue: WriteQueue): PendingWrite[] {
  let count = 0;
  let take = 0;
  while (take < queue.pending.length) {
    count += queue.pending[take]!.events.length;
    if (take > 0 && count > MAX_EVENTS_PER_WRITE) break;
    take += 1;
  }
  return queue.pending.splice(0, take);
}

/** Inserts every event of the group in one statement; answers who owns each id afterwards. */
async function writeGroup(db: Database, group: PendingWrite[]): Promise<Map<string, string>> {
  const rows = group.flatMap((write) => write.events.map((event) => ({ write, event })));
  if (rows.length === 0) return new Map();
  // One statement, so one round trip and its own transaction: the lock is taken before any
  // row draws its server_seq and is released at commit, with no network wait while held.
  const inserted = await db.query<{ id: string; owner_id: string }>(
    `WITH write_lock AS (SELECT pg_advisory_xact_lock($8))
     INSERT INTO events (id, owner_id, device_id, profile_id, type, payload, occurred_at)
     SELECT e.id, e.owner_id, e.device_id, e.profile_id, e.type, e.payload::jsonb, e.occurred_at
     FROM write_lock,
       unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[],
              $7::timestamptz[])
         AS e(id, owner_id, device_id, profile_id, type, payload, occurred_at)
     ON CONFLICT (id) DO NOTHING
     RETURNING id, owner_id`,
    [
      rows.map((r) => r.event.id),
      rows.map((r) => r.write.ownerId),
      rows.map((r) => r.event.deviceId),
      rows.map((r) => r.event.profileId),
      rows.map((r) => r.event.type),
      rows.map((r) => JSON.stringify(r.event.payload)),
      rows.map((r) => r.event.occurredAt),
      EVENT_WRITE_LOCK,
    ],
  );
  const owners = new Map(inserted.map((row) => [row.id, row.owner_id]));
  const others = [...new Set(rows.map((r) => r.event.id).filter((id) => !owners.has(id)))];
  if (others.length > 0) {
    // Events are immutable, so who owns an id already stored can be read after the insert.
    const existing = await db.query<{ id: string; owner_id: string }>(
      `SELECT id, owner_id FROM events WHERE id = ANY($1::uuid[])`,
      [others],
    );
    for (const row of existing) owners.set(row.id, row.owner_id);
  }
  return owners;
}

/** The refusals of ids another owner already used. */
export function conflictRefusals(ids: string[]): PushResponse['refused'] {
  return ids.map((id) => ({
    id,
    reason: 'id_conflict',
    message: 'Another owner already used this id',
  }));
}

function markOf(write: PushToStore, result: StoreResult): PushMarkRecord[] {
  if (!write.mark) return [];
  const conflicts = conflictRefusals(result.conflicts);
  return [
    {
      deviceId: write.mark.deviceId,
      ownerId: write.ownerId,
      highWater: write.mark.highWater,
      refused: [...write.mark.refused, ...conflicts],
    },
  ];
}

function resultFor(write: PendingWrite, owners: Map<string, string>): StoreResult {
  const accepted: string[] = [];
  const conflicts: string[] = [];
  for (const { id } of write.events) {
    const owner = owners.get(id);
    if (owner === undefined) throw new Error(`event ${id} was neither stored nor found`);
    (owner === write.ownerId ? accepted : conflicts).push(id);
  }
  return { accepted, conflicts };
}
