import {
  certificatesResponseSchema,
  issuersResponseSchema,
  revocationListSchema,
  type CertificatesResponse,
  type IssuersResponse,
  type RevocationList,
} from '../protocol/certificates';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import { call } from './http';

/** The certificate routes of the server, read after each sync. */
export interface CertificatesApi {
  /** The caller's own signed certificates and the requests not signed (same token as sync). */
  mine(token: string): Promise<CertificatesResponse>;
  /** The issuer and its published public keys (public). */
  issuers(): Promise<IssuersResponse>;
  /** The signed list of revoked certificates (public). */
  revocations(): Promise<RevocationList>;
}

export function createCertificatesApi(
  baseUrl: string,
  doFetch: typeof fetch = fetch,
): CertificatesApi {
  const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  const get = <T>(path: string, parse: (body: unknown) => T, token?: string) =>
    call(
      doFetch,
      `${baseUrl}${path}`,
      {
        method: 'GET',
        headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
        cache: 'no-store',
      },
      parse,
    );
  return {
    mine: (token) =>
      get('/api/certificates', (body) => certificatesResponseSchema.parse(body), token),
    issuers: () => get('/api/certificates/issuers', (body) => issuersResponseSchema.parse(body)),
    revocations: () =>
      get('/api/certificates/revocations', (body) => revocationListSchema.parse(body)),
  };
}
