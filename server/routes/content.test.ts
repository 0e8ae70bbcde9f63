import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSignaturesResponseSchema } from '../../src/protocol';
import { checkPackSignature } from '../../src/domain/content/packSignature.ts';
import { builtManifest } from '../certificates/catalog';
import type { Database } from '../db/database';
import { contentSignatures } from '../services/contentSignatures';
import { generatePrivateKey, publishedKeys } from '../services/issuerKeys';
import { testBackends, testServer } from '../testing';

const backends = await testBackends();

describe.each(backends)('content signatures on %s', (backend) => {
  let app: Awaited<ReturnType<typeof testServer>>['app'];
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await testServer(backend));
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs every pack of the build with a published content key, to anyone', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/content/signatures' });
    expect(response.statusCode).toBe(200);
    const answer = contentSignaturesResponseSchema.parse(response.json());
    const manifest = builtManifest();
    expect(answer.packs.map((pack) => pack.id)).toEqual(manifest.packs.map((pack) => pack.id));
    expect(answer.keys).toHaveLength(1);
    for (const pack of answer.packs) {
      const entry = manifest.packs.find((candidate) => candidate.id === pack.id)!;
      expect(pack).toMatchObject({ version: entry.version, bytes: entry.bytes, hash: entry.hash });
      expect(checkPackSignature(pack, pack.signature, answer.keys)).toBe('valid');
      // The signature covers the hash: another hash does not verify.
      const other = { ...pack, hash: pack.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
      expect(checkPackSignature(other, pack.signature, answer.keys)).toBe('altered');
    }
    // The content key is not an issuer key: a certificate verifier does not trust it.
    const issuerIds = (await publishedKeys(db)).map((key) => key.keyId);
    expect(issuerIds).not.toContain(answer.keys[0]!.keyId);
  });

  it('a configured content key signs from then on, is never stored, and the old one stays published', async () => {
    const before = await contentSignatures(db, undefined);
    const configured = await contentSignatures(db, generatePrivateKey());
    const newKey = configured.packs[0]!.signature.keyId;
    expect(newKey).not.toBe(before.packs[0]!.signature.keyId);
    expect(configured.keys.map((key) => key.keyId)).toEqual(
      expect.arrayContaining([before.keys[0]!.keyId, newKey]),
    );
    const [row] = await db.query<{ private_key: unknown }>(
      `SELECT private_key FROM content_keys WHERE key_id = $1`,
      [newKey],
    );
    expect(row).toEqual({ private_key: null });
    await expect(contentSignatures(db, 'AAAA')).rejects.toThrow(/CONTENT_PRIVATE_KEY/);
  });
});
