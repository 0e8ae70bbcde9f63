import type { FastifyInstance } from 'fastify';
import {
  learningEventSchema,
  pullQuerySchema,
  pushMarkQuerySchema,
  pushRequestSchema,
  type LearningEvent,
  type PushResponse,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { getOrganisation, manages } from '../services/organisations';
import { ownerOfAccount, type Principal } from '../services/principal';
import { requireCaller } from './auth';
import { pullEvents } from '../services/events';
import { conflictRefusals, storeEvents } from '../services/eventWriter';
import { readPushMark } from '../services/pushMarks';
import { invalidBody, issuesOf, sendError } from './errors';
import { refuseOutdated } from './protocol';
import { signEarnedCertificates } from './certificates';

/** The owners whose events a pull may return: the caller's, or an organisation's members'. */
async function ownersInScope(
  db: Database,
  principal: Principal,
  scope: string | undefined,
): Promise<string[] | null> {
  if (!scope) return [principal.ownerId];
  if (principal.kind !== 'account') return null;
  const org = await getOrganisation(db, scope.slice('org:'.length));
  if (!org || !(await manages(db, principal.accountId, org))) return null;
  const members = await db.query<{ account_id: string }>(
    `SELECT account_id FROM memberships WHERE organisation_id = $1`,
    [org.id],
  );
  return members.map((m) => ownerOfAccount(m.account_id));
}

/** Splits a batch into events to store and refusals, each with its typed reason. */
function sortBatch(deviceId: string, raw: unknown[]) {
  const valid: LearningEvent[] = [];
  const refused: PushResponse['refused'] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const id = (item as { id: string }).id;
    const parsed = learningEventSchema.safeParse(item);
    if (!parsed.success) {
      const first = issuesOf(parsed.error)[0];
      refused.push({ id, reason: 'invalid_event', message: `${first?.path}: ${first?.message}` });
    } else if (parsed.data.deviceId !== deviceId) {
      refused.push({ id, reason: 'wrong_device', message: 'The event names another device' });
    } else if (!seen.has(id)) {
      seen.add(id);
      valid.push(parsed.data);
    }
  }
  return { valid, refused };
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
    const { deviceId, highWater } = parsed.data;
    const { valid, refused } = sortBatch(deviceId, parsed.data.events);
    const stored = await storeEvents(db, {
      ownerId: caller.ownerId,
      events: valid,
      mark: highWater === undefined ? undefined : { deviceId, highWater, refused: [...refused] },
    });
    refused.push(...conflictRefusals(stored.conflicts));
    const accepted = [...new Set(stored.accepted)];
    if (valid.some((e) => e.type === 'certificate.requested')) {
      // Signing is checked again on every certificates list: a failure here never fails a push.
      await signEarnedCertificates(db, caller.ownerId).catch((error: unknown) =>
        request.log.error({ err: error }, 'certificate signing failed'),
      );
    }
    return reply.send({ accepted, refused } satisfies PushResponse);
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
    const owners = await ownersInScope(db, caller, query.data.scope);
    if (!owners) return sendError(reply, 'forbidden', 'Not allowed to read this scope');
    return reply.send(await pullEvents(db, owners, query.data.since, query.data.limit));
  });
}
