import { base64urlnopad } from '@scure/base';
import type { IssuerKey, PackSignature, SignedPack } from '../../protocol';
import { multibaseToPublicKey, signEd25519, verifyEd25519 } from '../certificates/keys.ts';

/** The bytes a content key signs of a pack: a fixed label, then its id, version, size and hash. */
export function packSigningInput({ id, version, bytes, hash }: SignedPack): Uint8Array {
  return new TextEncoder().encode(`hocso-content-pack/1\n${id}\n${version}\n${bytes}\n${hash}`);
}

export function signPack(pack: SignedPack, keyId: string, privateKey: Uint8Array): PackSignature {
  return {
    keyId,
    value: base64urlnopad.encode(signEd25519(packSigningInput(pack), privateKey)),
  };
}

/**
 * Whether a pack's signature holds: 'foreign' when no content key this phone trusts (or only a
 * revoked one) has its key id, 'altered' when the key's signature does not match.
 */
export function checkPackSignature(
  pack: SignedPack,
  signature: PackSignature,
  keys: readonly IssuerKey[],
): 'valid' | 'foreign' | 'altered' {
  const key = keys.find((candidate) => candidate.keyId === signature.keyId);
  const publicKey = key && !key.revokedAt ? multibaseToPublicKey(key.publicKeyMultibase) : null;
  if (!publicKey) return 'foreign';
  let value: Uint8Array;
  try {
    value = base64urlnopad.decode(signature.value);
  } catch {
    return 'altered';
  }
  return verifyEd25519(value, packSigningInput(pack), publicKey) ? 'valid' : 'altered';
}
