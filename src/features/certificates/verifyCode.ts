import type { VerificationCache } from '../../data/certificates';
import { verifyCompact, type VerifyResult } from '../../domain/certificates/compactCode';
import { verifyRevocationList } from '../../domain/certificates/revocations';
import { codeFromText } from '../../domain/certificates/verifyLink';
import type { IssuerKey } from '../../protocol/certificates';

export interface Verification extends VerifyResult {
  /** Whether a revocation list signed by a known key was used (else none was). */
  listTrusted: boolean;
}

/**
 * Verifies a code (or a scanned verify link) offline with the keys and the signed revocation
 * list this phone has.
 */
export function verifyWithCache(code: string, cache: VerificationCache): Verification {
  const keys: IssuerKey[] = cache.keys.map(
    ({ keyId, publicKeyMultibase, validFrom, revokedAt }) => ({
      keyId,
      publicKeyMultibase,
      validFrom,
      ...(revokedAt ? { revokedAt } : {}),
    }),
  );
  const list =
    cache.revocationList === undefined ? null : verifyRevocationList(cache.revocationList, keys);
  const revoked = list?.ok ? list.revoked : new Set<string>();
  return { ...verifyCompact(codeFromText(code), keys, revoked), listTrusted: list?.ok ?? false };
}
