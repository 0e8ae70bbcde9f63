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
