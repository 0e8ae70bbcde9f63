import {
  learningEventKind,
  pullQuerySchema,
  pullResponseSchema,
  pushMarkQuerySchema,
  pushMarkSchema,
  pushRequestSchema,
  pushResponseSchema,
  type PushRequest,
  type PushResponse,
} from '../../src/protocol';
import { courseCatalog } from '../certificates/catalog';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { RECORD_HANDLERS } from '../records';
import { processRequests, type IssuerSettings } from '../services/certificates';
import { readPushMark } from '../services/pushMarks';
import { pushRecords, type PushOutcome } from '../services/recordSync';
import { sendError } from './errors';
import { refusals, route } from './table';

/** A batch of records is larger than the server's usual body limit: up to 500 records. */
const PUSH_BODY_LIMIT = 2 * 1024 * 1024;

/** Whether a push stored a request for a certificate, which the server then tries to sign. */
function storedCertificateRequest(request: PushRequest, outcome: PushOutcome): boolean {
  const asked = request.records.filter(
    (r) =>
      r.kind === learningEventKind.kind &&
      // A refused record's data may be anything, null included.
      (r.data as { type?: unknown } | null)?.type === 'certificate.requested',
  );
  // Most pushes ask for none: the accepted ids are looked through only when one does.
  return asked.some((r) =>
    outcome.accepted.some(({ kind, id }) => kind === learningEventKind.kind && id === r.id),
  );
}

/** Sync: every record kind pushed and pulled through one pair of routes, and a device's mark. */
export function syncTable(db: Database, guards: Guards, settings: IssuerSettings) {
  return [
    route({
      method: 'POST',
      url: '/api/sync/push',
      summary: 'Push a batch of records of any kind: each is accepted, or refused with a reason',
      who: 'caller',
      checksProtocol: true,
      bodyLimit: PUSH_BODY_LIMIT,
      preHandler: guards.push,
      schemas: {
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, ...refusals('forbidden') },
      },
      handler: async ({ request, reply, caller, body }) => {
        if (caller.kind === 'device' && body.deviceId !== caller.deviceId) {
          return sendError(reply, 'forbidden', 'The batch names another device than the token');
        }
        const outcome = await pushRecords(db, caller, body);
        if (storedCertificateRequest(body, outcome)) {
          // Signing is checked again on every certificates list: a failure here never fails a push.
          await processRequests(db, settings, courseCatalog(), caller.ownerId).catch(
            (error: unknown) => request.log.error({ err: error }, 'certificate signing failed'),
          );
        }
        const answer: PushResponse = { refused: outcome.refused };
        return reply.send(answer);
      },
    }),
    route({
      method: 'GET',
      url: '/api/sync/mark',
      summary: "A device's high-water mark: what the server settled of its pushes",
      who: 'caller',
      checksProtocol: true,
      schemas: {
        querystring: pushMarkQuerySchema,
        response: { 200: pushMarkSchema, ...refusals('forbidden') },
      },
      handler: async ({ reply, caller, query }) => {
        if (caller.kind === 'device' && query.deviceId !== caller.deviceId) {
          return sendError(reply, 'forbidden', 'The mark of another device is not yours to read');
        }
        return reply.send(await readPushMark(db, query.deviceId, caller.ownerId));
      },
    }),
    route({
      method: 'GET',
      url: '/api/sync/pull',
      summary: "Pull one kind's records after a cursor: the caller's own, or an organisation's",
      who: 'caller',
      checksProtocol: true,
      schemas: {
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...refusals('forbidden') },
      },
      handler: async ({ reply, caller, query }) => {
        const { kind, ...page } = query;
        const pulled = await RECORD_HANDLERS[kind].pull(db, { caller, ...page });
        if (!pulled) return sendError(reply, 'forbidden', 'Not allowed to read this scope');
        return reply.send(pulled);
      },
    }),
  ];
}
