import { createHash, randomBytes } from 'node:crypto';
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

/**
 * Registers a new device and returns its token, shown once and stored only as a hash.
 * Returns null when the id is already registered: a device id is not a secret, so knowing one
 * must never be enough to take over that device's data.
 */
export async function registerDevice(db: Database, deviceId: string): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const rows = await db.query<{ id: string }>(
    `INSERT INTO devices (id, token_hash) VALUES ($1, $2)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [deviceId, hashToken(token)],
  );
  return rows.length === 1 ? token : null;
}

export async function authenticateDevice(db: Database, token: string): Promise<Device | null> {
  const rows = await db.query<{ id: string }>(
    `UPDATE devices SET last_seen_at = now() WHERE token_hash = $1 RETURNING id`,
    [hashToken(token)],
  );
  const id = rows[0]?.id;
  return id ? { id, ownerId: ownerOfDevice(id) } : null;
}
