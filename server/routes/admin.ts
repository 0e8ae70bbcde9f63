import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountLookupQuerySchema, auditQuerySchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { accountByLogin } from '../services/accounts';
import { audit, readAuditLog } from '../services/audit';
import { rotateIssuerKey } from '../services/issuerKeys';
import { issuerSettings } from './certificates';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

/** The calling system administrator, or a typed 401/403 already sent. */
async function requireSystemAdmin(db: Database, request: FastifyRequest, reply: FastifyReply) {
  const actor = await requireAccount(db, request, reply);
  if (actor && !actor.isSystemAdmin) {
    sendError(reply, 'forbidden', 'Only a system administrator may do this');
    return null;
  }
  return actor;
}

/**
 * What a system administrator reads and does from the admin screens. Agencies are made with POST
 * /api/orgs, officials named with POST /api/admin/commune-officials and certificates revoked
 * with POST /api/certificates/:id/revoke, each audited where it is done.
 */
export function adminRoutes(app: FastifyInstance, db: Database): void {
  /** The log, newest first, paged; ids and times only. */
  app.get('/api/admin/audit', async (request, reply) => {
    if (!(await requireSystemAdmin(db, request, reply))) return reply;
    const query = auditQuerySchema.safeParse(request.query);
    if (!query.success) return invalidBody(reply, query.error);
    return reply.send(await readAuditLog(db, query.data));
  });

  /**
   * A new issuer key signs certificates from now on; the old ones stay published, so every
   * certificate they signed still verifies. A key set in ISSUER_PRIVATE_KEY is changed there.
   */
  app.post('/api/admin/issuer-key/rotate', async (request, reply) => {
    const actor = await requireSystemAdmin(db, request, reply);
    if (!actor) return reply;
    if (issuerSettings().privateKey)
      return sendError(reply, 'conflict', 'The key comes from ISSUER_PRIVATE_KEY: change it there');
    const keyId = await rotateIssuerKey(db);
    await audit(db, actor.accountId, 'issuer_key_rotated', keyId);
    return reply.send({ keyId });
  });

  /** The account a login names, so it can be named a commune official. */
  app.get('/api/admin/accounts', async (request, reply) => {
    if (!(await requireSystemAdmin(db, request, reply))) return reply;
    const query = accountLookupQuerySchema.safeParse(request.query);
    if (!query.success) return invalidBody(reply, query.error);
    const account = await accountByLogin(db, query.data.login);
    if (!account) return sendError(reply, 'not_found', 'No account has this login');
    return reply.send({ id: account.id, displayName: account.displayName });
  });
}
