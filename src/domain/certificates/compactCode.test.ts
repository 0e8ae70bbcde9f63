// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompactClaims, IssuerKey } from '../../protocol/certificates.ts';
import { mutate, mutationArb } from '../../test/compactMutations.ts';
import { base45Decode, base45Encode } from './base45.ts';
import { decodeCompact, encodeCompact, verifyCompact } from './compactCode.ts';
import { publicKeyOf, publicKeyToMultibase } from './keys.ts';

const seed = (n: number) => Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + n) & 0xff);
const SECRET = seed(1);
const OTHER_SECRET = seed(2);
const KEY_ID = 'kTestKey1';
const keys: IssuerKey[] = [
  {
    keyId: KEY_ID,
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(SECRET)),
    validFrom: '2026-01-01T00:00:00.000Z',
  },
  {
    keyId: 'kOther',
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(OTHER_SECRET)),
    validFrom: '2026-01-01T00:00:00.000Z',
  },
];
const none = new Set<string>();

const typical: CompactClaims = {
  certificateId: '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b',
  credentialHash: 'ab'.repeat(32),
  holderName: 'Nguyễn Thị Minh Khai',
  courseId: 'cashless-payments',
  courseTitle: 'Thanh toán không dùng tiền mặt và VietQR an toàn',
  level: 'basic',
  issuedOn: '2026-11-28',
  keyId: KEY_ID,
};

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/);
const words = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃẦẤỄỆỞỮỲÝỴỶỸ'.split('')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((cs) => cs.join(''));
const phrase = (max: number) =>
  fc
    .array(words, { minLength: 1, maxLength: 6 })
    .map((w) => w.join(' ').slice(0, max).trim() || 'A');
const claimsArb: fc.Arbitrary<CompactClaims> = fc.record({
  certificateId: fc.uuid({ version: 4 }),
  credentialHash: fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')),
  holderName: phrase(80),
  courseId: slug,
  courseTitle: phrase(120),
  level: fc.constantFrom('basic', 'intermediate', 'advanced'),
  issuedOn: fc
    .integer({ min: 19000, max: 40000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  keyId: fc.constant(KEY_ID),
});

describe('base45 (RFC 9285)', () => {
  it('matches the RFC examples and refuses what is not canonical', () => {
    const enc = (s: string) => base45Encode(new TextEncoder().encode(s));
    expect(enc('AB')).toBe('BB8');
    expect(enc('Hello!!')).toBe('%69 VD92EX0');
    expect(enc('base-45')).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0')!)).toBe('ietf!');
    expect(base45Decode('GGW')).toBeNull(); // 65536+ is out of range
    expect(base45Decode('ZZ')).toBeNull(); // a tail over 255
    expect(base45Decode('A')).toBeNull();
    expect(base45Decode('ab')).toBeNull();
  });
});

describe('compact certificate code', () => {
  it('a typical certificate fits a version 10-13 QR code and decodes to its claims', () => {
    const text = encodeCompact(typical, SECRET, KEY_ID);
    expect(text.startsWith('HS1:')).toBe(true);
    // Version 13 at level M holds 483 alphanumeric characters.
    expect(text.length).toBeLessThanOrEqual(483);
    expect(decodeCompact(text)).toEqual({ claims: typical, keyId: KEY_ID });
    expect(verifyCompact(text, keys, none)).toEqual({ status: 'valid', claims: typical });
  });

  it('says revoked, unknown issuer or tampered, and never throws on junk', () => {
    const text = encodeCompact(typical, SECRET, KEY_ID);
    expect(verifyCompact(text, keys, new Set([typical.certificateId])).status).toBe('revoked');
    const revokedKey = keys.map((k) => ({ ...k, revokedAt: '2026-12-01T00:00:00.000Z' }));
    expect(verifyCompact(text, revokedKey, none).status).toBe('revoked');
    expect(verifyCompact(text, keys.slice(1), none).status).toBe('unknown_issuer');
    for (const junk of ['', 'HS1:', 'HS2:ABC', 'HS1:abc', 'HS1:' + 'A'.repeat(3000)]) {
      expect(verifyCompact(junk, keys, none).status).toBe('tampered');
      expect('error' in decodeCompact(junk)).toBe(true);
    }
    expect(decodeCompact(42 as unknown as string)).toEqual({ error: 'prefix' });
  });

  it('a code printed today verifies for ever: a fixed vector (a library upgrade that changes it breaks printed codes)', () => {
    // Ed25519 signatures are deterministic, and the decoder accepts only the encoder's own zlib
    // stream: if fflate or cbor-x ever write other bytes, this fails before any printed code does.
    const printed =
      'HS1:NCFOXNYTSMAHO.JKL6$S45GNUO77RQ6E8*1PLVH*VHR$2WH7Y-OC3OH+60$L6.NUR6BZG3IDDCGZJ8Q16H*MDPSY3R$*GKYH:WNAW2OP6+E6TZNOD2OBBVQI+QHGKE%SH%ZEGD23QE2YU2MHRK5CM8CF2ORUOOV/03LA5Q1D86S+7JXBIO8F8AIALP-FNNA6AD4*NS4:T6E1N3HM55C%CJ/I2Z0-T4XFG$16IPCM9CJO1N-S4ZGQD7.E8M0DHOSWNV6RTM4CK4PNXAYIR1UFRQPWOUN1J42RD UP.EA+51Z4CXED3VH0IT:5$99NYTP/9*JE3KEW-VM-2-8U6CSRKPUCDATF3H0U$I$DF';
    expect(encodeCompact(typical, SECRET, KEY_ID)).toBe(printed);
    expect(verifyCompact(printed, keys, none)).toEqual({ status: 'valid', claims: typical });
  });

  it('refuses claims signed under another key id than the one claimed', () => {
    expect(() => encodeCompact(typical, SECRET, 'kOther')).toThrow(TypeError);
  });

  it('a key that is not the issuer’s cannot sign: same claims, other key, other key id', () => {
    const forged = encodeCompact(typical, OTHER_SECRET, KEY_ID);
    expect(verifyCompact(forged, keys, none).status).toBe('tampered');
  });
});

describe('compact code under mutation (property)', () => {
  // A pool of signed originals with random claims; every case mutates one of them.
  const pool = fc.sample(claimsArb, { numRuns: 40, seed: 6 }).map((claims) => ({
    claims,
    text: encodeCompact(claims, SECRET, KEY_ID),
  }));

  it('accepts every original: random claims round-trip and verify', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const text = encodeCompact(claims, SECRET, KEY_ID);
        const result = verifyCompact(text, keys, none);
        return (
          result.status === 'valid' && JSON.stringify(result.claims) === JSON.stringify(claims)
        );
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('rejects every one of 10,000 mutated codes (bytes, characters and signed fields)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.nat(pool.length - 1), mutationArb, (index, mutation) => {
        const { text } = pool[index]!;
        const mutated = mutate(text, mutation);
        fc.pre(mutated !== text);
        checked += 1;
        return verifyCompact(mutated, keys, none).status !== 'valid';
      }),
      { numRuns: 10_000, seed: 20261128 },
    );
    expect(checked).toBeGreaterThanOrEqual(9_900);
    for (const { text } of pool) expect(verifyCompact(text, keys, none).status).toBe('valid');
  }, 180_000);
});
