import autocannon from 'autocannon';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { newRandomId } from '../src/lib/ids';
import { PROTOCOL_VERSION, type LearningEvent } from '../src/protocol';
import { eventBatch } from '../src/test/events';
import { startBenchServer } from './benchServer';
import {
  benchDatabaseUrl,
  chunks,
  openBenchDatabase,
  pushBodies,
  rawInsert,
} from './pushThroughput';

export const DEVICES = 100;
export const EVENTS_PER_DEVICE = 300;
const BATCH = 100;

export interface ConcurrentFigures {
  database: string;
  /** Where the server ran: its own process (autocannon never shares its event loop), or the bench's. */
  server: string;
  events: number;
  httpEventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  rawEventsPerSecond: number;
}

interface Device {
  deviceId: string;
  token: string;
  bodies: string[];
}

/** The events every device has to send, the same ones for our server and for PouchDB. */
export function deviceEvents(): LearningEvent[][] {
  return Array.from({ length: DEVICES }, () => eventBatch(newRandomId(), EVENTS_PER_DEVICE));
}

/**
 * 100 devices pushing at once over HTTP (autocannon, one connection per device, batches of 50),
 * next to multi-row inserts of the same events on the same database.
 */
export async function measureConcurrentPush(
  perDevice: LearningEvent[][],
): Promise<ConcurrentFigures> {
  const db: Database = await openBenchDatabase('bench_concurrent');
  await migrate(db);
  await db.exec('CREATE TABLE events_raw (LIKE events INCLUDING ALL)');
  const server = await startBenchServer(db, await benchDatabaseUrl('bench_concurrent'));
  const url = server.url;

  const devices: Device[] = [];
  for (const events of perDevice) {
    const deviceId = events[0]!.deviceId;
    const response = await fetch(`${url}/api/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId }),
    });
    const { deviceToken } = (await response.json()) as { deviceToken: string };
    devices.push({ deviceId, token: deviceToken, bodies: pushBodies(deviceId, events, BATCH) });
  }
  const requests = devices.flatMap((d) => d.bodies.map((body) => ({ token: d.token, body })));

  let next = 0;
  // Autocannon ends a run only at its next one-second sample, so its own duration rounds up:
  // the time is taken from the start to the last answer instead.
  let lastAnswer = 0;
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: DEVICES,
    amount: requests.length,
    requests: [
      {
        method: 'POST',
        path: '/api/sync/push',
        setupRequest: (request) => {
          const { token, body } = requests[next++ % requests.length]!;
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          };
        },
        onResponse: () => {
          lastAnswer = performance.now();
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} pushes failed`);
  const total = requests.length * BATCH;
  const seconds = (lastAnswer - started) / 1000;

  const rawStart = performance.now();
  const all = perDevice.flatMap((events) => chunks(events, BATCH));
  for (const group of chunks(all, 10))
    await Promise.all(group.map((batch) => rawInsert(db, [batch])));
  const rawSeconds = (performance.now() - rawStart) / 1000;

  await server.close();
  if (db.kind === 'postgres') await db.exec('DROP SCHEMA bench_concurrent CASCADE');
  await db.close();
  return {
    database: db.kind,
    server: server.where,
    events: total,
    httpEventsPerSecond: total / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rawEventsPerSecond: total / rawSeconds,
  };
}
