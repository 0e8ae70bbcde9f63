import { z } from 'zod';
import {
  errorResponseSchema,
  orgCertificatesResponseSchema,
  rosterImportRequestSchema,
  rosterImportResponseSchema,
  rosterRefusalSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { orgCertificates } from '../services/orgCertificates';
import { importRoster } from '../services/rosterImport';
import { sendError } from './errors';
import { refusals, route } from './table';

const idParams = z.strictObject({ id: z.uuid() });

/** 5,000 rows of long Vietnamese names, years and phones fit; the server's usual 256 KiB do not. */
const ROSTER_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * A class's roster imported from a spreadsheet (see services/rosterImport.ts), and its learners'
 * certificates to print together.
 */
export function classRosterTable(db: Database) {
  return [
    route({
      method: 'POST',
      url: '/api/orgs/:id/roster',
      summary: "Import a class's learners: every row checked, all created or none",
      who: 'account',
      bodyLimit: ROSTER_BODY_LIMIT,
      schemas: {
        params: idParams,
        body: rosterImportRequestSchema,
        response: {
          201: rosterImportResponseSchema,
          // A request the schema refuses, or every row's problem for the teacher to fix the file.
          400: z.union([rosterRefusalSchema, errorResponseSchema]),
          ...refusals('not_found', 'conflict'),
        },
      },
      handler: async ({ reply, caller, params, body }) => {
        const outcome = await importRoster(db, caller.accountId, params.id, body.rows);
        if (outcome.ok) return reply.code(201).send(outcome.value);
        if (outcome.code === 'invalid_rows') {
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
      },
    }),
    route({
      method: 'GET',
      url: '/api/orgs/:id/certificates',
      summary: "Every certificate the class's learners hold, to print together (its teachers)",
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: orgCertificatesResponseSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const outcome = await orgCertificates(db, caller.accountId, params.id);
        if (outcome.ok) return reply.send({ certificates: outcome.value });
        return sendError(
          reply,
          outcome.code,
          outcome.code === 'forbidden' ? 'Not allowed' : 'Not found',
        );
      },
    }),
  ];
}
