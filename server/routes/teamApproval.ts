import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { approveTeam, pendingTeams } from '../services/teamApproval';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });

/** Teams waiting for a commune's approval, and approving one (see services/teamApproval.ts). */
export function teamApprovalRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/officials/pending-teams', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    return reply.send(await pendingTeams(db, actor));
  });

  app.post('/api/orgs/:id/approve', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const outcome = await approveTeam(db, actor, params.data.id);
    if (outcome.ok) return reply.send(outcome.value);
    const words = {
      forbidden: 'Not allowed',
      not_found: 'No such team',
      conflict: 'Approved already',
    };
    return sendError(reply, outcome.code, words[outcome.code]);
  });
}
