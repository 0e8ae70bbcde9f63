import type { IssuerKey } from '../../src/protocol';
import { CREDENTIAL_CONTEXTS } from '../../src/domain/certificates/credential.ts';

export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** Defines `verificationMethod` and `assertionMethod` at the top of a controller document. */
export const SECURITY_V2_CONTEXT = 'https://w3id.org/security/v2';
export const PROFILE_CONTEXTS = [...CREDENTIAL_CONTEXTS, MULTIKEY_CONTEXT, SECURITY_V2_CONTEXT];

/**
 * The issuer's Open Badges 3.0 Profile, served at the issuer id: also the controller document
 * of its keys (W3C Controlled Identifiers), so a Data Integrity verifier resolves
 * `<issuer id>#<key id>` to a Multikey and checks that the issuer lists it for assertions.
 * Every key ever used is listed; a revoked key carries `revoked` and is no longer an
 * assertion method, so what it signed fails.
 */
export function issuerProfile(issuerId: string, name: string, url: string, keys: IssuerKey[]) {
  const methods = keys.map((key) => ({
    id: `${issuerId}#${key.keyId}`,
    type: 'Multikey',
    controller: issuerId,
    publicKeyMultibase: key.publicKeyMultibase,
    ...(key.revokedAt ? { revoked: key.revokedAt } : {}),
  }));
  return {
    '@context': PROFILE_CONTEXTS,
    id: issuerId,
    type: ['Profile'],
    name,
    url,
    verificationMethod: methods,
    assertionMethod: methods.filter((m) => !('revoked' in m)).map((m) => m.id),
  };
}
