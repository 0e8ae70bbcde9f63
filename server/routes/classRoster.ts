import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rosterImportRequestSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { orgCertificates } from '../services/orgCertificates';
import { importRoster } from '../services/rosterImport';
import { requireAccount } from './auth';
import { invalidBody, sendError } from './errors';

const idParams = z.strictObject({ id: z.uuid() });

/** 5,000 rows of long Vietnamese names, years and phones fit; the server's usual 256 KiB do not. */
const ROSTER_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * A class's roster imported from a spreadsheet (see services/rosterImport.ts), and its learners'
 * certificates to print together.
 */
export function classRosterRoutes(app: FastifyInstance, db: Database): void {
  app.post('/api/orgs/:id/roster', { bodyLimit: ROSTER_BODY_LIMIT }, async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = rosterImportRequestSchema.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const outcome = await importRoster(db, actor.accountId, params.data.id, body.data.rows);
    if (outcome.ok) return reply.code(201).send({ imported: outcome.value });
    if (outcome.code === 'invalid_rows') {
      // Every row's problem, for the teacher to fix the file: nothing was imported.
      return reply.code(400).send({
        error: {
          code: 'invalid_body',
          message: `${outcome.problems.length} problem(s) in the roster: nothing imported`,
          rows: outcome.problems,
        },
      });
    }
    const words = {
      forbidden: 'Only the class’s teacher imports its roster',
      not_found: 'No such class',
      conflict: 'A username or phone was taken meanwhile: nothing imported, try again',
    };
    return sendError(reply, outcome.code, words[outcome.code]);
  });

  app.get('/api/orgs/:id/certificates', async (request, reply) => {
    const actor = await requireAccount(db, request, reply);
    if (!actor) return reply;
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const outcome = await orgCertificates(db, actor.accountId, params.data.id);
    if (outcome.ok) return reply.send({ certificates: outcome.value });
    return sendError(
      reply,
      outcome.code,
      outcome.code === 'forbidden' ? 'Not allowed' : 'Not found',
    );
  });
}
