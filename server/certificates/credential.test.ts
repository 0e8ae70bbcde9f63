import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import * as vc from '@digitalbazaar/vc';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeCompact } from '../../src/domain/certificates/compactCode.ts';
import { credentialMatchesCode } from '../../src/domain/certificates/credential.ts';
import { publicKeyToMultibase } from '../../src/domain/certificates/keys.ts';
import { signCertificate, issuerId, type IssuerSettings } from '../services/certificates';
import { keyIdOf } from '../services/issuerKeys';
import { courseCatalog } from './catalog';
import { bundledLoader, RefusedDocumentError } from './contexts';
import { signCredential, verifyCredentialProof } from './proof';

type Json = Record<string, unknown>;

const settings: IssuerSettings = { url: 'https://hocso.example.vn', name: 'Học Số' };
const privateKey = Uint8Array.from({ length: 32 }, (_, i) => i + 11);
const publicKey = ed25519.getPublicKey(privateKey);
const keyId = keyIdOf(publicKey);
const issuer = issuerId(settings);
const method = `${issuer}#${keyId}`;

/**
 * What an independent verifier needs, given locally (never fetched): the Multikey document of
 * the verification method and the issuer's controller document naming it for assertions.
 */
const verifierLoader = bundledLoader(
  new Map<string, object>([
    [
      method,
      {
        '@context': 'https://w3id.org/security/multikey/v1',
        id: method,
        type: 'Multikey',
        controller: issuer,
        publicKeyMultibase: publicKeyToMultibase(publicKey),
      },
    ],
    [issuer, { '@context': 'https://w3id.org/security/v2', id: issuer, assertionMethod: [method] }],
    ['https://w3id.org/security/v2', securityContexts.get('https://w3id.org/security/v2')!],
  ]),
);

async function independentlyVerified(credential: Json): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({ credential, suite, documentLoader: verifierLoader });
  return result.verified === true;
}

const ourVerifier = (credential: Json) =>
  verifyCredentialProof(credential, (vm) => (vm === method ? publicKey : null));

let credential: Json;
let qr: string;

beforeAll(async () => {
  const course = courseCatalog().get('cashless-payments')!;
  const signed = await signCertificate(
    settings,
    { keyId, privateKey, publicKey },
    course,
    'Nguyễn Thị Hoa',
  );
  credential = JSON.parse(signed.credential) as Json;
  qr = signed.qr;
});

describe('the full credential', () => {
  it('verifies with Digital Bazaar’s vc + eddsa-rdfc-2022 verifier, which we do not sign with', async () => {
    expect(await independentlyVerified(credential)).toBe(true);
    expect(await independentlyVerified({ ...credential, name: 'Khoá khác' })).toBe(false);
    expect(await ourVerifier(credential)).toBe(true);
    // Certificates signed before OB 3.0 conformance hold their one proof alone: still valid.
    const [proof] = credential.proof as Json[];
    expect(await ourVerifier({ ...credential, proof })).toBe(true);
    expect(await ourVerifier({ ...credential, proof: [proof, proof] })).toBe(false);
  });

  it('has every field Open Badges 3.0 requires of an OpenBadgeCredential', () => {
    const c = credential as {
      '@context': string[];
      id: string;
      type: string[];
      name: string;
      issuer: { id: string; type: string[]; name: string };
      validFrom: string;
      credentialSubject: {
        id?: string;
        type: string[];
        identifier?: {
          type: string;
          identityHash: string;
          identityType: string;
          hashed: boolean;
          salt: string;
        }[];
        achievement: {
          id: string;
          type: string[];
          name: string;
          description: string;
          criteria: { id?: string; narrative?: string };
        };
      };
      proof: Record<string, string>[];
    };
    expect(c['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(c.name).toBeTruthy();
    expect(() => new URL(c.issuer.id)).not.toThrow();
    expect(c.issuer.type).toContain('Profile');
    expect(c.issuer.name).toBe('Học Số');
    expect(Number.isNaN(Date.parse(c.validFrom))).toBe(false);
    expect(c.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const subject = c.credentialSubject;
    expect(subject.type).toContain('AchievementSubject');
    expect(subject.id !== undefined || (subject.identifier?.length ?? 0) > 0).toBe(true);
    const identity = subject.identifier![0]!;
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'name', hashed: true });
    expect(identity.identityHash).toBe(
      `sha256$${bytesToHex(sha256(utf8ToBytes('Nguyễn Thị Hoa' + identity.salt)))}`,
    );
    // The name itself is not in the credential: only its salted hash.
    expect(JSON.stringify(credential)).not.toContain('Nguyễn Thị Hoa');
    const achievement = subject.achievement;
    expect(() => new URL(achievement.id)).not.toThrow();
    expect(achievement.type).toContain('Achievement');
    expect(achievement.name).toBeTruthy();
    expect(achievement.description).toBeTruthy();
    expect(achievement.criteria.narrative ?? achievement.criteria.id).toBeTruthy();
    expect(c.proof).toHaveLength(1);
    expect(c.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: method,
    });
    expect(c.proof[0]!.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
  });

  it('the QR code vouches for exactly this credential', () => {
    const decoded = decodeCompact(qr);
    if ('error' in decoded) throw new Error(decoded.error);
    expect(credentialMatchesCode(credential, decoded.claims)).toBe(true);
  });

  it('dates the certificate by the day in Vietnam: 06:30 on 30/11 there is 23:30 on 29/11 in UTC', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-29T23:30:00Z'));
      const signed = await signCertificate(
        settings,
        { keyId, privateKey, publicKey },
        courseCatalog().get('cashless-payments')!,
        'Trần Văn Sớm',
      );
      const decoded = decodeCompact(signed.qr);
      if ('error' in decoded) throw new Error(decoded.error);
      expect(decoded.claims.issuedOn).toBe('2026-11-30');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never fetches: a context that is not bundled is refused when signing', async () => {
    const { proof: _proof, ...unsigned } = credential;
    const extra = {
      ...unsigned,
      '@context': [...(credential['@context'] as string[]), 'https://example.org/ctx.json'],
    };
    await expect(
      signCredential(extra, privateKey, {
        verificationMethod: method,
        created: '2026-11-28T00:00:00Z',
      }),
    ).rejects.toThrow();
    await expect(bundledLoader()('https://example.org/ctx.json')).rejects.toBeInstanceOf(
      RefusedDocumentError,
    );
  });
});

/** Every leaf and member of a JSON value, as a path. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    at,
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k])),
  ];
}

type FieldMutation = {
  path: number;
  op: 'replace' | 'delete' | 'add' | 'swap';
  value: string | number | boolean | null;
};

function mutateField(original: Json, m: FieldMutation): Json {
  const copy = structuredClone(original);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[m.path % all.length]!;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const key = path.at(-1)!;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'add') {
    if (Array.isArray(parent)) parent.push(m.value);
    else parent[`${String(key)}Extra`] = m.value;
  } else if (m.op === 'swap' && Array.isArray(parent) && parent.length > 1) {
    const other = ((key as number) + 1) % parent.length;
    [parent[key as number], parent[other]] = [parent[other], parent[key as number]];
  } else {
    const old = parent[key];
    parent[key] = JSON.stringify(old) === JSON.stringify(m.value) ? `${String(m.value)}!` : m.value;
  }
  return copy;
}

const fieldMutationArb = fc.record({
  path: fc.nat(),
  op: fc.constantFrom<FieldMutation['op']>('replace', 'delete', 'add', 'swap'),
  value: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null)),
});

describe('full credential under mutation (property)', () => {
  it('rejects every one of 10,000 mutated credentials (fields and bytes of the JSON)', () => {
    const claims = (
      decodeCompact(qr) as { claims: { certificateId: string; credentialHash: string } }
    ).claims;
    const text = JSON.stringify(credential);
    let checked = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fieldMutationArb.map((m) => ({ field: m })),
          fc
            .record({ at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }) })
            .map((b) => ({ byte: b })),
        ),
        (mutation) => {
          let mutated: unknown;
          if ('field' in mutation) {
            mutated = mutateField(credential, mutation.field);
          } else {
            const at = mutation.byte.at % text.length;
            const changed = text.slice(0, at) + mutation.byte.char + text.slice(at + 1);
            fc.pre(changed !== text);
            try {
              mutated = JSON.parse(changed);
            } catch {
              checked += 1;
              return true; // not even JSON: rejected
            }
          }
          fc.pre(JSON.stringify(mutated) !== text);
          checked += 1;
          return !credentialMatchesCode(mutated, claims);
        },
      ),
      { numRuns: 10_000, seed: 6 },
    );
    expect(checked).toBeGreaterThanOrEqual(9_500);
    expect(credentialMatchesCode(credential, claims)).toBe(true);
  });

  it('the Data Integrity proof rejects mutated fields too (ours: 1,000 cases, the independent verifier: 100)', async () => {
    // Order inside `type` arrays means nothing in RDF, so swaps are left to the hash check above.
    const noSwap = fieldMutationArb.filter((m) => m.op !== 'swap');
    const ours = fc.sample(noSwap, { numRuns: 1000, seed: 7 });
    for (const m of ours) {
      const mutated = mutateField(credential, m);
      if (JSON.stringify(mutated) === JSON.stringify(credential)) continue;
      expect(await ourVerifier(mutated), JSON.stringify(m)).toBe(false);
    }
    // JSON-LD also drops null members: our verifier refuses any null, the generic one cannot.
    for (const m of ours.filter((m) => m.value !== null).slice(0, 100)) {
      const mutated = mutateField(credential, m);
      if (JSON.stringify(mutated) === JSON.stringify(credential)) continue;
      expect(await independentlyVerified(mutated), JSON.stringify(m)).toBe(false);
    }
    expect(await ourVerifier(credential)).toBe(true);
  }, 300_000);
});
