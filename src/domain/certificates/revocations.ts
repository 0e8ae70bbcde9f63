import { base64urlnopad } from '@scure/base';
import { utf8ToBytes } from '@noble/hashes/utils.js';

import {
  revocationListSchema,
  type IssuerKey,
  type RevocationList,
} from '../../protocol/certificates.ts';
import { canonicalJson } from './canonicalJson.ts';
import { multibaseToPublicKey, signEd25519, verifyEd25519 } from './keys.ts';

/** Domain separation: a revocation-list signature can never be mistaken for a code's. */
const CONTEXT = 'hocso-revocations-v1\n';

type Unsigned = Omit<RevocationList, 'signature'>;

/** The exact bytes signed: a context line, then canonical JSON of the list with sorted ids. */
export function revocationListSigningInput(list: Unsigned): Uint8Array {
  const body = { updatedAt: list.updatedAt, revoked: [...list.revoked].sort(), keyId: list.keyId };
  return utf8ToBytes(CONTEXT + canonicalJson(body));
}

export function signRevocationList(list: Unsigned, privateKey: Uint8Array): RevocationList {
  const sorted = { ...list, revoked: [...list.revoked].sort() };
  const signature = base64urlnopad.encode(
    signEd25519(revocationListSigningInput(sorted), privateKey),
  );
  return { ...sorted, signature };
}

export type RevocationCheck =
  | { ok: true; revoked: Set<string>; updatedAt: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/**
 * Checks a (perhaps cached, perhaps relayed) revocation list against the published keys: it must
 * be signed by a known key that is not revoked, so nobody in between can shorten it.
 */
export function verifyRevocationList(list: unknown, keys: readonly IssuerKey[]): RevocationCheck {
  const parsed = revocationListSchema.safeParse(list);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const key = keys.find((k) => k.keyId === parsed.data.keyId && k.revokedAt === undefined);
  const publicKey = key ? multibaseToPublicKey(key.publicKeyMultibase) : null;
  if (!publicKey) return { ok: false, reason: 'unknown_key' };
  let signature: Uint8Array;
  try {
    signature = base64urlnopad.decode(parsed.data.signature);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!verifyEd25519(signature, revocationListSigningInput(parsed.data), publicKey)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, revoked: new Set(parsed.data.revoked), updatedAt: parsed.data.updatedAt };
}
