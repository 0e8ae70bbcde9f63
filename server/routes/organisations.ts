import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  createOrganisationSchema,
  grantCommuneSchema,
  joinCodeRequestSchema,
  joinRequestSchema,
  roleChangeSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { audit } from '../services/audit';
import {
  changeRole,
  createJoinCode,
  createOrganisation,
  getOrganisation,
  grantCommune,
  joinWithCode,
  listJoinCodes,
  listMembers,
  revokeJoinCode,
  manages,
  type Outcome,
} from '../services/organisations';
import { communeLearning, learnersOf } from '../services/orgFigures';
import { accountProgress, summarise } from '../services/progress';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });
const memberParams = z.strictObject({ id: z.uuid(), accountId: z.uuid() });
const codeParams = z.strictObject({ id: z.uuid(), codeId: z.uuid() });
const communeParams = z.strictObject({ code: z.string().regex(/^\d{5}$/) });

function answer<T>(reply: FastifyReply, outcome: Outcome<T>, status = 200): FastifyReply {
  if (outcome.ok) return reply.code(status).send(outcome.value);
  if (outcome.code === 'last_manager')
    return sendError(reply, 'conflict', 'The last manager cannot step down');
  const words = { forbidden: 'Not allowed', not_found: 'Not found', conflict: 'Already done' };
  return sendError(reply, outcome.code, words[outcome.code]);
}

export function organisationRoutes(app: FastifyInstance, db: Database, guards: Guards): void {
  app.post('/api/orgs', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const body = createOrganisationSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    return answer(reply, await createOrganisation(db, actor, body.data), 201);
  });

  app.post('/api/orgs/:id/join-codes', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = joinCodeRequestSchema.safeParse(request.body ?? {});
    if (!body.success) return invalidBody(reply, body.error);
    return answer(reply, await createJoinCode(db, actor.accountId, params.data.id, body.data), 201);
  });

  app.get('/api/orgs/:id/join-codes', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    return answer(reply, await listJoinCodes(db, actor.accountId, params.data.id));
  });

  app.post('/api/orgs/:id/join-codes/:codeId/revoke', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = codeParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const { id, codeId } = params.data;
    return answer(reply, await revokeJoinCode(db, actor.accountId, id, codeId));
  });

  app.post('/api/join', { preHandler: guards.join }, async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const body = joinRequestSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    return answer(reply, await joinWithCode(db, actor.accountId, body.data.code));
  });

  app.get('/api/orgs/:id/members', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    return answer(reply, await listMembers(db, actor.accountId, params.data.id));
  });

  /** What each learner has learned, for the organisation's manager (teacher, leader, admin). */
  app.get('/api/orgs/:id/progress', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const members = await listMembers(db, actor.accountId, params.data.id);
    if (!members.ok) return answer(reply, members);
    // Progress is the learners': the teacher, leaders and admins are not in the list.
    const learners = await learnersOf(db, params.data.id);
    const listed = members.value.filter((m) => learners.has(m.accountId));
    const progress = await accountProgress(
      db,
      listed.map((m) => m.accountId),
    );
    return reply.send(
      listed.map((member) => ({
        ...member,
        courses: (progress.get(member.accountId) ?? []).map(summarise),
      })),
    );
  });

  app.put('/api/orgs/:id/members/:accountId/role', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = memberParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = roleChangeSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const { id, accountId } = params.data;
    return answer(reply, await changeRole(db, actor.accountId, id, accountId, body.data.role));
  });

  app.post('/api/admin/commune-officials', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const body = grantCommuneSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    return answer(
      reply,
      await grantCommune(db, actor, body.data.accountId, body.data.communeCode),
      201,
    );
  });

  /**
   * A commune's figures for its officials (and system admins): counts only, never a name.
   */
  app.get('/api/communes/:code/summary', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = communeParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const code = params.data.code;
    const allowed =
      actor.isSystemAdmin ||
      (
        await db.query(
          `SELECT 1 FROM official_communes WHERE account_id = $1 AND commune_code = $2`,
          [actor.accountId, code],
        )
      ).length > 0;
    if (!allowed) return sendError(reply, 'forbidden', 'Not an official of this commune');
    const figures = await communeLearning(db, code);
    await audit(db, actor.accountId, 'export', `commune:${code}`, { kind: 'summary' });
    return reply.send(figures);
  });

  app.get('/api/orgs/:id', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = await getOrganisation(db, params.data.id);
    if (!org) return sendError(reply, 'not_found', 'Not found');
    const member = await db.query(
      `SELECT 1 FROM memberships WHERE account_id = $1 AND organisation_id = $2`,
      [actor.accountId, org.id],
    );
    if (member.length === 0 && !actor.isSystemAdmin)
      return sendError(reply, 'forbidden', 'Not a member');
    return reply.send({ ...org, manager: await manages(db, actor.accountId, org) });
  });
}
