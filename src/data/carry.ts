import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { newRandomId } from '../lib/ids';
import {
  carryFileSchema,
  carrySealKeySchema,
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  type CarriedResponse,
  type CarryReceipts,
  type CarrySealKey,
} from '../protocol';
import { sealCarryBundle } from '../domain/carry/seal';
import { deviceSigningKey } from './deviceKey';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import { getDeviceId, readMeta, writeMeta } from './meta';
import type { CarryingRow, CarryMadeRow } from './rows';
import { createDexieSyncStore } from './syncStore';

/** Keeps the server's sealing key, so a bundle can be made later with no connection. */
export async function storeCarrySealKey(key: CarrySealKey, db = database()): Promise<void> {
  await writeMeta('carrySealKey', JSON.stringify(key), db);
}

async function carrySealKey(db: HocSoDatabase): Promise<CarrySealKey | null> {
  const saved = await readMeta('carrySealKey', db);
  if (typeof saved !== 'string') return null;
  const parsed = carrySealKeySchema.safeParse(JSON.parse(saved));
  return parsed.success ? parsed.data : null;
}

export async function hasCarrySealKey(db: HocSoDatabase = database()): Promise<boolean> {
  return (await carrySealKey(db)) !== null;
}

/** Whether a bundle this phone made still waits for its receipt. */
export async function awaitsCarryReceipts(db: HocSoDatabase = database()): Promise<boolean> {
  return (await db.carryMade.where('state').equals('waiting').count()) > 0;
}

export type MadeCarryFile =
  | { ok: true; text: string; count: number; counter: number }
  | { ok: false; problem: 'nothing_waiting' | 'no_seal_key' };

/**
 * Seals the device's waiting records (its anonymous profiles', up to one push batch) for the
 * server, signed with the device key, and remembers the bundle until its receipt arrives.
 * The file holds every record still waiting, even those an earlier bundle holds: whichever
 * arrives first stores them, the other changes nothing.
 */
export async function makeCarryFile(db: HocSoDatabase = database()): Promise<MadeCarryFile> {
  const sealKey = await carrySealKey(db);
  if (!sealKey) return { ok: false, problem: 'no_seal_key' };
  const { records } = await createDexieSyncStore(db).pendingRecords(MAX_PUSH_BATCH);
  if (records.length === 0) return { ok: false, problem: 'nothing_waiting' };
  const deviceId = await getDeviceId(db);
  const key = await deviceSigningKey(db);
  const counter = await db.transaction('rw', db.meta, async () => {
    const next = Number((await db.meta.get('carryCounter'))?.value ?? 0) + 1;
    await db.meta.put({ key: 'carryCounter', value: next });
    return next;
  });
  const bundle = {
    protocolVersion: PROTOCOL_VERSION,
    bundleId: newRandomId(),
    counter,
    createdAt: new Date().toISOString(),
    records,
  };
  const file = await sealCarryBundle(bundle, deviceId, key, sealKey);
  await guardStorage(() =>
    db.carryMade.add({
      bundleId: bundle.bundleId,
      counter,
      createdAt: bundle.createdAt,
      count: records.length,
      records: records.map(({ kind, id }) => ({ kind, id })),
      state: 'waiting',
    }),
  );
  return { ok: true, text: JSON.stringify(file), count: records.length, counter };
}

/**
 * Settles the bundles whose receipt arrived: their records as if the device had pushed them
 * (accepted ones leave the outbox, refused ones keep their reason), each bundle marked arrived.
 */
export async function settleCarryReceipts(
  { receipts }: CarryReceipts,
  db: HocSoDatabase = database(),
): Promise<number> {
  const waiting = new Set(await db.carryMade.where('state').equals('waiting').primaryKeys());
  const store = createDexieSyncStore(db);
  let settled = 0;
  for (const receipt of receipts) {
    if (!waiting.has(receipt.bundleId)) continue;
    await store.settleReceipt(receipt);
    await db.carryMade.update(receipt.bundleId, {
      state: 'arrived',
      arrivedAt: receipt.receivedAt,
    });
    settled += 1;
  }
  return settled;
}

export type AddedCarried = 'added' | 'already_here' | 'malformed';

/** Keeps a file another phone made, to forward once this phone is online and signed in. */
export async function addCarriedFile(
  text: string,
  db: HocSoDatabase = database(),
): Promise<AddedCarried> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  if (!carryFileSchema.safeParse(parsed).success) return 'malformed';
  const id = bytesToHex(sha256(utf8ToBytes(text)));
  return guardStorage(() =>
    db.transaction('rw', db.carrying, async () => {
      if (await db.carrying.get(id)) return 'already_here';
      await db.carrying.add({
        id,
        file: text,
        addedAt: new Date().toISOString(),
        state: 'waiting',
      });
      return 'added';
    }),
  );
}

/** Calls `onMore` whenever another carried file is added, so it is forwarded soon. */
export function watchWaitingCarried(
  onMore: () => void,
  db: HocSoDatabase = database(),
): () => void {
  let last = Number.POSITIVE_INFINITY;
  const subscription = liveQuery(() =>
    db.carrying.where('state').equals('waiting').count(),
  ).subscribe({
    next: (count) => {
      if (count > last) onMore();
      last = count;
    },
  });
  return () => subscription.unsubscribe();
}

export async function waitingCarried(db: HocSoDatabase = database()): Promise<CarryingRow[]> {
  return db.carrying.where('state').equals('waiting').sortBy('addedAt');
}

/** What the server answered of a carried file. */
export async function settleCarried(
  id: string,
  answer: CarriedResponse,
  db: HocSoDatabase = database(),
): Promise<void> {
  await db.carrying.update(id, {
    state: answer.outcome,
    ...(answer.outcome === 'refused' ? { reason: answer.reason } : {}),
    settledAt: new Date().toISOString(),
  });
}

/** Bundles this phone made, newest first, for the screen. */
export function useCarryMade(): CarryMadeRow[] | undefined {
  return useLiveQuery(
    async () => (await database().carryMade.toArray()).sort((a, b) => b.counter - a.counter),
    [],
  );
}

/** Files this phone carries or carried, newest first, for the screen. */
export function useCarrying(): CarryingRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await database().carrying.toArray()).sort((a, b) => b.addedAt.localeCompare(a.addedAt)),
    [],
  );
}

export interface CarryOverview {
  /** Records of the device's anonymous profiles waiting to be sent: what a bundle holds. */
  waiting: number;
  /** A sealing key is kept, so a bundle can be made offline. */
  canMake: boolean;
  /** Someone is signed in on this phone, so carried files can be forwarded. */
  signedIn: boolean;
}

export function useCarryOverview(): CarryOverview | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const signedIn = new Set(await db.credentials.toCollection().primaryKeys());
    const entries = await db.outbox.where('state').equals('pending').toArray();
    const eventIds = entries.filter((e) => e.kind === 'learning-event').map((e) => e.recordId);
    const events = await db.events.bulkGet(eventIds);
    const waiting = events.filter((event) => event && !signedIn.has(event.profileId)).length;
    return { waiting, canMake: (await carrySealKey(db)) !== null, signedIn: signedIn.size > 0 };
  }, []);
}
