import type { FastifyInstance } from 'fastify';
import {
  learningEventKind,
  pullQuerySchema,
  pushMarkQuerySchema,
  pushRequestSchema,
  type PushRequest,
  type PushResponse,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { RECORD_HANDLERS } from '../records';
import { readPushMark } from '../services/pushMarks';
import { pushRecords } from '../services/recordSync';
import { requireCaller } from './auth';
import { invalidBody, sendError } from './errors';
import { refuseOutdated } from './protocol';
import { signEarnedCertificates } from './certificates';

/** Whether a push stored a request for a certificate, which the server then tries to sign. */
function storedCertificateRequest(request: PushRequest, response: PushResponse): boolean {
  const accepted = new Set(
    response.accepted.filter((r) => r.kind === learningEventKind.kind).map((r) => r.id),
  );
  return request.records.some(
    (r) =>
      accepted.has(r.id) &&
      r.kind === learningEventKind.kind &&
      (r.data as { type?: unknown }).type === 'certificate.requested',
  );
}

export function syncRoutes(app: FastifyInstance, db: Database, guards: Guards): void {
  const push = { bodyLimit: 2 * 1024 * 1024, preHandler: guards.push };
  app.post('/api/sync/push', push, async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    if (caller.kind === 'device' && parsed.data.deviceId !== caller.deviceId) {
      return sendError(reply, 'forbidden', 'The batch names another device than the token');
    }
    const response = await pushRecords(db, caller, parsed.data);
    if (storedCertificateRequest(parsed.data, response)) {
      // Signing is checked again on every certificates list: a failure here never fails a push.
      await signEarnedCertificates(db, caller.ownerId).catch((error: unknown) =>
        request.log.error({ err: error }, 'certificate signing failed'),
      );
    }
    return reply.send(response);
  });

  app.get('/api/sync/mark', async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const query = pushMarkQuerySchema.safeParse(request.query);
    if (!query.success) return invalidBody(reply, query.error);
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    if (caller.kind === 'device' && query.data.deviceId !== caller.deviceId) {
      return sendError(reply, 'forbidden', 'The mark of another device is not yours to read');
    }
    return reply.send(await readPushMark(db, query.data.deviceId, caller.ownerId));
  });

  app.get('/api/sync/pull', async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return invalidBody(reply, query.error);
    const caller = await requireCaller(db, request, reply);
    if (!caller) return reply;
    const { kind, ...page } = query.data;
    const pulled = await RECORD_HANDLERS[kind].pull(db, { caller, ...page });
    if (!pulled) return sendError(reply, 'forbidden', 'Not allowed to read this scope');
    return reply.send(pulled);
  });
}
