import { learningEventKind, type LearningEvent, type PushResponse } from '../../src/protocol';
import { isUniqueViolation, type Database } from '../db/database';
import { latestMarks, recordPushMarks, type PushMarkRecord } from './pushMarks';

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
      await writeSettling(db, group);
    }
  } finally {
    queue.writing -= 1;
  }
}

/**
 * Writes a group and answers each push. If the combined write fails, each push is written on
 * its own, so a push the database cannot take fails alone, never the crowd beside it.
 */
async function writeSettling(db: Database, group: PendingWrite[]): Promise<void> {
  try {
    const results = await writeGroup(db, group);
    group.forEach((write, i) => write.resolve(results[i]!));
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    for (const write of group) await writeSettling(db, [write]);
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

/**
 * Stores every event of the group and moves the marks of its pushes in one statement (its own
 * transaction, one commit). When some id was there already (a retry, or another owner's id),
 * the marks wait for the refusals that only the stored rows tell, and move after, in their own
 * write: a mark may lag behind what is stored, never lead.
 */
async function writeGroup(db: Database, group: PendingWrite[]): Promise<StoreResult[]> {
  const { owners, marksMoved } = await insertEvents(db, group);
  const results = group.map((write) => resultFor(write, owners));
  if (!marksMoved) {
    await recordPushMarks(
      db,
      group.flatMap((write, i) => markOf(write, results[i]!)),
    );
  }
  return results;
}

/** Whose each id is after the insert, and whether the group's marks moved with its events. */
interface Inserted {
  owners: Map<string, string>;
  marksMoved: boolean;
}

/**
 * Inserts the group's events in one statement; answers who owns each id afterwards. The same
 * statement moves the pushes' marks, but only when every event was new: then no push has a
 * refusal the insert would add, and each mark is the push's own (see `markOf`).
 */
async function insertEvents(db: Database, group: PendingWrite[]): Promise<Inserted> {
  // One JSON document for all rows, grouped by owner as the pushes came (no copy of each event
  // to add its owner): PostgreSQL parses it once, faster than seven arrays. It is read as jsonb,
  // so each owner's events and each payload come out of the parsed form; as json, each nested
  // part was parsed again (a quarter of PostgreSQL's work on a push of 500 events).
  const count = group.reduce((sum, write) => sum + write.events.length, 0);
  if (count === 0) return { owners: new Map(), marksMoved: false };
  const owned = group.map(({ ownerId, events }) => ({ ownerId, events }));
  const marks = latestMarks(group.flatMap((write) => markOf(write, NOTHING_REFUSED)));
  const params = [JSON.stringify(owned), EVENT_WRITE_LOCK, JSON.stringify(marks), count];
  // Usually every event is new: a plain insert skips the unique index's check before each row
  // that ON CONFLICT makes (about a fifth of PostgreSQL's work here). When some id is there
  // already (a retry, or another owner's id), the statement fails whole and is run again
  // skipping those rows.
  let stored: number;
  try {
    stored = await insertStatement(db, params, 'plain');
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    stored = await insertStatement(db, params, 'skipping existing');
  }
  const ids = group.flatMap(({ ownerId, events }) =>
    events.map(({ id }) => [id, ownerId] as const),
  );
  // Usually every row is new, and each is its pusher's. After a retry or a clash, ask who owns
  // each id (events are immutable, so the answer read after the insert holds).
  if (stored === count) return { owners: new Map(ids), marksMoved: true };
  const existing = await db.query<{ id: string; owner_id: string }>(
    `SELECT id, owner_id FROM events WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids.map(([id]) => id))]],
  );
  return { owners: new Map(existing.map((row) => [row.id, row.owner_id])), marksMoved: false };
}

/**
 * The group's insert and its marks' move, in one statement (its own transaction, one commit),
 * so the lock is held only while PostgreSQL works, never while this process is busy elsewhere:
 * it is taken before any row draws its server_seq (the defaults are computed on joined rows,
 * which need the lock's row) and released at commit. Only a count comes back, not a row per
 * event.
 */
async function insertStatement(
  db: Database,
  params: unknown[],
  ids: 'plain' | 'skipping existing',
): Promise<number> {
  const [{ stored } = { stored: 0 }] = await db.query<{ stored: number }>(
    `WITH write_lock AS (SELECT pg_advisory_xact_lock($2)),
     inserted AS (
       INSERT INTO events (id, owner_id, device_id, profile_id, type, payload, occurred_at)
       SELECT e.id, g."ownerId", e."deviceId", e."profileId", e.type, e.payload, e."occurredAt"
       FROM write_lock, jsonb_to_recordset($1::jsonb) AS g("ownerId" text, events jsonb),
         jsonb_to_recordset(g.events) AS e(id uuid, "deviceId" uuid, "profileId" uuid, type text,
           payload jsonb, "occurredAt" timestamptz)
       ${ids === 'plain' ? '' : 'ON CONFLICT (id) DO NOTHING'}
       RETURNING 1),
     counted AS (SELECT count(*)::int AS stored FROM inserted),
     marked AS (
       INSERT INTO push_marks AS m (device_id, owner_id, high_water, refused)
       SELECT k."deviceId", k."ownerId", k."highWater", k.refused
       FROM counted, json_to_recordset($3::json) AS k("deviceId" uuid, "ownerId" text,
         "highWater" bigint, refused jsonb)
       WHERE counted.stored = $4
       ON CONFLICT (device_id, owner_id) DO UPDATE
         SET high_water = EXCLUDED.high_water, refused = EXCLUDED.refused, updated_at = now()
         WHERE m.high_water <= EXCLUDED.high_water)
     SELECT stored FROM counted`,
    params,
  );
  return stored;
}

const NOTHING_REFUSED: StoreResult = { accepted: [], conflicts: [] };

/** The refusals of ids another owner already used. */
export function conflictRefusals(ids: string[]): PushResponse['refused'] {
  return ids.map((id) => ({
    kind: learningEventKind.kind,
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
