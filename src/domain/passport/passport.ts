import { base64urlnopad } from '@scure/base';
import {
  COURSE_FILE_FORMAT,
  PASSPORT_FORMAT,
  passportSchema,
  type IssuerKey,
  type Passport,
  type PassportBody,
} from '../../protocol';
import { gunzip, gzip, isGzip } from '../../lib/gzip.ts';
import { canonicalJson } from '../certificates/canonicalJson.ts';
import { multibaseToPublicKey, signEd25519, verifyEd25519 } from '../certificates/keys.ts';

export const PASSPORT_EXTENSION = '.hocso';

/**
 * Why a passport is refused, each with its own message on screen:
 * - `notPassport` it is not a Học Số file at all (a photo, a document);
 * - `courseFile` it is a Học Số course file, opened in the wrong place;
 * - `truncated` it starts as a passport but is cut short;
 * - `altered` its signature does not match what it says (changed after it was issued);
 * - `foreign` signed by a key this phone does not know (another server), or a revoked one;
 * - `replayed` genuine, but already added on this phone (decided by the phone, not here).
 */
export type PassportRefusal =
  'notPassport' | 'courseFile' | 'truncated' | 'altered' | 'foreign' | 'replayed';

export const PASSPORT_REFUSALS: readonly PassportRefusal[] = [
  'notPassport',
  'courseFile',
  'truncated',
  'altered',
  'foreign',
  'replayed',
];

/** A fresh passport's file from the server, or why there is none: offline, nothing synced yet. */
export type IssuedPassport =
  | { ok: true; bytes: Uint8Array; issuedAt: string }
  | { ok: false; problem: 'offline' | 'nothing_synced' };

export type PassportCheck =
  { ok: true; passport: Passport } | { ok: false; reason: PassportRefusal };

/** The bytes the issuer key signs: the body's canonical JSON (RFC 8785), UTF-8. */
export function passportSigningInput(body: PassportBody): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body));
}

export function signPassport(body: PassportBody, privateKey: Uint8Array): Passport {
  const signature = base64urlnopad.encode(signEd25519(passportSigningInput(body), privateKey));
  return { ...body, signature };
}

/** Verifies a parsed passport against the issuer keys this phone knows (none revoked). */
export function checkPassport(passport: Passport, keys: readonly IssuerKey[]): PassportCheck {
  const { signature, ...body } = passport;
  const key = keys.find((candidate) => candidate.keyId === body.keyId);
  const publicKey = key && !key.revokedAt ? multibaseToPublicKey(key.publicKeyMultibase) : null;
  if (!publicKey) return { ok: false, reason: 'foreign' };
  let value: Uint8Array;
  try {
    value = base64urlnopad.decode(signature);
  } catch {
    return { ok: false, reason: 'altered' };
  }
  return verifyEd25519(value, passportSigningInput(body), publicKey)
    ? { ok: true, passport }
    : { ok: false, reason: 'altered' };
}

/** The passport as a file: its JSON, gzipped. */
export function encodePassportFile(passport: Passport): Promise<Uint8Array> {
  return gzip(new TextEncoder().encode(JSON.stringify(passport)));
}

/** The file's passport, or why it is not one (cut short, another kind, something else). */
async function decode(bytes: Uint8Array): Promise<Passport | PassportRefusal> {
  const gzipped = isGzip(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(gzipped ? await gunzip(bytes) : bytes);
  } catch {
    // A gzip stream that ends early fails here; other bytes are not text at all.
    return gzipped ? 'truncated' : 'notPassport';
  }
  const start = text.trimStart();
  if (start.startsWith(`{"format":"${COURSE_FILE_FORMAT}"`)) return 'courseFile';
  const startsAsOne = start.startsWith(`{"format":"${PASSPORT_FORMAT}"`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return startsAsOne ? 'truncated' : 'notPassport';
  }
  const parsed = passportSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return startsAsOne ? 'altered' : 'notPassport';
}

/** Reads and verifies a passport file's bytes. Never throws: every failure is a refusal. */
export async function readPassportFile(
  bytes: Uint8Array,
  keys: readonly IssuerKey[],
): Promise<PassportCheck> {
  const passport = await decode(bytes);
  if (typeof passport === 'string') return { ok: false, reason: passport };
  return checkPassport(passport, keys);
}
