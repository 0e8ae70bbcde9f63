/**
 * Encryption at rest for the team toolkit, with the browser's own WebCrypto: a key derived
 * from the volunteer's passphrase with PBKDF2-SHA-256 (random salt, many iterations), and
 * AES-GCM with a fresh random 12-byte IV for every blob. The key is never stored or exported.
 */
export const VAULT_ITERATIONS = 600_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** A fixed text encrypted with the key: if it decrypts, the passphrase was right. */
const VERIFIER_TEXT = 'hoc-so team vault v1';

/** What is kept on the device: IV and ciphertext (with its GCM tag), both base64. */
export interface SealedBlob {
  iv: string;
  data: string;
}

/** The passphrase was wrong (or the blob was altered): AES-GCM authentication failed. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor(options?: { cause?: unknown }) {
    super('The passphrase does not open this log', options);
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/** The 256 bits of the log key, derived with PBKDF2-SHA-256: in memory only, never stored as they are. */
export async function deriveKeyBytes(
  passphrase: string,
  salt: string,
  iterations = VAULT_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

/** The AES-GCM key of those bits; it cannot be exported, so it never leaves memory as bytes. */
export function importVaultKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Derives the AES-GCM key (the same key a PBKDF2 deriveKey of 256 bits gives). */
export async function deriveKey(
  passphrase: string,
  salt: string,
  iterations = VAULT_ITERATIONS,
): Promise<CryptoKey> {
  return importVaultKey(await deriveKeyBytes(passphrase, salt, iterations));
}

/**
 * A random AES-GCM key made by the browser that can never be exported: kept in IndexedDB as a
 * CryptoKey object, it seals the log key for one day, and scripts can use it but never read it.
 */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, value: unknown): Promise<SealedBlob> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

export async function open<T = unknown>(key: CryptoKey, blob: SealedBlob): Promise<T> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(blob.iv) },
      key,
      fromBase64(blob.data),
    );
  } catch (cause) {
    throw new WrongPassphraseError({ cause });
  }
  return JSON.parse(decoder.decode(plain)) as T;
}

export function makeVerifier(key: CryptoKey): Promise<SealedBlob> {
  return seal(key, VERIFIER_TEXT);
}

/** Resolves when the key opens the verifier; throws WrongPassphraseError when it does not. */
export async function checkVerifier(key: CryptoKey, verifier: SealedBlob): Promise<void> {
  if ((await open(key, verifier)) !== VERIFIER_TEXT) throw new WrongPassphraseError();
}
