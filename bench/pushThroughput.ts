import { openPglite, openPostgres, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { isPostgresReachable, TEST_POSTGRES_URL } from '../server/testing';
import { newRandomId } from '../src/lib/ids';
import { PROTOCOL_VERSION, type LearningEvent, eventRecord } from '../src/protocol';
import { eventBatch } from '../src/test/events';
import { startBenchServer } from './benchServer';
import { registerDevice, timePushes } from './httpPush';
import { cpuBetween, cpuSecondsNow, totalCpu, type CpuSeconds } from './cpuTime';
import { percentile, spreadOf, type Spread } from './samples';

const BATCH = 500;
const DEVICES = 4;
const EVENTS_PER_DEVICE = 10_000;

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
 * highest outbox number it carries (after the `sentBefore` events it pushed earlier),
 * serialised before timing (a phone does that work).
 */
export function pushBodies(
  deviceId: string,
  events: LearningEvent[],
  batchSize: number,
  sentBefore = 0,
): string[] {
  return chunks(events, batchSize).map((batch, i) =>
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      records: batch.map(eventRecord),
      highWater: sentBefore + i * batchSize + batch.length,
    }),
  );
}

/** Raw multi-row INSERT … VALUES of one batch: the database's own limit for this work. */
export async function rawInsert(db: Database, batch: LearningEvent[]): Promise<void> {
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

/**
 * Both sides were sent the same events: a bench whose pushes lost some (a refusal still answers
 * 200) must fail, not print a figure.
 */
export async function expectSameEventsStored(db: Database): Promise<void> {
  const [counts] = await db.query<{ ours: number; raw: number }>(
    `SELECT (SELECT count(*)::int FROM events) AS ours, (SELECT count(*)::int FROM events_raw) AS raw`,
  );
  if (counts?.ours !== counts?.raw) {
    throw new Error(`The server stored ${counts?.ours} events, the raw inserts ${counts?.raw}`);
  }
}

/** One timed run: how long it took, and how long each request (push or insert) waited. */
export interface Timed {
  seconds: number;
  latenciesMs: number[];
  /** What each process spent on the run, where /proc tells. */
  cpu?: CpuSeconds;
}

/**
 * Raw inserts as devices would send them: each lane (a device) inserts its batches in order,
 * every lane at once, through the bench's pool (the same size as the server's). Each insert's
 * time includes its wait for a connection, as a push's includes its wait in the server.
 */
export async function timeRawLanes(db: Database, lanes: LearningEvent[][][]): Promise<Timed> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  await Promise.all(
    lanes.map(async (batches) => {
      for (const batch of batches) {
        const sent = performance.now();
        await rawInsert(db, batch);
        latenciesMs.push(performance.now() - sent);
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, latenciesMs };
}

/** One side (our push, or raw inserts) over the counted runs. */
export interface SideFigures {
  eventsPerSecond: Spread;
  /** Per request, over every counted run's requests together. */
  p50Ms: number;
  p99Ms: number;
  /** CPU microseconds per event of each process, over the counted runs (Linux only). */
  cpuPerEvent?: CpuSeconds;
}

/** Our push next to raw inserts of the same events, in alternated runs of one bench. */
export interface ComparedFigures {
  database: string;
  /** Where the server ran: its own process, or the bench's. */
  server: string;
  /** Events each counted run sends, and requests each run makes. */
  events: number;
  requests: number;
  runs: number;
  http: SideFigures;
  raw: SideFigures;
  /** HTTP ÷ raw throughput of each alternated pair of runs. */
  ratio: Spread;
}

function sideOf(events: number, runs: Timed[]): SideFigures {
  const latencies = runs.flatMap((run) => run.latenciesMs);
  const cpu = totalCpu(runs.map((run) => run.cpu));
  const perEvent = (seconds: number) => (seconds * 1e6) / (events * runs.length);
  return {
    eventsPerSecond: spreadOf(runs.map((run) => events / run.seconds)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    ...(cpu
      ? {
          cpuPerEvent: {
            client: perEvent(cpu.client),
            server: perEvent(cpu.server),
            database: perEvent(cpu.database),
          },
        }
      : {}),
  };
}

/** A timed run with the CPU time each process spent on it, where /proc tells. */
async function withCpu(serverPid: number | undefined, run: () => Promise<Timed>): Promise<Timed> {
  const before = cpuSecondsNow(serverPid);
  const timed = await run();
  const after = cpuSecondsNow(serverPid);
  return before && after ? { ...timed, cpu: cpuBetween(before, after) } : timed;
}

/**
 * Runs `pairs` pairs of runs, our push and raw inserts of the same fresh events, alternating
 * which goes first (ours, raw, raw, ours, …) so that neither always meets a warmer or a fuller
 * table; summarises each side and the ratio of each pair. With the server's process id, each
 * side's CPU time is split between the bench, the server and PostgreSQL.
 */
export async function alternatedRuns(
  pairs: number,
  events: number,
  pair: (index: number) => Promise<{ ours: () => Promise<Timed>; raw: () => Promise<Timed> }>,
  serverPid?: number,
): Promise<Pick<ComparedFigures, 'events' | 'runs' | 'http' | 'raw' | 'ratio'>> {
  const ours: Timed[] = [];
  const raw: Timed[] = [];
  for (let index = 0; index < pairs; index += 1) {
    const run = await pair(index);
    const timeOurs = async () => ours.push(await withCpu(serverPid, run.ours));
    const timeRaw = async () => raw.push(await withCpu(serverPid, run.raw));
    if (index % 2 === 0) {
      await timeOurs();
      await timeRaw();
    } else {
      await timeRaw();
      await timeOurs();
    }
  }
  return {
    events,
    runs: pairs,
    http: sideOf(events, ours),
    raw: sideOf(events, raw),
    ratio: spreadOf(ours.map((run, i) => raw[i]!.seconds / run.seconds)),
  };
}

/** A warm-up round and five counted pairs, alternated. */
const PAIRS = 5;
const WARM_UP_EVENTS_PER_DEVICE = 2_000;

interface BenchDevice {
  deviceId: string;
  deviceToken: string;
  events: LearningEvent[];
  /** Request bodies, serialised before timing: a phone does that work, not the server. */
  bodies: string[];
}

async function registerDevices(origin: string, eventsPerDevice: number): Promise<BenchDevice[]> {
  return Promise.all(
    Array.from({ length: DEVICES }, async () => {
      const deviceId = newRandomId();
      const deviceToken = await registerDevice(origin, deviceId);
      const events = eventBatch(deviceId, eventsPerDevice);
      return { deviceId, deviceToken, events, bodies: pushBodies(deviceId, events, BATCH) };
    }),
  );
}

/** Every device's pushes, one connection each, every device at once, each push timed. */
async function timeHttpPush(origin: string, devices: BenchDevice[]): Promise<Timed> {
  return timePushes(
    origin,
    devices.map((device) => ({ token: device.deviceToken, bodies: device.bodies })),
  );
}

const batchesOf = (devices: BenchDevice[]) => devices.map((d) => chunks(d.events, BATCH));

/**
 * Push throughput through HTTP (Fastify, validation, idempotent insert) next to raw multi-row
 * inserts of the same events into a twin table, on the same database, in one run: a warm-up
 * round of both that is not counted, then alternated pairs of runs.
 */
export async function measurePush(): Promise<ComparedFigures> {
  const db = await openBenchDatabase();
  await migrate(db);
  await db.exec('CREATE TABLE events_raw (LIKE events INCLUDING ALL)');
  const server = await startBenchServer(db, await benchDatabaseUrl('bench'));
  const origin = server.url;
  const warmUp = await registerDevices(origin, WARM_UP_EVENTS_PER_DEVICE);
  await timeHttpPush(origin, warmUp);
  await timeRawLanes(db, batchesOf(warmUp));
  const figures = await alternatedRuns(
    PAIRS,
    DEVICES * EVENTS_PER_DEVICE,
    async () => {
      const devices = await registerDevices(origin, EVENTS_PER_DEVICE);
      return {
        ours: () => timeHttpPush(origin, devices),
        raw: () => timeRawLanes(db, batchesOf(devices)),
      };
    },
    server.pid,
  );
  await server.close();
  await expectSameEventsStored(db);
  if (db.kind === 'postgres') await db.exec('DROP SCHEMA bench CASCADE');
  await db.close();
  return {
    database: db.kind,
    server: server.where,
    requests: DEVICES * Math.ceil(EVENTS_PER_DEVICE / BATCH),
    ...figures,
  };
}
