import { z } from 'zod';
import {
  programmeCertificateAnswerSchema,
  programmeCertificateRequestSchema,
  programmeCertificatesResponseSchema,
} from '../../src/protocol';
import { courseCatalog } from '../certificates/catalog';
import type { Database } from '../db/database';
import type { IssuerSettings } from '../services/certificates';
import {
  ownProgrammeCertificates,
  requestProgrammeCertificate,
} from '../services/programmeCertificates';
import { sendError } from './errors';
import { refusals, route } from './table';

const REFUSED = {
  forbidden: 'Only a staff member of this agency asks for its programme certificates',
  not_found: 'No such agency',
} as const;

/** Programme certificates: asked for by a staff member, checked and signed by the server. */
export function programmeCertificateTable(db: Database, settings: IssuerSettings) {
  return [
    route({
      method: 'POST',
      url: '/api/orgs/:id/programme-certificates',
      summary:
        "Sign the caller's certificate of one of the agency's programmes, once every course is mastered",
      who: 'account',
      schemas: {
        params: z.strictObject({ id: z.uuid() }),
        body: programmeCertificateRequestSchema,
        response: { 200: programmeCertificateAnswerSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params, body }) => {
        const outcome = await requestProgrammeCertificate(
          db,
          settings,
          courseCatalog(),
          caller.accountId,
          params.id,
          body,
        );
        if (!outcome.ok) return sendError(reply, outcome.code, REFUSED[outcome.code]);
        return reply.send(outcome.value);
      },
    }),
    route({
      method: 'GET',
      url: '/api/programme-certificates',
      summary: "The caller's programme certificates, from every agency",
      who: 'account',
      schemas: { response: { 200: programmeCertificatesResponseSchema } },
      handler: async ({ reply, caller }) =>
        reply.send({ certificates: await ownProgrammeCertificates(db, caller.accountId) }),
    }),
  ];
}
