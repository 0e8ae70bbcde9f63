import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attestSupervisionRequestSchema } from '../../src/protocol';
import { courseCatalog } from '../certificates/catalog';
import type { Database } from '../db/database';
import { attestSupervision } from '../services/attestations';
import { audit } from '../services/audit';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });

/** A teacher or volunteer attests, from their phone, that they supervise a learner's quiz. */
export function attestationRoutes(app: FastifyInstance, db: Database): void {
  app.post('/api/orgs/:id/attestations', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const caller = await requireAccount(db, request, reply);
    if (!caller) return reply;
    const body = attestSupervisionRequestSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    if (!courseCatalog().has(body.data.courseId)) {
      return sendError(reply, 'not_found', 'No such course');
    }
    const outcome = await attestSupervision(db, {
      attesterId: caller.accountId,
      organisationId: params.data.id,
      ...body.data,
    });
    if (!outcome.ok) {
      const words = {
        forbidden: 'Only a teacher or volunteer of this organisation attests',
        not_found: 'No such learner in this organisation',
        conflict: 'This learner already holds the certificate: it cannot change now',
      };
      return sendError(reply, outcome.code, words[outcome.code]);
    }
    await audit(db, caller.accountId, 'supervision_attested', outcome.value.id, {
      organisationId: params.data.id,
      courseId: body.data.courseId,
    });
    return reply.code(201).send(outcome.value);
  });
}
