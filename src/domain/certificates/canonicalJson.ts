import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON (RFC 8785, JCS) for the values a credential holds: strings, finite numbers,
 * booleans, null, arrays and plain objects. Keys sort by UTF-16 code units (JS's default sort),
 * strings and numbers serialise as ECMAScript's JSON.stringify does, as JCS specifies.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** sha-256 (lowercase hex) of the credential's canonical JSON: the hash the QR code carries. */
export function credentialHash(credential: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(credential))));
}
