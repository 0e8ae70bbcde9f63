import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Encoder, Tag } from 'cbor-x';
import { unzlibSync, zlibSync } from 'fflate';

import {
  CERTIFICATE_LEVELS,
  compactClaimsSchema,
  type CompactClaims,
  type IssuerKey,
  type VerifyStatus,
} from '../../protocol/certificates.ts';
import { base45Decode, base45Encode } from './base45.ts';
import { multibaseToPublicKey, signEd25519, verifyEd25519 } from './keys.ts';

/**
 * The compact certificate code a QR holds: `HS1:` + base45(zlib(COSE_Sign1)), signed with
 * Ed25519 (COSE alg -8), the key id in the protected header. The format is a contract: a printed
 * code must verify for ever, so DO NOT CHANGE IT; a new format gets a new prefix.
 *
 * Decoding is strict: every layer must be exactly what the encoder writes (re-encoding the
 * decoded value gives back the same bytes), so a changed byte anywhere is rejected, not only a
 * changed byte under the signature.
 */
export const COMPACT_PREFIX = 'HS1:';
const MAX_TEXT = 2000;
const COSE_SIGN1_TAG = 18;
const ALG_EDDSA = -8;
const ZLIB = { level: 9, mem: 8 } as const;
const DAY_MS = 86_400_000;

const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
});

/**
 * cbor-x hands out Node Buffers on Node; noble and our checks want plain Uint8Arrays of this
 * realm (jsdom, workers): every byte string is copied into one.
 */
function plain(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes);
}

const cbor = {
  encode: (value: unknown): Uint8Array => plain(encoder.encode(value)),
  decode: (bytes: Uint8Array): unknown => encoder.decode(bytes),
};

export type CompactCodeError = 'prefix' | 'encoding' | 'compression' | 'structure' | 'claims';
export type DecodedCompact = { claims: CompactClaims; keyId: string };
export type VerifyResult = { status: VerifyStatus; claims?: CompactClaims };

type Parsed = DecodedCompact & { signed: Uint8Array; signature: Uint8Array };

function uuidBytes(uuid: string): Uint8Array {
  return hexToBytes(uuid.replaceAll('-', ''));
}

function bytesUuid(bytes: Uint8Array): string {
  const h = bytesToHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function claimsMap(claims: CompactClaims): Map<number, unknown> {
  return new Map<number, unknown>([
    [1, uuidBytes(claims.certificateId)],
    [2, hexToBytes(claims.credentialHash)],
    [3, claims.holderName],
    [4, claims.courseId],
    [5, claims.courseTitle],
    [6, CERTIFICATE_LEVELS.indexOf(claims.level)],
    [7, Math.floor(Date.parse(`${claims.issuedOn}T00:00:00Z`) / DAY_MS)],
    [8, claims.keyId],
  ]);
}

function protectedHeader(keyId: string): Uint8Array {
  return cbor.encode(
    new Map<number, unknown>([
      [1, ALG_EDDSA],
      [4, utf8ToBytes(keyId)],
    ]),
  );
}

function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return cbor.encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Signs the claims into the code text (the server uses it; the key must match claims.keyId). */
export function encodeCompact(
  claims: CompactClaims,
  privateKey: Uint8Array,
  keyId: string,
): string {
  const checked = compactClaimsSchema.parse(claims);
  if (checked.keyId !== keyId) throw new TypeError('claims.keyId must be the signing key id');
  const protectedBytes = protectedHeader(keyId);
  const payload = cbor.encode(claimsMap(checked));
  const signature = signEd25519(sigStructure(protectedBytes, payload), privateKey);
  const cose = cbor.encode(
    new Tag([protectedBytes, new Map(), payload, signature], COSE_SIGN1_TAG),
  );
  return COMPACT_PREFIX + base45Encode(plain(zlibSync(cose, ZLIB)));
}

function decodeCbor(bytes: Uint8Array): unknown {
  try {
    const value: unknown = cbor.decode(bytes);
    return sameBytes(cbor.encode(value), bytes) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isBytes = (v: unknown): v is Uint8Array =>
  ArrayBuffer.isView(v) && (v.constructor.name === 'Uint8Array' || v.constructor.name === 'Buffer');

function readClaims(payload: Uint8Array): CompactClaims | null {
  const map = decodeCbor(payload);
  if (!(map instanceof Map) || map.size !== 8) return null;
  const [id, hash, name, course, title, level, day, keyId] = [1, 2, 3, 4, 5, 6, 7, 8].map((k) =>
    map.get(k),
  );
  if (!isBytes(id) || id.length !== 16 || !isBytes(hash) || hash.length !== 32) return null;
  const [idBytes, hashBytes] = [plain(id), plain(hash)];
  if (typeof level !== 'number' || typeof day !== 'number' || !Number.isSafeInteger(day)) {
    return null;
  }
  if (day < 0 || day > 100_000) return null;
  const parsed = compactClaimsSchema.safeParse({
    certificateId: bytesUuid(idBytes),
    credentialHash: bytesToHex(hashBytes),
    holderName: name,
    courseId: course,
    courseTitle: title,
    level: CERTIFICATE_LEVELS[level],
    issuedOn: new Date(day * DAY_MS).toISOString().slice(0, 10),
    keyId,
  });
  if (!parsed.success) return null;
  return sameBytes(cbor.encode(claimsMap(parsed.data)), payload) ? parsed.data : null;
}

function readKeyId(protectedBytes: Uint8Array): string | null {
  const map = decodeCbor(protectedBytes);
  if (!(map instanceof Map) || map.size !== 2 || map.get(1) !== ALG_EDDSA) return null;
  const kid = map.get(4);
  if (!isBytes(kid)) return null;
  const keyId = new TextDecoder('utf-8', { fatal: false }).decode(plain(kid));
  return sameBytes(protectedHeader(keyId), protectedBytes) ? keyId : null;
}

function parse(text: string): Parsed | { error: CompactCodeError } {
  if (typeof text !== 'string' || !text.startsWith(COMPACT_PREFIX) || text.length > MAX_TEXT) {
    return { error: 'prefix' };
  }
  const compressed = base45Decode(text.slice(COMPACT_PREFIX.length));
  if (!compressed) return { error: 'encoding' };
  let cose: Uint8Array;
  try {
    cose = plain(unzlibSync(compressed));
  } catch {
    return { error: 'compression' };
  }
  // Only the encoder's own zlib stream is accepted: no second spelling of the same bytes.
  if (!sameBytes(plain(zlibSync(cose, ZLIB)), compressed)) return { error: 'compression' };
  const tagged = decodeCbor(cose);
  if (!(tagged instanceof Tag) || tagged.tag !== COSE_SIGN1_TAG) return { error: 'structure' };
  const parts: unknown = tagged.value;
  if (!Array.isArray(parts) || parts.length !== 4) return { error: 'structure' };
  const [protectedBytes, unprotected, payload, signature] = parts as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) {
    return { error: 'structure' };
  }
  if (!(unprotected instanceof Map) || unprotected.size !== 0 || signature.length !== 64) {
    return { error: 'structure' };
  }
  const keyId = readKeyId(plain(protectedBytes));
  if (keyId === null) return { error: 'structure' };
  const claims = readClaims(plain(payload));
  if (!claims || claims.keyId !== keyId) return { error: 'claims' };
  return {
    claims,
    keyId,
    signed: sigStructure(plain(protectedBytes), plain(payload)),
    signature: plain(signature),
  };
}

/** The claims and key id of a code, unverified; never throws on bad input. */
export function decodeCompact(text: string): DecodedCompact | { error: CompactCodeError } {
  const parsed = parse(text);
  return 'error' in parsed ? parsed : { claims: parsed.claims, keyId: parsed.keyId };
}

/**
 * Verifies a code offline against the published issuer keys and the revocation list.
 * Pure: the same inputs give the same answer on every device.
 */
export function verifyCompact(
  text: string,
  keys: readonly IssuerKey[],
  revoked: ReadonlySet<string>,
): VerifyResult {
  const parsed = parse(text);
  if ('error' in parsed) return { status: 'tampered' };
  const key = keys.find((k) => k.keyId === parsed.keyId);
  const publicKey = key ? multibaseToPublicKey(key.publicKeyMultibase) : null;
  if (!key || !publicKey) return { status: 'unknown_issuer' };
  if (!verifyEd25519(parsed.signature, parsed.signed, publicKey)) return { status: 'tampered' };
  if (key.revokedAt !== undefined || revoked.has(parsed.claims.certificateId)) {
    return { status: 'revoked', claims: parsed.claims };
  }
  return { status: 'valid', claims: parsed.claims };
}
