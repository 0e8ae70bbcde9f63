import { Encoder, Tag } from 'cbor-x';
import fc from 'fast-check';
import { unzlibSync, zlibSync } from 'fflate';
import type { CompactClaims } from '../protocol/certificates.ts';
import { base45Decode, base45Encode } from '../domain/certificates/base45.ts';
import { COMPACT_PREFIX } from '../domain/certificates/compactCode.ts';

/**
 * Mutations of compact certificate codes for the property test: bytes, characters, and signed
 * fields changed under the original signature. Key ids tried: kOther, kNope, kTestKey1x.
 */
const cbor = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
});
function bytesOf(text: string): Uint8Array {
  return base45Decode(text.slice(COMPACT_PREFIX.length))!;
}
function textOf(compressed: Uint8Array): string {
  return COMPACT_PREFIX + base45Encode(compressed);
}

/** The COSE parts of a code, for forging: [protected, unprotected, payload, signature]. */
function coseParts(text: string): unknown[] {
  return (cbor.decode(unzlibSync(bytesOf(text))) as Tag).value as unknown[];
}
function fromParts(parts: unknown[]): string {
  return textOf(zlibSync(cbor.encode(new Tag(parts, 18)), { level: 9, mem: 8 }));
}

export type Mutation =
  | { kind: 'char'; at: number; char: string }
  | { kind: 'insert'; at: number; char: string }
  | { kind: 'delete'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'bit'; at: number; bit: number }
  | { kind: 'field'; field: keyof CompactClaims; value: string }
  | { kind: 'kid'; keyId: string }
  | { kind: 'unprotected'; value: number };

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.constantFrom(...ALPHABET.split('')),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    char: fc.constantFrom(...ALPHABET.split('')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant('bit' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom<keyof CompactClaims>(
      'certificateId',
      'credentialHash',
      'holderName',
      'courseId',
      'courseTitle',
      'level',
      'issuedOn',
    ),
    value: fc.string({ minLength: 1, maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('kid' as const),
    keyId: fc.constantFrom('kOther', 'kNope', 'kTestKey1x'),
  }),
  fc.record({ kind: fc.constant('unprotected' as const), value: fc.integer() }),
);

const FIELD_KEYS: Record<keyof CompactClaims, number> = {
  certificateId: 1,
  credentialHash: 2,
  holderName: 3,
  courseId: 4,
  courseTitle: 5,
  level: 6,
  issuedOn: 7,
  keyId: 8,
};

/**
 * A changed claim under the original signature: what a forger without the key can try. The
 * payload is rebuilt by hand, so the new value need not even be a valid claim.
 */
function withField(text: string, field: keyof CompactClaims, value: string) {
  const [protectedBytes, unprotected, payload, signature] = coseParts(text);
  const map = cbor.decode(payload as Uint8Array) as Map<number, unknown>;
  const key = FIELD_KEYS[field];
  const old = map.get(key);
  if (old instanceof Uint8Array) {
    const copy = Uint8Array.from(old);
    copy[value.length % copy.length]! ^= 1;
    map.set(key, copy);
  } else if (typeof old === 'number') {
    map.set(key, old + 1 + (value.length % 3));
  } else {
    map.set(key, old === value ? `${value}x` : value);
  }
  return fromParts([protectedBytes, unprotected, cbor.encode(map), signature]);
}

export function mutate(text: string, m: Mutation): string {
  const body = text.slice(COMPACT_PREFIX.length);
  const bytes = bytesOf(text);
  switch (m.kind) {
    case 'char': {
      const at = m.at % text.length;
      return text.slice(0, at) + m.char + text.slice(at + 1);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.char + text.slice(at);
    }
    case 'delete': {
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 'truncate':
      return COMPACT_PREFIX + body.slice(0, m.at % body.length);
    case 'byte': {
      const copy = bytes.slice();
      copy[m.at % copy.length] = m.value;
      return textOf(copy);
    }
    case 'bit': {
      const copy = bytes.slice();
      copy[m.at % copy.length]! ^= 1 << m.bit;
      return textOf(copy);
    }
    case 'field':
      return withField(text, m.field, m.value);
    case 'kid': {
      const parts = coseParts(text);
      const header = cbor.encode(
        new Map<number, unknown>([
          [1, -8],
          [4, new TextEncoder().encode(m.keyId)],
        ]),
      );
      return fromParts([header, parts[1], parts[2], parts[3]]);
    }
    case 'unprotected': {
      const parts = coseParts(text);
      return fromParts([parts[0], new Map([[4, m.value]]), parts[2], parts[3]]);
    }
  }
}
