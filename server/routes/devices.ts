import {
  PROTOCOL_VERSION,
  registerDeviceRequestSchema,
  registerDeviceResponseSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { registerDevice } from '../services/devices';
import { sendError } from './errors';
import { refusals, route } from './table';

/** A phone registers once and gets the token it syncs with before anyone signs in. */
export function deviceTable(db: Database, guards: Guards) {
  return [
    route({
      method: 'POST',
      url: '/api/devices',
      summary: 'Register a device and get its token',
      who: 'anyone',
      checksProtocol: true,
      preHandler: guards.registerDevice,
      schemas: {
        body: registerDeviceRequestSchema,
        response: { 201: registerDeviceResponseSchema, ...refusals('conflict') },
      },
      handler: async ({ reply, body }) => {
        const token = await registerDevice(db, body.deviceId);
        if (!token) return sendError(reply, 'conflict', 'This device id is already registered');
        return reply.code(201).send({ deviceToken: token, protocolVersion: PROTOCOL_VERSION });
      },
    }),
  ];
}
