import { newRandomId } from '../lib/ids';
import { database, type HocSoDatabase } from './db';
import type { MetaKey } from './rows';

export async function readMeta(
  key: MetaKey,
  db: HocSoDatabase = database(),
): Promise<string | number | undefined> {
  return (await db.meta.get(key))?.value;
}

export async function writeMeta(
  key: MetaKey,
  value: string | number,
  db: HocSoDatabase = database(),
): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(key: MetaKey, db: HocSoDatabase = database()): Promise<void> {
  await db.meta.delete(key);
}

/** Reads a value, or creates and stores it in the same transaction (safe with several tabs). */
async function readOrCreate(
  key: MetaKey,
  create: () => Promise<string>,
  db: HocSoDatabase = database(),
): Promise<string> {
  return db.transaction('rw', db.meta, db.profiles, async () => {
    const existing = await db.meta.get(key);
    if (typeof existing?.value === 'string') return existing.value;
    const value = await create();
    await db.meta.put({ key, value });
    return value;
  });
}

/** This device's id: created once, on first start, and never changed. */
export function getDeviceId(db: HocSoDatabase = database()): Promise<string> {
  return readOrCreate('deviceId', () => Promise.resolve(newRandomId()), db);
}

/** The profile used until people add their own; created on first start. */
export function getDefaultProfileId(): Promise<string> {
  return readOrCreate('defaultProfileId', async () => {
    const id = newRandomId();
    await database().profiles.add({ id, name: '', createdAt: new Date().toISOString() });
    return id;
  });
}
