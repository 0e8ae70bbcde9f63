import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { publicKeyOf, publicKeyToMultibase } from '../domain/certificates/keys';
import { signPack } from '../domain/content/packSignature';
import { outlineOfCourse, type ContentManifestEntry } from '../protocol';
import {
  courseFileOf,
  installCourseFile,
  installPack,
  removePack,
  saveCatalogue,
  saveContentSignatures,
} from './content';
import { database } from './db';
import { StorageFullError } from './errors';

const [compiled] = compileContent('content');
const pack = compiled!.pack;
const bytes = new TextEncoder().encode(compiled!.json);
const entry: ContentManifestEntry = {
  id: pack.id,
  version: pack.version,
  hash: compiled!.hash,
  url: `/content/packs/${pack.id}.json`,
  bytes: bytes.byteLength,
  lastChecked: compiled!.lastChecked,
  courses: pack.courses.map(outlineOfCourse),
  walkthroughs: [],
};
const privateKey = ed25519.utils.randomSecretKey();
const signatures = {
  keys: [
    {
      keyId: 'kcontent',
      publicKeyMultibase: publicKeyToMultibase(publicKeyOf(privateKey)),
      validFrom: '2026-01-01T00:00:00Z',
    },
  ],
  packs: [{ ...entry, signature: signPack(entry, 'kcontent', privateKey) }].map(
    ({ id, version, bytes: size, hash, signature }) => ({
      id,
      version,
      bytes: size,
      hash,
      signature,
    }),
  ),
};

/** Everything of the content on this phone, to compare before and after. */
async function snapshot() {
  const db = database();
  return {
    packs: (await db.packs.toArray()).map(({ id, hash }) => ({ id, hash })),
    courses: (await db.courses.toArray()).map((course) => course.id).sort(),
    sources: (await db.packSources.toArray()).map(({ id, hash }) => ({ id, hash })),
    signatures: (await db.packSignatures.toArray()).map((row) => row.hash),
  };
}

/** Phone A: pinned the keys, downloaded the pack; its course file. */
async function savedOnPhoneA(): Promise<Uint8Array> {
  await saveCatalogue([entry]);
  await saveContentSignatures(signatures);
  await installPack(pack, entry.hash, { bytes, entry });
  const file = await courseFileOf(pack.id);
  if (typeof file === 'string') throw new Error(file);
  await database().delete({ disableAutoOpen: false });
  return file.bytes;
}

/** Phone B: its first visit saved the catalogue and pinned the keys, nothing downloaded. */
async function phoneB(): Promise<void> {
  await saveCatalogue([entry]);
  await saveContentSignatures({ ...signatures, packs: [] });
}

describe('courses passed phone to phone as files', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });

  it('a phone saves a pack it downloaded; another installs it offline and can pass it on', async () => {
    const file = await savedOnPhoneA();
    await phoneB();
    expect(await courseFileOf(pack.id)).toBe('absent');
    expect(await installCourseFile(file)).toEqual({
      ok: true,
      packId: pack.id,
      alreadyInstalled: false,
    });
    const db = database();
    expect((await db.courses.toArray()).map((course) => course.id).sort()).toEqual(
      pack.courses.map((course) => course.id).sort(),
    );
    expect(await db.packs.get(pack.id)).toMatchObject({ version: pack.version, hash: entry.hash });
    // Phone B kept the signature that came with the file: it can pass the course on in turn.
    const again = await courseFileOf(pack.id);
    expect(typeof again === 'string' ? again : 'a file').toBe('a file');
    expect(await installCourseFile(file)).toEqual({
      ok: true,
      packId: pack.id,
      alreadyInstalled: true,
    });
  });

  it('cannot save a pack it holds no signature of, nor one it removed', async () => {
    await saveCatalogue([entry]);
    await installPack(pack, entry.hash, { bytes, entry });
    expect(await courseFileOf(pack.id)).toBe('unsigned');
    await removePack(pack.id);
    expect(await courseFileOf(pack.id)).toBe('absent');
  });

  it('changes nothing when it refuses a file', async () => {
    const file = await savedOnPhoneA();
    await phoneB();
    const before = await snapshot();
    const cut = file.slice(0, file.byteLength - 20);
    expect(await installCourseFile(cut)).toEqual({ ok: false, reason: 'truncated' });
    const db = database();
    await db.contentKeys.clear();
    expect(await installCourseFile(file)).toEqual({ ok: false, reason: 'foreign' });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves the previous state intact when the disk is full', async () => {
    const file = await savedOnPhoneA();
    await phoneB();
    const before = await snapshot();
    const db = database();
    const failOnFull = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.packSources.hook('creating', failOnFull);
    await expect(installCourseFile(file)).rejects.toBeInstanceOf(StorageFullError);
    db.packSources.hook('creating').unsubscribe(failOnFull);
    expect(await snapshot()).toEqual(before);
    expect(await installCourseFile(file)).toMatchObject({ ok: true });
  });
});
