import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import type { VerificationCache } from '../../data/certificates';
import { encodeCompact } from '../../domain/certificates/compactCode';
import { publicKeyOf, publicKeyToMultibase } from '../../domain/certificates/keys';
import { signRevocationList } from '../../domain/certificates/revocations';
import type { CompactClaims } from '../../protocol/certificates';
import { verifyWithCache } from './verifyCode';

const issuerKey = ed25519.utils.randomSecretKey();
const strangerKey = ed25519.utils.randomSecretKey();

const claims: CompactClaims = {
  certificateId: '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
  credentialHash: 'a'.repeat(64),
  holderName: 'Nguyễn Thị Lan',
  courseId: 'smartphone-basics',
  courseTitle: 'Làm quen với điện thoại thông minh',
  level: 'basic',
  issuedOn: '2026-11-28',
  keyId: 'k1',
};

const code = encodeCompact(claims, issuerKey, 'k1');

function cache(revoked: string[], signer = issuerKey, revokedAt?: string): VerificationCache {
  return {
    keys: [
      {
        keyId: 'k1',
        publicKeyMultibase: publicKeyToMultibase(publicKeyOf(issuerKey)),
        validFrom: '2026-01-01T00:00:00.000Z',
        ...(revokedAt ? { revokedAt } : {}),
        issuerId: 'https://hocso.example',
        issuerName: 'Học Số',
      },
    ],
    revocationList: signRevocationList(
      { updatedAt: '2026-11-28T10:00:00.000Z', revoked, keyId: 'k1' },
      signer,
    ),
    checkedAt: '2026-11-28T10:00:01.000Z',
  };
}

describe('verifying a code with what the phone has cached', () => {
  it('says valid, with the claims, when the key is known and the code is not revoked', () => {
    expect(verifyWithCache(`  ${code}\n`, cache([]))).toEqual({
      status: 'valid',
      claims,
      listTrusted: true,
    });
  });

  it('says revoked when the signed list names it, or when its key was revoked', () => {
    expect(verifyWithCache(code, cache([claims.certificateId])).status).toBe('revoked');
    expect(verifyWithCache(code, cache([], issuerKey, '2026-11-28T11:00:00.000Z')).status).toBe(
      'revoked',
    );
  });

  it('ignores a revocation list not signed by the issuer, and says so', () => {
    const forged = cache([claims.certificateId], strangerKey);
    expect(verifyWithCache(code, forged)).toMatchObject({ status: 'valid', listTrusted: false });
  });

  it('says tampered for a changed code and unknown issuer when no key matches', () => {
    const changed = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
    expect(verifyWithCache(changed, cache([])).status).toBe('tampered');
    expect(verifyWithCache('not a certificate', cache([])).status).toBe('tampered');
    const noKeys = { ...cache([]), keys: [] };
    expect(verifyWithCache(code, noKeys).status).toBe('unknown_issuer');
  });
});
