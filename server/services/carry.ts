import { base64urlnopad } from '@scure/base';
import {
  OLDEST_READABLE_RECORDS,
  PROTOCOL_VERSION,
  type CarriedResponse,
  type CarryReceipts,
  type CarrySealKey,
  type PushResponse,
  type RecordRef,
} from '../../src/protocol';
import {
  carryKeyIdOf,
  newCarryOpenKey,
  openCarryFile,
  type CarryOpenKey,
} from '../../src/domain/carry/seal.ts';
import type { Database } from '../db/database';
import { ownerOfDevice } from './devices';
import { pushRecords } from './recordSync';

interface KeyRow {
  key_id: string;
  public_key: string;
  private_key: Uint8Array;
}

async function keyRows(db: Database): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT key_id, public_key, private_key FROM carry_keys ORDER BY created_at DESC, key_id`,
  );
}

/** The key new carry files are sealed for: made and stored at first use. */
export async function currentCarryKey(db: Database): Promise<CarrySealKey> {
  let newest = (await keyRows(db))[0];
  if (!newest) {
    const { privateKey, publicKey } = newCarryOpenKey();
    // Two servers starting at once may both make one: the newest is used, both still open.
    await db.query(
      `INSERT INTO carry_keys (key_id, public_key, private_key) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [carryKeyIdOf(publicKey), base64urlnopad.encode(publicKey), privateKey],
    );
    newest = (await keyRows(db))[0];
  }
  if (!newest) throw new Error('No carry key could be stored');
  return { keyId: newest.key_id, publicKey: newest.public_key };
}

async function openKeys(db: Database): Promise<CarryOpenKey[]> {
  return (await keyRows(db)).map((row) => ({
    keyId: row.key_id,
    privateKey: new Uint8Array(row.private_key),
  }));
}

/**
 * The device's key as the server holds it. A device never met gets the key the file names,
 * with no token (it registers later with that key); a registered device keeps its own.
 */
async function keyOfDevice(db: Database, deviceId: string, named: string): Promise<string | null> {
  await db.query(
    `INSERT INTO devices (id, token_hash, public_key) VALUES ($1, NULL, $2)
     ON CONFLICT (id) DO NOTHING`,
    [deviceId, named],
  );
  const rows = await db.query<{ public_key: string | null }>(
    `SELECT public_key FROM devices WHERE id = $1`,
    [deviceId],
  );
  return rows[0]?.public_key ?? null;
}

async function alreadyReceived(db: Database, bundleId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM carried_bundles WHERE bundle_id = $1`, [bundleId]);
  return rows.length > 0;
}

/**
 * Opens a carried file and stores its records exactly as the device's own push would (the same
 * handlers, refusals and idempotent ids), then notes the bundle with its outcome. A replay, or
 * two carriers forwarding one file at once, stores nothing twice: records are kept by id, and
 * only one row of the bundle is ever written.
 */
export async function receiveCarried(db: Database, file: unknown): Promise<CarriedResponse> {
  const opened = await openCarryFile(file, await openKeys(db));
  if (!opened.ok) return { outcome: 'refused', reason: opened.reason };
  const { deviceId, devicePublicKey, bundle } = opened.opened;
  const { protocolVersion } = bundle;
  if (protocolVersion < OLDEST_READABLE_RECORDS || protocolVersion > PROTOCOL_VERSION) {
    return { outcome: 'refused', reason: 'protocol_mismatch' };
  }
  const held = await keyOfDevice(db, deviceId, devicePublicKey);
  if (!held) return { outcome: 'refused', reason: 'device_key_unknown' };
  if (held !== devicePublicKey) return { outcome: 'refused', reason: 'bad_signature' };
  if (await alreadyReceived(db, bundle.bundleId)) return { outcome: 'already_received' };
  const caller = { kind: 'device' as const, deviceId, ownerId: ownerOfDevice(deviceId) };
  const pushed = await pushRecords(db, caller, {
    protocolVersion: bundle.protocolVersion,
    deviceId,
    records: bundle.records,
  });
  const stored = await db.query(
    `INSERT INTO carried_bundles (bundle_id, device_id, counter, accepted, refused)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) ON CONFLICT (bundle_id) DO NOTHING RETURNING 1`,
    [
      bundle.bundleId,
      deviceId,
      bundle.counter,
      JSON.stringify(pushed.accepted),
      JSON.stringify(pushed.refused),
    ],
  );
  return stored.length === 1 ? { outcome: 'stored' } : { outcome: 'already_received' };
}

/** What arrived of a device's carried bundles, newest last, for the device to settle. */
export async function carryReceipts(db: Database, deviceId: string): Promise<CarryReceipts> {
  const rows = await db.query<{
    bundle_id: string;
    received_at: Date;
    accepted: RecordRef[];
    refused: PushResponse['refused'];
  }>(
    `SELECT bundle_id, received_at, accepted, refused FROM carried_bundles
     WHERE device_id = $1 ORDER BY received_at, bundle_id`,
    [deviceId],
  );
  return {
    receipts: rows.map((row) => ({
      bundleId: row.bundle_id,
      receivedAt: new Date(row.received_at).toISOString(),
      accepted: row.accepted,
      refused: row.refused,
    })),
  };
}
