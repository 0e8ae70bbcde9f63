import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { newRandomId } from '../src/lib/ids';
import type { LearningEvent } from '../src/protocol';
import { eventBatch } from '../src/test/events';
import { startBenchServer } from './benchServer';
import { registerDevice, timePushes } from './httpPush';
import {
  alternatedRuns,
  benchDatabaseUrl,
  chunks,
  expectSameEventsStored,
  openBenchDatabase,
  pushBodies,
  timeRawLanes,
  type ComparedFigures,
  type Timed,
} from './pushThroughput';

export const DEVICES = 100;
export const EVENTS_PER_DEVICE = 300;
export const BATCH = 100;
/** Pushes per device in the warm-up run, which is not counted: 500 requests. */
const WARM_UP_BATCHES = 5;
/** Pushes per device in each counted run: 3,000 requests, so p99 is the 30th slowest. */
const BATCHES_PER_RUN = 30;
const PAIRS = 3;

interface Device {
  deviceId: string;
  token: string;
}

/** The events every device has to send, the same ones for our server and for PouchDB. */
export function deviceEvents(): LearningEvent[][] {
  return Array.from({ length: DEVICES }, () => eventBatch(newRandomId(), EVENTS_PER_DEVICE));
}

/** Each device's next `batches` batches of fresh events, in outbox order. */
function nextEvents(devices: Device[], batches: number): LearningEvent[][] {
  return devices.map((d) => eventBatch(d.deviceId, batches * BATCH));
}

/**
 * Every device's pushes, going round the devices (every device's first batch, then every
 * device's second…), so the pushes in flight are 100 devices', as when 100 phones sync at once.
 */
function timeHttpPush(
  url: string,
  devices: Device[],
  perDevice: LearningEvent[][],
  sentBefore: number,
): Promise<Timed> {
  return timePushes(
    url,
    devices.map((d, i) => ({
      token: d.token,
      bodies: pushBodies(d.deviceId, perDevice[i]!, BATCH, sentBefore),
    })),
  );
}

/**
 * 100 devices pushing at once over HTTP (autocannon, one connection per device, batches of
 * 100), next to multi-row inserts of the same events on the same database, 100 at once through
 * a pool the size of the server's: a warm-up run of both that is not counted, then alternated
 * pairs of runs of 3,000 requests each.
 */
export async function measureConcurrentPush(): Promise<ComparedFigures> {
  const db: Database = await openBenchDatabase('bench_concurrent');
  await migrate(db);
  await db.exec('CREATE TABLE events_raw (LIKE events INCLUDING ALL)');
  const server = await startBenchServer(db, await benchDatabaseUrl('bench_concurrent'));
  const url = server.url;
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, async (): Promise<Device> => {
      const deviceId = newRandomId();
      return { deviceId, token: await registerDevice(url, deviceId) };
    }),
  );
  const lanes = (perDevice: LearningEvent[][]) => perDevice.map((events) => chunks(events, BATCH));

  const warmUp = nextEvents(devices, WARM_UP_BATCHES);
  await timeHttpPush(url, devices, warmUp, 0);
  await timeRawLanes(db, lanes(warmUp));
  const eventsPerRun = DEVICES * BATCHES_PER_RUN * BATCH;
  const figures = await alternatedRuns(
    PAIRS,
    eventsPerRun,
    async (index) => {
      const perDevice = nextEvents(devices, BATCHES_PER_RUN);
      const sentBefore = (WARM_UP_BATCHES + index * BATCHES_PER_RUN) * BATCH;
      return {
        ours: () => timeHttpPush(url, devices, perDevice, sentBefore),
        raw: () => timeRawLanes(db, lanes(perDevice)),
      };
    },
    server.pid,
  );

  await server.close();
  await expectSameEventsStored(db);
  if (db.kind === 'postgres') await db.exec('DROP SCHEMA bench_concurrent CASCADE');
  await db.close();
  return {
    database: db.kind,
    server: server.where,
    requests: DEVICES * BATCHES_PER_RUN,
    ...figures,
  };
}
