import type { ContentSignaturesResponse } from '../../src/protocol';
import { signPack } from '../../src/domain/content/packSignature.ts';
import { builtManifest } from '../certificates/catalog';
import type { Database } from '../db/database';
import { currentSigningKey, publishedKeys } from './issuerKeys';

let signed: { keyId: string; packs: ContentSignaturesResponse['packs'] } | undefined;

/**
 * The content keys and this build's packs signed with the current one. The build compiles the
 * packs and their hashes; this server vouches for the ones it serves, at run time, with its own
 * key (from CONTENT_PRIVATE_KEY, or generated and stored at first start), so no key ever reaches
 * the build machine. Signed once per key: the packs do not change while the process runs.
 */
export async function contentSignatures(
  db: Database,
  configured: string | undefined,
): Promise<ContentSignaturesResponse> {
  const key = await currentSigningKey(db, configured, 'content');
  if (signed?.keyId !== key.keyId) {
    signed = {
      keyId: key.keyId,
      packs: builtManifest().packs.map(({ id, version, bytes, hash }) => {
        const pack = { id, version, bytes, hash };
        return { ...pack, signature: signPack(pack, key.keyId, key.privateKey) };
      }),
    };
  }
  return { keys: await publishedKeys(db, 'content'), packs: signed.packs };
}
