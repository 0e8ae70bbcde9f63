import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resetPasswordRequestSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { createResetCode, resetWithCode } from '../services/passwordResets';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const memberParams = z.strictObject({ id: z.uuid(), accountId: z.uuid() });

/** Recovery without e-mail or SMS: a manager makes a one-time code, its member uses it. */
export function passwordResetRoutes(app: FastifyInstance, db: Database, guards: Guards): void {
  app.post(
    '/api/orgs/:id/members/:accountId/reset-code',
    { preHandler: guards.resetCode },
    async (request, reply) => {
      const actor = await requireAccount(db, request, reply);
      if (!actor) return reply;
      const params = memberParams.safeParse(request.params);
      if (!params.success) return invalidBody(reply, params.error);
      const { id, accountId } = params.data;
      const outcome = await createResetCode(db, actor.accountId, id, accountId);
      if (outcome.ok) return reply.code(201).send(outcome.value);
      return outcome.code === 'forbidden'
        ? sendError(reply, 'forbidden', 'Not allowed')
        : sendError(reply, 'not_found', 'Not a member of this organisation');
    },
  );

  app.post(
    '/api/auth/reset-password',
    { preHandler: guards.resetPassword },
    async (request, reply) => {
      const body = resetPasswordRequestSchema.safeParse(request.body);
      if (!body.success) return invalidBody(reply, body.error);
      if (!(await resetWithCode(db, body.data)))
        return sendError(reply, 'unauthorized', 'Wrong login or code, or the code has expired');
      return reply.send({ reset: true });
    },
  );
}
