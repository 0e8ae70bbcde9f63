import {
  accountLookupQuerySchema,
  accountLookupSchema,
  auditPageSchema,
  auditQuerySchema,
  rotatedKeySchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { accountByLogin } from '../services/accounts';
import { audit, readAuditLog } from '../services/audit';
import { rotateIssuerKey } from '../services/issuerKeys';
import type { Principal } from '../services/principal';
import { sendError } from './errors';
import { refusals, route } from './table';
import type { FastifyReply } from 'fastify';

/** False, with a typed 403 sent, unless the caller is a system administrator. */
function refuseUnlessAdmin(caller: Extract<Principal, { kind: 'account' }>, reply: FastifyReply) {
  if (caller.isSystemAdmin) return false;
  sendError(reply, 'forbidden', 'Only a system administrator may do this');
  return true;
}

/**
 * What a system administrator reads and does from the admin screens. Agencies are made with POST
 * /api/orgs, officials named with POST /api/admin/commune-officials and certificates revoked
 * with POST /api/certificates/:id/revoke, each audited where it is done.
 */
export function adminTable(db: Database, issuerKeyFromEnvironment: () => boolean) {
  return [
    route({
      method: 'GET',
      url: '/api/admin/audit',
      summary: 'The audit log, newest first, paged: ids and times only (system admins)',
      who: 'account',
      schemas: { querystring: auditQuerySchema, response: { 200: auditPageSchema } },
      handler: async ({ reply, caller, query }) => {
        if (refuseUnlessAdmin(caller, reply)) return reply;
        return reply.send(await readAuditLog(db, query));
      },
    }),
    route({
      method: 'POST',
      url: '/api/admin/issuer-key/rotate',
      summary:
        'A new issuer key signs certificates from now on; the old ones stay published (system admins)',
      who: 'account',
      schemas: { response: { 200: rotatedKeySchema, ...refusals('conflict') } },
      handler: async ({ reply, caller }) => {
        if (refuseUnlessAdmin(caller, reply)) return reply;
        if (issuerKeyFromEnvironment())
          return sendError(
            reply,
            'conflict',
            'The key comes from ISSUER_PRIVATE_KEY: change it there',
          );
        const keyId = await rotateIssuerKey(db);
        await audit(db, caller.accountId, 'issuer_key_rotated', keyId);
        return reply.send({ keyId });
      },
    }),
    route({
      method: 'GET',
      url: '/api/admin/accounts',
      summary: 'The account a login names, to name it a commune official (system admins)',
      who: 'account',
      schemas: {
        querystring: accountLookupQuerySchema,
        response: { 200: accountLookupSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, query }) => {
        if (refuseUnlessAdmin(caller, reply)) return reply;
        const account = await accountByLogin(db, query.login);
        if (!account) return sendError(reply, 'not_found', 'No account has this login');
        return reply.send({ id: account.id, displayName: account.displayName });
      },
    }),
  ];
}
