import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { IssuerKey } from '../../src/protocol';
import { publicKeyOf, publicKeyToMultibase } from '../../src/domain/certificates/keys.ts';
import type { Database } from '../db/database';

/**
 * What a key signs: certificates (`issuer_keys`, `ISSUER_PRIVATE_KEY`) or content packs
 * (`content_keys`, `CONTENT_PRIVATE_KEY`). Both are kept, published, rotated and revoked alike.
 */
export type KeyPurpose = 'certificates' | 'content';

const STORE: Record<KeyPurpose, { table: string; variable: string }> = {
  certificates: { table: 'issuer_keys', variable: 'ISSUER_PRIVATE_KEY' },
  content: { table: 'content_keys', variable: 'CONTENT_PRIVATE_KEY' },
};

/** The key that signs new certificates (or content packs) now. */
export interface SigningKey {
  keyId: string;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

interface KeyRow {
  key_id: string;
  public_key_multibase: string;
  private_key: Uint8Array | null;
  valid_from: Date;
  revoked_at: Date | null;
}

/** A short, stable id from the public key: the same key always has the same id. */
export function keyIdOf(publicKey: Uint8Array): string {
  return `k${base64urlnopad.encode(sha256(publicKey)).slice(0, 8)}`;
}

/** `ISSUER_PRIVATE_KEY` (or `CONTENT_PRIVATE_KEY`): the 32-byte Ed25519 seed in base64url. */
export function parsePrivateKey(text: string, variable = STORE.certificates.variable): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(text.trim());
  } catch {
    throw new Error(`${variable} must be a base64url Ed25519 seed (43 characters)`);
  }
  if (bytes.length !== 32) throw new Error(`${variable} must hold exactly 32 bytes`);
  return bytes;
}

export function generatePrivateKey(): string {
  return base64urlnopad.encode(ed25519.utils.randomSecretKey());
}

async function insertKey(
  db: Database,
  privateKey: Uint8Array,
  store: boolean,
  purpose: KeyPurpose,
): Promise<void> {
  const publicKey = publicKeyOf(privateKey);
  await db.query(
    `INSERT INTO ${STORE[purpose].table} (key_id, public_key_multibase, private_key) VALUES ($1, $2, $3)
     ON CONFLICT (key_id) DO NOTHING`,
    [keyIdOf(publicKey), publicKeyToMultibase(publicKey), store ? privateKey : null],
  );
}

/**
 * The current signing key: from configuration (published, never stored) when given, else the
 * newest stored key that is not revoked, generated and stored at first start.
 */
export async function currentSigningKey(
  db: Database,
  configured?: string,
  purpose: KeyPurpose = 'certificates',
): Promise<SigningKey> {
  const { table, variable } = STORE[purpose];
  if (configured) {
    const privateKey = parsePrivateKey(configured, variable);
    await insertKey(db, privateKey, false, purpose);
    const publicKey = publicKeyOf(privateKey);
    const keyId = keyIdOf(publicKey);
    const [row] = await db.query<KeyRow>(`SELECT * FROM ${table} WHERE key_id = $1`, [keyId]);
    if (row?.revoked_at) throw new Error(`${variable} is the revoked key ${keyId}`);
    return { keyId, privateKey, publicKey };
  }
  const newest = async () =>
    (
      await db.query<KeyRow>(
        `SELECT * FROM ${table} WHERE private_key IS NOT NULL AND revoked_at IS NULL
         ORDER BY valid_from DESC, key_id LIMIT 1`,
      )
    )[0];
  let row = await newest();
  if (!row) {
    await insertKey(db, ed25519.utils.randomSecretKey(), true, purpose);
    row = await newest();
  }
  if (!row?.private_key) throw new Error(`No key could be stored in ${table}`);
  const privateKey = new Uint8Array(row.private_key);
  return { keyId: row.key_id, privateKey, publicKey: publicKeyOf(privateKey) };
}

/** Rotation: a new stored key signs from now on; the old ones stay published. */
export async function rotateIssuerKey(db: Database): Promise<string> {
  const privateKey = ed25519.utils.randomSecretKey();
  await insertKey(db, privateKey, true, 'certificates');
  return keyIdOf(publicKeyOf(privateKey));
}

/** A revoked key: every certificate it signed fails verification from now on. */
export async function revokeIssuerKey(db: Database, keyId: string): Promise<boolean> {
  const rows = await db.query<{ key_id: string }>(
    `UPDATE issuer_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL
     RETURNING key_id`,
    [keyId],
  );
  return rows.length > 0;
}

/** Every key ever used, as published (never a private key). */
export async function publishedKeys(
  db: Database,
  purpose: KeyPurpose = 'certificates',
): Promise<IssuerKey[]> {
  const rows = await db.query<KeyRow>(
    `SELECT key_id, public_key_multibase, valid_from, revoked_at FROM ${STORE[purpose].table}
     ORDER BY valid_from, key_id`,
  );
  return rows.map((row) => ({
    keyId: row.key_id,
    publicKeyMultibase: row.public_key_multibase,
    validFrom: new Date(row.valid_from).toISOString(),
    ...(row.revoked_at ? { revokedAt: new Date(row.revoked_at).toISOString() } : {}),
  }));
}
