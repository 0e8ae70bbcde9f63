import { deviceKeyProofMessage, type DeviceKey } from '../protocol';
import {
  newDeviceSigningKey,
  signWithDeviceKey,
  type DeviceSigningKey,
} from '../domain/carry/seal';
import { database, type HocSoDatabase } from './db';
import { getDeviceId, readMeta, writeMeta } from './meta';

/** This device's signing key: made once, on first need, and kept on the phone only. */
export async function deviceSigningKey(db: HocSoDatabase = database()): Promise<DeviceSigningKey> {
  return db.transaction('rw', db.meta, async () => {
    const saved = await db.meta.get('deviceSigningKey');
    if (typeof saved?.value === 'string') return JSON.parse(saved.value) as DeviceSigningKey;
    const key = newDeviceSigningKey();
    await db.meta.put({ key: 'deviceSigningKey', value: JSON.stringify(key) });
    return key;
  });
}

/** The device's public key with its proof, as registration and `PUT /api/devices/key` take it. */
export async function deviceKeyClaim(db: HocSoDatabase = database()): Promise<DeviceKey> {
  const key = await deviceSigningKey(db);
  const deviceId = await getDeviceId(db);
  const claim = { publicKey: key.publicKey, signedAt: new Date().toISOString() };
  return { ...claim, proof: signWithDeviceKey(deviceKeyProofMessage(deviceId, claim), key) };
}

export async function isDeviceKeyNamed(db: HocSoDatabase = database()): Promise<boolean> {
  return (await readMeta('deviceKeyNamed', db)) === 1;
}

export async function markDeviceKeyNamed(db: HocSoDatabase = database()): Promise<void> {
  await writeMeta('deviceKeyNamed', 1, db);
}
