import { newRandomId } from '../lib/ids';
import { database } from './db';
import type { MetaKey } from './rows';

export async function readMeta(key: MetaKey): Promise<string | number | undefined> {
  return (await database().meta.get(key))?.value;
}

export async function writeMeta(key: MetaKey, value: string | number): Promise<void> {
  await database().meta.put({ key, value });
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  await database().meta.delete(key);
}

/** Reads a value, or creates and stores it in the same transaction (safe with several tabs). */
async function readOrCreate(key: MetaKey, create: () => Promise<string>): Promise<string> {
  const db = database();
  return db.transaction('rw', db.meta, db.profiles, async () => {
    const existing = await db.meta.get(key);
    if (typeof existing?.value === 'string') return existing.value;
    const value = await create();
    await db.meta.put({ key, value });
    return value;
  });
}

/** This device's id: created once, on first start, and never changed. */
export function getDeviceId(): Promise<string> {
  return readOrCreate('deviceId', () => Promise.resolve(newRandomId()));
}

/** The profile used until people add their own; created on first start. */
export function getDefaultProfileId(): Promise<string> {
  return readOrCreate('defaultProfileId', async () => {
    const id = newRandomId();
    await database().profiles.add({ id, name: '', createdAt: new Date().toISOString() });
    return id;
  });
}
