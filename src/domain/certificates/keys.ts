import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';

/** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_PUB = [0xed, 0x01] as const;

/** An Ed25519 public key as a Multikey `publicKeyMultibase` (`z6Mk...`). */
export function publicKeyToMultibase(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new TypeError('an Ed25519 public key has 32 bytes');
  return `z${base58.encode(Uint8Array.from([...ED25519_PUB, ...publicKey]))}`;
}

/** The 32 key bytes, or null when the text is not an Ed25519 Multikey. */
export function multibaseToPublicKey(multibase: string): Uint8Array | null {
  if (!multibase.startsWith('z')) return null;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(multibase.slice(1));
  } catch {
    return null;
  }
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) {
    return null;
  }
  return bytes.slice(2);
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(privateKey);
}

export function signEd25519(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, privateKey);
}

/** Strict RFC 8032 verification (no ZIP-215 leniency); never throws. */
export function verifyEd25519(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
