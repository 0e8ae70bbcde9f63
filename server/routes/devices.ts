import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, registerDeviceRequestSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { registerDevice } from '../services/devices';
import { invalidBody, sendError } from './errors';
import { refuseOutdated } from './protocol';

export function deviceRoutes(app: FastifyInstance, db: Database, guards: Guards): void {
  app.post('/api/devices', { preHandler: guards.registerDevice }, async (request, reply) => {
    if (refuseOutdated(request, reply)) return reply;
    const parsed = registerDeviceRequestSchema.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const token = await registerDevice(db, parsed.data.deviceId);
    if (!token) return sendError(reply, 'conflict', 'This device id is already registered');
    return reply.code(201).send({ deviceToken: token, protocolVersion: PROTOCOL_VERSION });
  });
}
