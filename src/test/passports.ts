import { ed25519 } from '@noble/curves/ed25519.js';
import { publicKeyOf, publicKeyToMultibase } from '../domain/certificates/keys';
import { signPassport } from '../domain/passport/passport';
import type { IssuerKey, Passport, PassportBody } from '../protocol';

/** An issuer key pair for tests: the private key and the key as a phone pins it. */
export function testIssuer(keyId = 'kissuer') {
  const privateKey = ed25519.utils.randomSecretKey();
  const key: IssuerKey = {
    keyId,
    publicKeyMultibase: publicKeyToMultibase(publicKeyOf(privateKey)),
    validFrom: '2026-01-01T00:00:00Z',
  };
  return { privateKey, key };
}

/** A genuine passport: one lesson done, one course passed, one walkthrough practised. */
export function testPassport(
  issuer: ReturnType<typeof testIssuer>,
  overrides: Partial<PassportBody> = {},
): Passport {
  return signPassport(
    {
      format: 'hocso-passport/1',
      id: '0192f0a0-0000-7000-8000-000000000001',
      issuer: { id: 'https://hocso.example.vn/api/certificates/issuers', name: 'Học Số' },
      issuedAt: '2026-11-20T08:00:00.000Z',
      holderName: 'Nguyễn Thị Hoa',
      courses: [
        {
          courseId: 'smartphone-basics',
          completedLessons: ['phone-parts'],
          completedAttempts: [],
          bestScore: 0,
          total: 0,
          passed: false,
          updatedAt: '2026-11-19T08:00:00.000Z',
        },
        {
          courseId: 'cashless-payments',
          completedLessons: ['qr-pay'],
          completedAttempts: ['0192f0a0-0000-7000-8000-0000000000a1'],
          bestScore: 8,
          total: 10,
          passed: true,
          masteredAt: '2026-11-19T09:00:00.000Z',
          updatedAt: '2026-11-19T09:00:00.000Z',
        },
      ],
      walkthroughs: [
        {
          walkthroughId: 'vneid-level-2',
          practiceRuns: ['0192f0a0-0000-7000-8000-0000000000b1'],
          fewestMistakes: 1,
          doneForReal: false,
          assisted: false,
          doneAt: '2026-11-19T10:00:00.000Z',
          updatedAt: '2026-11-19T10:00:00.000Z',
        },
      ],
      certificates: [],
      keyId: issuer.key.keyId,
      ...overrides,
    },
    issuer.privateKey,
  );
}
