import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { freshDatabase, testBackends } from '../testing';
import {
  currentSigningKey,
  generatePrivateKey,
  parsePrivateKey,
  publishedKeys,
  revokeIssuerKey,
  rotateIssuerKey,
} from './issuerKeys';

const backends = await testBackends();

describe.each(backends)('issuer keys on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(() => db.close());

  it('generates one key at first start, stores it, and keeps using it', async () => {
    const first = await currentSigningKey(db);
    const again = await currentSigningKey(db);
    expect(again.keyId).toBe(first.keyId);
    expect(again.privateKey).toEqual(first.privateKey);
    expect((await publishedKeys(db)).map((k) => k.keyId)).toEqual([first.keyId]);
  });

  it('a configured key signs, is published, and its private key is never stored', async () => {
    const seed = generatePrivateKey();
    const configured = await currentSigningKey(db, seed);
    expect(configured.privateKey).toEqual(parsePrivateKey(seed));
    const [row] = await db.query<{ private_key: unknown }>(
      `SELECT private_key FROM issuer_keys WHERE key_id = $1`,
      [configured.keyId],
    );
    expect(row).toEqual({ private_key: null });
    expect((await publishedKeys(db)).map((k) => k.keyId)).toContain(configured.keyId);
    await revokeIssuerKey(db, configured.keyId);
    await expect(currentSigningKey(db, seed)).rejects.toThrow(/revoked/);
  });

  it('refuses a malformed ISSUER_PRIVATE_KEY with a clear message', async () => {
    await expect(currentSigningKey(db, 'not a key')).rejects.toThrow(/base64url/);
    await expect(currentSigningKey(db, 'AAAA')).rejects.toThrow(/32 bytes/);
  });

  it('rotation: the new key signs; the old one stays published; a revoked one is marked', async () => {
    const old = await currentSigningKey(db);
    const fresh = await rotateIssuerKey(db);
    expect((await currentSigningKey(db)).keyId).toBe(fresh);
    expect(await revokeIssuerKey(db, old.keyId)).toBe(true);
    expect(await revokeIssuerKey(db, old.keyId)).toBe(false);
    const published = await publishedKeys(db);
    expect(published.find((k) => k.keyId === old.keyId)?.revokedAt).toBeDefined();
    expect(published.find((k) => k.keyId === fresh)?.revokedAt).toBeUndefined();
  });
});
