import { z } from 'zod';
import {
  accountLookupSchema,
  auditPageSchema,
  rotatedKeySchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type AuditAction,
} from '../protocol';
import { call } from './http';

type Fetch = typeof fetch;

/** The system administrator's side of the contract: the audit log, officials, revocations. */
export function createAdminApi(baseUrl: string, doFetch: Fetch = fetch) {
  const send = <T>(
    method: 'GET' | 'POST',
    token: string,
    path: string,
    parse: (b: unknown) => T,
    body?: unknown,
  ) =>
    call(
      doFetch,
      `${baseUrl}${path}`,
      {
        method,
        headers: {
          'content-type': 'application/json',
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${token}`,
        },
        ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      },
      parse,
    );

  return {
    auditLog: (token: string, query: { action?: AuditAction; before?: number }) => {
      const search = new URLSearchParams();
      if (query.action) search.set('action', query.action);
      if (query.before) search.set('before', String(query.before));
      return send('GET', token, `/api/admin/audit?${search}`, (b) => auditPageSchema.parse(b));
    },
    findAccount: (token: string, login: string) =>
      send('GET', token, `/api/admin/accounts?login=${encodeURIComponent(login)}`, (b) =>
        accountLookupSchema.parse(b),
      ),
    nameOfficial: (token: string, accountId: string, communeCode: string) =>
      send('POST', token, '/api/admin/commune-officials', () => true, { accountId, communeCode }),
    rotateIssuerKey: (token: string) =>
      send('POST', token, '/api/admin/issuer-key/rotate', (b) => rotatedKeySchema.parse(b)),
    revokeCertificate: (token: string, id: string, reason: string) =>
      send(
        'POST',
        token,
        `/api/certificates/${encodeURIComponent(id)}/revoke`,
        (b) => z.object({ revoked: z.literal(true) }).parse(b),
        { reason },
      ),
  };
}
