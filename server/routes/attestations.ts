import { z } from 'zod';
import { attestationSchema, attestSupervisionRequestSchema } from '../../src/protocol';
import { courseCatalog } from '../certificates/catalog';
import type { Database } from '../db/database';
import { attestSupervision } from '../services/attestations';
import { audit } from '../services/audit';
import { sendError } from './errors';
import { refusals, route } from './table';

/** A teacher or volunteer attests, from their phone, that they supervise a learner's quiz. */
export function attestationTable(db: Database) {
  return [
    route({
      method: 'POST',
      url: '/api/orgs/:id/attestations',
      summary: "Attest that the caller supervises a learner's quiz",
      who: 'account',
      schemas: {
        params: z.strictObject({ id: z.uuid() }),
        body: attestSupervisionRequestSchema,
        response: { 201: attestationSchema, ...refusals('not_found', 'conflict') },
      },
      handler: async ({ reply, caller, params, body }) => {
        if (!courseCatalog().has(body.courseId)) {
          return sendError(reply, 'not_found', 'No such course');
        }
        const outcome = await attestSupervision(db, {
          attesterId: caller.accountId,
          organisationId: params.id,
          ...body,
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
          organisationId: params.id,
          courseId: body.courseId,
        });
        return reply.code(201).send(outcome.value);
      },
    }),
  ];
}
