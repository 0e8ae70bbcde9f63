import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { addCarriedFile, makeCarryFile, storeCarrySealKey } from '../../src/data/carry';
import { HocSoDatabase } from '../../src/data/db';
import { recordEvent } from '../../src/data/learning';
import { getDeviceId } from '../../src/data/meta';
import { createDexieSyncStore } from '../../src/data/syncStore';
import { createCarryApi, deviceCarryStep } from '../../src/sync/carry';
import { createSyncEngine, type SyncEngine } from '../../src/sync/engine';
import { createSyncApi } from '../../src/sync/http';
import type { Database } from '../db/database';
import type { FaultyNetwork } from './faultSchedules';

/**
 * Carry to sync in the fault schedules: a phone of nobody signed in records learning, seals
 * it into files the account's phones carry, and syncs itself now and then. A file is carried
 * at once, twice (by both phones), late (after newer requests), or never.
 */
export type CarryFate = 'now' | 'twice' | 'late' | 'never';

export interface CarryPhone {
  db: HocSoDatabase;
  network: FaultyNetwork;
  engine: SyncEngine;
  profileId: string;
  recorded: string[];
  /** Files whose fate is `late`, handed to a carrier when held requests arrive. */
  held: string[];
  /** How many files were made and what became of them, over the schedule. */
  fates: Record<CarryFate, number>;
}

/**
 * An anonymous phone that keeps the server's sealing key (as after a first visit) but has not
 * registered yet: the server may first meet it through a carried file.
 */
export async function carryPhone(name: string, network: FaultyNetwork): Promise<CarryPhone> {
  const local = new HocSoDatabase(name);
  const profileId = randomUUID();
  await local.profiles.add({ id: profileId, name: 'Bà Tư', createdAt: new Date().toISOString() });
  const carryApi = createCarryApi('http://app.test', network.fetch);
  await storeCarrySealKey(await carryApi.sealKey(), local);
  const engine = createSyncEngine({
    api: createSyncApi('http://app.test', network.fetch),
    store: createDexieSyncStore(local),
    beforePush: deviceCarryStep(carryApi, local),
    onStatus: (status) => {
      if (process.env.DEBUG_FAULTS) console.log(name, status);
    },
    batchSize: 3,
    pullLimit: 4,
    baseRetryMs: 60_000,
    isOnline: () => true,
  });
  const fates = { now: 0, twice: 0, late: 0, never: 0 };
  return { db: local, network, engine, profileId, recorded: [], held: [], fates };
}

/** The phone records a lesson, then seals every record still waiting into a file. */
export async function carryOnce(
  phone: CarryPhone,
  fate: CarryFate,
  carriers: HocSoDatabase[],
  lesson: number,
): Promise<void> {
  const event = await recordEvent(
    phone.profileId,
    'lesson.completed',
    { courseId: 'course-c', lessonId: `lesson-${lesson % 5}` },
    phone.db,
  );
  phone.recorded.push(event.id);
  const made = await makeCarryFile(phone.db);
  if (!made.ok) throw new Error(`no carry file: ${made.problem}`);
  phone.fates[fate] += 1;
  if (fate === 'late') phone.held.push(made.text);
  else if (fate !== 'never') {
    for (const carrier of fate === 'twice' ? carriers : carriers.slice(0, 1)) {
      await addCarriedFile(made.text, carrier);
    }
  }
}

/** The files held back reach the last carrier now, after newer ones. */
export async function deliverHeldFiles(phone: CarryPhone, carriers: HocSoDatabase[]) {
  for (const text of phone.held.splice(0).reverse()) {
    await addCarriedFile(text, carriers[carriers.length - 1]!);
  }
}

/**
 * Every record the carry phone made is on the server once, as the device's own; its outbox is
 * empty; every carried file reached the server (stored or already there), none refused.
 */
export async function expectCarriedConverged(
  db: Database,
  phone: CarryPhone,
  carriers: HocSoDatabase[],
): Promise<void> {
  const deviceId = await getDeviceId(phone.db);
  const stored = await db.query<{ id: string; copies: number }>(
    `SELECT id::text AS id, count(*)::int AS copies FROM events
     WHERE owner_id = $1 GROUP BY id ORDER BY id`,
    [`device:${deviceId}`],
  );
  expect(stored.map((r) => r.id)).toEqual([...phone.recorded].sort());
  expect(stored.every((r) => r.copies === 1)).toBe(true);
  expect(await phone.db.outbox.count()).toBe(0);
  for (const carrier of carriers) {
    const states = (await carrier.carrying.toArray()).map((row) => row.state);
    expect(states.filter((state) => state === 'waiting' || state === 'refused')).toEqual([]);
  }
}
