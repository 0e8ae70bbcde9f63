import { z } from 'zod';
import {
  accountLookupSchema,
  auditPageSchema,
  rotatedKeySchema,
  type AuditAction,
} from '../protocol';
import { accountCaller } from './http';

type Fetch = typeof fetch;

/** The system administrator's side of the contract: the audit log, officials, revocations. */
export function createAdminApi(baseUrl: string, doFetch: Fetch = fetch) {
  const send = accountCaller(baseUrl, doFetch);

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
