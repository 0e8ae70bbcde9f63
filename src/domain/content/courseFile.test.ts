// @vitest-environment node
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../scripts/content/compile';
import { gunzip, gzip } from '../../lib/gzip';
import {
  COURSE_FILE_FORMAT,
  outlineOfCourse,
  type ContentManifestEntry,
  type IssuerKey,
} from '../../protocol';
import { publicKeyOf, publicKeyToMultibase } from '../certificates/keys';
import { readCourseFile, encodeCourseFile, type PhoneContent } from './courseFile';
import { signPack } from './packSignature';

const [compiled, otherCompiled] = compileContent('content');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function keyPair(keyId: string) {
  const privateKey = ed25519.utils.randomSecretKey();
  const key: IssuerKey = {
    keyId,
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(privateKey)),
    validFrom: '2026-01-01T00:00:00Z',
  };
  return { privateKey, key };
}
const server = keyPair('kserver');
const stranger = keyPair('kother');

function entryOf(json: string, version = compiled!.pack.version): ContentManifestEntry {
  return {
    id: compiled!.pack.id,
    version,
    hash: sha256(json),
    url: `/content/packs/${compiled!.pack.id}.json`,
    bytes: Buffer.byteLength(json),
    lastChecked: compiled!.lastChecked,
    courses: compiled!.pack.courses.map(outlineOfCourse),
    walkthroughs: [],
  };
}

/** A course file of the first pack (or of other bytes), signed by `signer`. */
async function fileOf({
  json = compiled!.json,
  version = compiled!.pack.version,
  signer = server,
} = {}) {
  const entry = entryOf(json, version);
  const signature = signPack(entry, signer.key.keyId, signer.privateKey);
  return encodeCourseFile({ entry, signature, pack: json });
}

/** A phone that pinned the server's key and lists the pack at its version, holding none. */
function phone(overrides: Partial<PhoneContent> = {}): PhoneContent {
  return {
    keys: [server.key],
    catalogue: [{ id: compiled!.pack.id, version: compiled!.pack.version }],
    installed: [],
    ...overrides,
  };
}

const reasonOf = async (bytes: Uint8Array, on = phone()) => {
  const check = await readCourseFile(bytes, on);
  return check.ok ? 'accepted' : check.reason;
};

describe('a course file', () => {
  it('holds the pack exactly, its catalogue entry and the signature, gzipped', async () => {
    const bytes = await fileOf();
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    // The pack's text is about a quarter of its size once gzipped.
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(compiled!.json) / 2);
    const json = JSON.parse(new TextDecoder().decode(await gunzip(bytes))) as Record<
      string,
      unknown
    >;
    expect(json.format).toBe(COURSE_FILE_FORMAT);
    expect(json.pack).toBe(compiled!.json);
    const check = await readCourseFile(bytes, phone());
    expect(check.ok && check.pack).toEqual(compiled!.pack);
    expect(check.ok && check.alreadyInstalled).toBe(false);
  });

  it('is also read as plain JSON, and says when the phone already holds exactly this pack', async () => {
    const plain = await gunzip(await fileOf());
    const held = { id: compiled!.pack.id, version: compiled!.pack.version, hash: compiled!.hash };
    const check = await readCourseFile(plain, phone({ installed: [held] }));
    expect(check.ok && check.alreadyInstalled).toBe(true);
  });

  it('accepts an older version than the catalogue lists when the phone holds none or an older one', async () => {
    const older = compiled!.pack.version - 1;
    const json = JSON.stringify({ ...compiled!.pack, version: older });
    const held = { id: compiled!.pack.id, version: older - 1, hash: 'f'.repeat(64) };
    expect(await reasonOf(await fileOf({ json, version: older }))).toBe('accepted');
    expect(
      await reasonOf(await fileOf({ json, version: older }), phone({ installed: [held] })),
    ).toBe('accepted');
  });

  it('refuses what is not a course file: a photo, a text, other JSON', async () => {
    expect(await reasonOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(
      'notCourseFile',
    );
    expect(await reasonOf(new TextEncoder().encode('Xin chào'))).toBe('notCourseFile');
    expect(await reasonOf(new TextEncoder().encode('{"name":"photo"}'))).toBe('notCourseFile');
    expect(await reasonOf(await gzip(new TextEncoder().encode('[1,2,3]')))).toBe('notCourseFile');
    expect(await reasonOf(new Uint8Array())).toBe('notCourseFile');
  });

  it('refuses a file cut short, gzipped or plain', async () => {
    const bytes = await fileOf();
    expect(await reasonOf(bytes.slice(0, Math.floor(bytes.byteLength / 2)))).toBe('truncated');
    expect(await reasonOf(bytes.slice(0, bytes.byteLength - 4))).toBe('truncated');
    const plain = await gunzip(bytes);
    expect(await reasonOf(plain.slice(0, plain.byteLength - 10))).toBe('truncated');
  });

  it('refuses a file altered after it was signed: its pack, its signed entry or its signature', async () => {
    // One digit of the pack changed (same size), alone or with the hash in the entry.
    const changed = compiled!.json.replace(
      /"minutes":(\d)/,
      (_, d: string) => '"minutes":' + String((Number(d) + 1) % 10),
    );
    expect(changed.length).toBe(compiled!.json.length);
    const file = JSON.parse(new TextDecoder().decode(await gunzip(await fileOf()))) as {
      entry: ContentManifestEntry;
      pack: string;
      signature: { keyId: string; value: string };
    };
    const reencode = (value: unknown) => gzip(new TextEncoder().encode(JSON.stringify(value)));
    const withPack = { ...file, pack: changed };
    expect(await reasonOf(await reencode(withPack))).toBe('altered');
    const withEntry = { ...withPack, entry: entryOf(changed) };
    expect(await reasonOf(await reencode(withEntry))).toBe('altered');
    const version = { ...file, entry: { ...file.entry, version: file.entry.version + 1 } };
    expect(await reasonOf(await reencode(version))).toBe('altered');
    const flipped = file.signature.value.startsWith('A') ? 'B' : 'A';
    const signature = { ...file.signature, value: flipped + file.signature.value.slice(1) };
    expect(await reasonOf(await reencode({ ...file, signature }))).toBe('altered');
    // A signed pack whose bytes name another pack is refused too.
    const renamed = JSON.stringify({ ...compiled!.pack, id: otherCompiled!.pack.id });
    expect(await reasonOf(await fileOf({ json: renamed }))).toBe('altered');
    // A file in our format with a field broken is altered, not some other file.
    expect(await reasonOf(await reencode({ ...file, signature: { keyId: 'k' } }))).toBe('altered');
    // A byte flipped inside the gzip stream fails its checksum.
    const bytes = await fileOf();
    bytes[Math.floor(bytes.byteLength / 2)]! ^= 0xff;
    expect(['altered', 'truncated']).toContain(await reasonOf(bytes));
  });

  it('refuses a file signed by a key this phone does not trust, or by a revoked one', async () => {
    expect(await reasonOf(await fileOf({ signer: stranger }))).toBe('foreign');
    // Another server that named its key as ours: the signature does not hold with our key.
    const impostor = { ...stranger, key: { ...stranger.key, keyId: server.key.keyId } };
    expect(await reasonOf(await fileOf({ signer: impostor }))).toBe('altered');
    const revoked = { ...server.key, revokedAt: '2026-06-01T00:00:00Z' };
    expect(await reasonOf(await fileOf(), phone({ keys: [revoked] }))).toBe('foreign');
    expect(await reasonOf(await fileOf(), phone({ keys: [] }))).toBe('foreign');
  });

  it('refuses a genuine pack this app does not list, or newer than it knows', async () => {
    expect(await reasonOf(await fileOf(), phone({ catalogue: [] }))).toBe('unknown');
    const newer = compiled!.pack.version + 1;
    const json = JSON.stringify({ ...compiled!.pack, version: newer });
    expect(await reasonOf(await fileOf({ json, version: newer }))).toBe('newer');
  });

  it('refuses a genuine pack older than the version the phone holds', async () => {
    const held = {
      id: compiled!.pack.id,
      version: compiled!.pack.version + 1,
      hash: 'e'.repeat(64),
    };
    const catalogue = [{ id: compiled!.pack.id, version: compiled!.pack.version + 1 }];
    expect(await reasonOf(await fileOf(), phone({ installed: [held], catalogue }))).toBe('older');
  });
});
