import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  claimRequestSchema,
  refreshRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { checkPassword, createAccount, getAccount } from '../services/accounts';
import { audit } from '../services/audit';
import { authenticateDevice } from '../services/devices';
import { ownerOfAccount, principalOf, type Principal } from '../services/principal';
import {
  issueTokens,
  revokeAllTokens,
  revokeRefreshFamily,
  rotateRefreshToken,
} from '../services/tokens';
import { invalidBody, sendError } from './errors';

/** Whoever is calling (a device or an account), or a typed 401 already sent. */
export async function requireCaller(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal | null> {
  const principal = await principalOf(db, request.headers.authorization);
  if (!principal) sendError(reply, 'unauthorized', 'Missing or unknown token');
  return principal;
}

/** The signed-in account calling, or a typed 401/403 already sent. */
export async function requireAccount(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Extract<Principal, { kind: 'account' }> | null> {
  const principal = await requireCaller(db, request, reply);
  if (!principal) return null;
  if (principal.kind !== 'account') {
    sendError(reply, 'forbidden', 'This needs an account, not only a device');
    return null;
  }
  return principal;
}

export function authRoutes(app: FastifyInstance, db: Database, guards: Guards): void {
  app.post('/api/auth/sign-up', { preHandler: guards.signUp }, async (request, reply) => {
    const parsed = signUpRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const account = await createAccount(db, parsed.data);
    if (!account) return sendError(reply, 'conflict', 'This username or phone number is taken');
    return reply.code(201).send({ account, ...(await issueTokens(db, account.id)) });
  });

  app.post('/api/auth/sign-in', { preHandler: guards.signIn }, async (request, reply) => {
    const parsed = signInRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const account = await checkPassword(db, parsed.data.login, parsed.data.password);
    if (!account) return sendError(reply, 'unauthorized', 'Wrong login or password');
    return reply.send({ account, ...(await issueTokens(db, account.id)) });
  });

  app.post('/api/auth/refresh', { preHandler: guards.refresh }, async (request, reply) => {
    const parsed = refreshRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const tokens = await rotateRefreshToken(db, parsed.data.refreshToken);
    if (!tokens) return sendError(reply, 'unauthorized', 'Sign in again');
    return reply.send(tokens);
  });

  app.post('/api/auth/sign-out', async (request, reply) => {
    const parsed = refreshRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    await revokeRefreshFamily(db, parsed.data.refreshToken);
    return reply.send({ signedOut: true });
  });

  app.post('/api/auth/sign-out-everywhere', async (request, reply) => {
    const principal = await requireAccount(db, request, reply);
    if (!principal) return reply;
    await revokeAllTokens(db, principal.accountId);
    await audit(db, principal.accountId, 'sign_out_everywhere');
    return reply.send({ signedOut: true });
  });

  app.get('/api/me', async (request, reply) => {
    const principal = await requireAccount(db, request, reply);
    if (!principal) return reply;
    const account = await getAccount(db, principal.accountId);
    const memberships = await db.query<{
      organisation_id: string;
      kind: string;
      name: string;
      role: string;
    }>(
      `SELECT m.organisation_id, o.kind, o.name, m.role FROM memberships m
       JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY o.name`,
      [principal.accountId],
    );
    // The communes a system admin gave this account as an official: their figures only.
    const communes = await db.query<{ code: string; name: string; province_name: string }>(
      `SELECT c.code, c.name, p.name AS province_name FROM official_communes o
       JOIN communes c ON c.code = o.commune_code JOIN provinces p ON p.code = c.province_code
       WHERE o.account_id = $1 ORDER BY c.name, c.code`,
      [principal.accountId],
    );
    return reply.send({
      account,
      communes: communes.map((c) => ({
        code: c.code,
        name: c.name,
        provinceName: c.province_name,
      })),
      memberships: memberships.map((m) => ({
        organisationId: m.organisation_id,
        kind: m.kind,
        name: m.name,
        role: m.role,
      })),
    });
  });

  /**
   * A profile that learned before signing in brings its past along: the events its device
   * pushed for it, and its certificates, become the account's. Only the holder of that device's token can do this.
   */
  app.post('/api/account/claim', async (request, reply) => {
    const principal = await requireAccount(db, request, reply);
    if (!principal) return reply;
    const parsed = claimRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const device = await authenticateDevice(db, parsed.data.deviceToken);
    if (!device) return sendError(reply, 'forbidden', 'Unknown device token');
    const moved = await db.transaction(async (tx) => {
      await tx.query(`UPDATE devices SET account_id = $2 WHERE id = $1`, [
        device.id,
        principal.accountId,
      ]);
      const owners = [device.ownerId, parsed.data.profileId, ownerOfAccount(principal.accountId)];
      // Its certificates come along, so they return on every phone the account signs in on.
      await tx.query(
        `UPDATE certificates c SET owner_id = $3 WHERE owner_id = $1 AND profile_id = $2
           AND NOT EXISTS (SELECT 1 FROM certificates a WHERE a.owner_id = $3
             AND a.profile_id = c.profile_id AND a.course_id = c.course_id)`,
        owners,
      );
      return tx.query(
        `UPDATE events SET owner_id = $3 WHERE owner_id = $1 AND profile_id = $2 RETURNING id`,
        owners,
      );
    });
    return reply.send({ claimed: moved.length });
  });
}
