import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { assignmentProgress } from '../services/assignmentProgress';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });

/** The teacher's (or agency admin's) table of learners × assigned items, from what has synced. */
export function assignmentProgressRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/orgs/:id/assignment-progress', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const outcome = await assignmentProgress(db, actor.accountId, params.data.id);
    if (outcome.ok) return reply.send(outcome.value);
    return sendError(
      reply,
      outcome.code,
      outcome.code === 'forbidden' ? 'Only the teacher or admin sees this' : 'Not found',
    );
  });
}
