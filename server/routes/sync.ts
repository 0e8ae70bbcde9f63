import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  learningEventSchema,
  pullQuerySchema,
  pushRequestSchema,
  type LearningEvent,
  type PushResponse,
} from '../../src/protocol';
import type { Database } from '../db/database';
import { authenticateDevice, type Device } from '../services/devices';
import { pullEvents, storeEvents } from '../services/events';
import { invalidBody, issuesOf, sendError } from './errors';
import { refuseOutdated } from './protocol';

async function deviceOf(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Device | null> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  const device = token ? await authenticateDevice(db, token) : null;
  if (!device) sendError(reply, 'unauthorized', 'Missing or unknown device token');
  return device;
}

/** Splits a batch into events to store and refusals, each with its typed reason. */
function sortBatch(device: Device, raw: unknown[]) {
  const valid: LearningEvent[] = [];
  const refused: PushResponse['refused'] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const id = (item as { id: string }).id;
    const parsed = learningEventSchema.safeParse(item);
    if (!parsed.success) {
      const first = issuesOf(parsed.error)[0];
      refused.push({ id, reason: 'invalid_event', message: `${first?.path}: ${first?.message}` });
    } else if (parsed.data.deviceId !== device.id) {
      refused.push({ id, reason: 'wrong_device', message: 'The event names another device' });
    } else if (!seen.has(id)) {
      seen.add(id);
      valid.push(parsed.data);
    }
  }
  return { valid, refused };
}

export function syncRoutes(app: FastifyInstance, db: Database): void {
  app.post('/api/sync/push', { bodyLimit: 2 * 1024 * 1024 }, async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const device = await deviceOf(db, request, reply);
    if (!device) return reply;
    if (parsed.data.deviceId !== device.id) {
      return sendError(reply, 'forbidden', 'The batch names another device than the token');
    }
    const { valid, refused } = sortBatch(device, parsed.data.events);
    const stored = await storeEvents(db, device.ownerId, valid);
    for (const id of stored.conflicts) {
      refused.push({ id, reason: 'id_conflict', message: 'Another owner already used this id' });
    }
    const accepted = [...new Set(stored.accepted)];
    return reply.send({ accepted, refused } satisfies PushResponse);
  });

  app.get('/api/sync/pull', async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return invalidBody(reply, query.error);
    const device = await deviceOf(db, request, reply);
    if (!device) return reply;
    return reply.send(await pullEvents(db, device.ownerId, query.data.since, query.data.limit));
  });
}
