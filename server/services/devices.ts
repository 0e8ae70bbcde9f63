import { createHash, randomBytes } from 'node:crypto';
import { deviceKeyProofMessage, type DeviceKey } from '../../src/protocol';
import { verifyDeviceSignature } from '../../src/domain/carry/seal.ts';
import type { Database } from '../db/database';

export interface Device {
  id: string;
  /** Whose data the device's events are: the device itself until accounts exist. */
  ownerId: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function ownerOfDevice(deviceId: string): string {
  return `device:${deviceId}`;
}

/** Whether the device holds the private half of the key it names. */
export function provesKey(deviceId: string, key: DeviceKey): boolean {
  return verifyDeviceSignature(deviceKeyProofMessage(deviceId, key), key.proof, key.publicKey);
}

/** How far a proof's time may be from the server's for it to replace a device's token. */
const FRESH_PROOF_MS = 10 * 60_000;

function isFresh(key: DeviceKey): boolean {
  return Math.abs(Date.now() - Date.parse(key.signedAt)) <= FRESH_PROOF_MS;
}

/**
 * Registers a new device and returns its token, shown once and stored only as a hash.
 * Returns null when the id is already registered: a device id is not a secret, so knowing one
 * must never be enough to take over that device's data. A device the server first met through
 * a carried file has its key and no token: it gets one by proving it holds that key. A device
 * whose registration answer was lost registers again with a fresh proof of its key (signed in
 * the last 10 minutes by the phone's clock) and gets a new token, the old one ended.
 */
export async function registerDevice(
  db: Database,
  deviceId: string,
  key?: DeviceKey,
): Promise<string | null> {
  if (key && !provesKey(deviceId, key)) return null;
  const token = randomBytes(32).toString('base64url');
  const rows = await db.query<{ id: string }>(
    `INSERT INTO devices (id, token_hash, public_key) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash
       WHERE devices.public_key = excluded.public_key AND (devices.token_hash IS NULL OR $4)
     RETURNING id`,
    [deviceId, hashToken(token), key?.publicKey ?? null, key ? isFresh(key) : false],
  );
  return rows.length === 1 ? token : null;
}

/** Names a registered device's signing key, once: a key already named never changes. */
export async function setDeviceKey(db: Database, deviceId: string, key: DeviceKey) {
  if (!provesKey(deviceId, key)) return 'unproven';
  const rows = await db.query<{ public_key: string }>(
    `UPDATE devices SET public_key = coalesce(public_key, $2) WHERE id = $1 RETURNING public_key`,
    [deviceId, key.publicKey],
  );
  return rows[0]?.public_key === key.publicKey ? 'stored' : 'other_key';
}

/** Finds the device a token belongs to; notes when it was last seen, at most every 10 minutes. */
export async function authenticateDevice(db: Database, token: string): Promise<Device | null> {
  const rows = await db.query<{ id: string; stale: boolean }>(
    `SELECT id, coalesce(last_seen_at < now() - interval '10 minutes', true) AS stale
     FROM devices WHERE token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.id]);
  return { id: row.id, ownerId: ownerOfDevice(row.id) };
}
