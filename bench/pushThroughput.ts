import { openPglite, openPostgres, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { isPostgresReachable, TEST_POSTGRES_URL } from '../server/testing';
import { newRandomId } from '../src/lib/ids';
import { PROTOCOL_VERSION, type LearningEvent, eventRecord } from '../src/protocol';
import { eventBatch } from '../src/test/events';
import { startBenchServer } from './benchServer';

const BATCH = 500;
const DEVICES = 4;
const EVENTS_PER_DEVICE = 10_000;

export interface PushFigures {
  database: string;
  /** Where the server ran: its own process, or the bench's. */
  server: string;
  events: number;
  httpEventsPerSecond: number;
  rawEventsPerSecond: number;
}

/** A bench schema's address on the test PostgreSQL, or undefined when none is up (PGlite). */
export async function benchDatabaseUrl(schema: string): Promise<string | undefined> {
  if (!(await isPostgresReachable())) return undefined;
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A fresh, empty bench schema on the test PostgreSQL, else an in-memory PGlite. */
export async function openBenchDatabase(schema = 'bench'): Promise<Database> {
  const url = await benchDatabaseUrl(schema);
  if (!url) return openPglite();
  const db = await openPostgres(TEST_POSTGRES_URL);
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await db.close();
  return openPostgres(url);
}

export function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * A device's push bodies as the app sends them: batches in outbox order, each with the
 * highest outbox number it carries, serialised before timing (a phone does that work).
 */
export function pushBodies(deviceId: string, events: LearningEvent[], batchSize: number): string[] {
  return chunks(events, batchSize).map((batch, i) =>
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: batch.map(eventRecord),
      highWater: i * batchSize + batch.length,
    }),
  );
}

/** Raw multi-row INSERT … VALUES of the same events: the database's own limit for this work. */
export async function rawInsert(db: Database, batches: LearningEvent[][]): Promise<void> {
  for (const batch of batches) {
    const params: unknown[] = [];
    const rows = batch.map((e) => {
      params.push(
        e.id,
        `device:${e.deviceId}`,
        e.deviceId,
        e.profileId,
        e.type,
        JSON.stringify(e.payload),
        e.occurredAt,
      );
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n})`;
    });
    await db.query(
      `INSERT INTO events_raw (id, owner_id, device_id, profile_id, type, payload, occurred_at)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}

const ROUNDS = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface BenchDevice {
  deviceId: string;
  deviceToken: string;
  events: LearningEvent[];
  /** Request bodies, serialised before timing: a phone does that work, not the server. */
  bodies: string[];
}

async function registerDevices(origin: string): Promise<BenchDevice[]> {
  return Promise.all(
    Array.from({ length: DEVICES }, async () => {
      const deviceId = newRandomId();
      const response = await fetch(`${origin}/api/devices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId }),
      });
      const { deviceToken } = (await response.json()) as { deviceToken: string };
      const events = eventBatch(deviceId, EVENTS_PER_DEVICE);
      return { deviceId, deviceToken, events, bodies: pushBodies(deviceId, events, BATCH) };
    }),
  );
}

async function timeHttpPush(origin: string, devices: BenchDevice[]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      for (const body of device.bodies) {
        const response = await fetch(`${origin}/api/sync/push`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${device.deviceToken}`,
          },
          body,
        });
        const result = (await response.json()) as { accepted: string[] };
        if (result.accepted.length !== BATCH) throw new Error('push refused events');
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

async function timeRawInsert(db: Database, devices: BenchDevice[]): Promise<number> {
  const start = performance.now();
  await Promise.all(devices.map((device) => rawInsert(db, chunks(device.events, BATCH))));
  return (performance.now() - start) / 1000;
}

/**
 * Push throughput through HTTP (Fastify, validation, idempotent insert) next to raw multi-row
 * inserts of the same events into a twin table, on the same database, in one run: three
 * rounds, alternating which goes first, and the median of each.
 */
export async function measurePush(): Promise<PushFigures> {
  const db = await openBenchDatabase();
  await migrate(db);
  await db.exec('CREATE TABLE events_raw (LIKE events INCLUDING ALL)');
  const server = await startBenchServer(db, await benchDatabaseUrl('bench'));
  const origin = server.url;
  const total = DEVICES * EVENTS_PER_DEVICE;
  const http: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const devices = await registerDevices(origin);
    if (round % 2 === 0) {
      http.push(total / (await timeHttpPush(origin, devices)));
      raw.push(total / (await timeRawInsert(db, devices)));
    } else {
      raw.push(total / (await timeRawInsert(db, devices)));
      http.push(total / (await timeHttpPush(origin, devices)));
    }
  }
  await server.close();
  if (db.kind === 'postgres') await db.exec('DROP SCHEMA bench CASCADE');
  await db.close();
  return {
    database: db.kind,
    server: server.where,
    events: total,
    httpEventsPerSecond: median(http),
    rawEventsPerSecond: median(raw),
  };
}
