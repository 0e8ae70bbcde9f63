import {
  certificatesResponseSchema,
  issuersResponseSchema,
  revocationListSchema,
  type CertificatesResponse,
  type IssuersResponse,
  type RevocationList,
} from '../protocol/certificates';
import {
  programmeCertificateAnswerSchema,
  programmeCertificatesResponseSchema,
  type ProgrammeCertificateAnswer,
  type ProgrammeCertificateRequest,
  type ProgrammeCertificatesResponse,
} from '../protocol/programmeCertificates';
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
  /** An account's programme certificates, from every agency. */
  programmes(token: string): Promise<ProgrammeCertificatesResponse>;
  /** Asks an agency to sign a programme's certificate: signed, or why not. */
  requestProgramme(
    token: string,
    organisationId: string,
    request: ProgrammeCertificateRequest,
  ): Promise<ProgrammeCertificateAnswer>;
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
    programmes: (token) =>
      get(
        '/api/programme-certificates',
        (body) => programmeCertificatesResponseSchema.parse(body),
        token,
      ),
    requestProgramme: (token, organisationId, request) =>
      call(
        doFetch,
        `${baseUrl}/api/orgs/${encodeURIComponent(organisationId)}/programme-certificates`,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify(request),
          cache: 'no-store',
        },
        (body) => programmeCertificateAnswerSchema.parse(body),
      ),
  };
}
