import { z } from 'zod';
import {
  deviceKeySchema,
  PROTOCOL_VERSION,
  registerDeviceRequestSchema,
  registerDeviceResponseSchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { provesKey, registerDevice, setDeviceKey } from '../services/devices';
import { sendError } from './errors';
import { refusals, route } from './table';

const deviceKeyStoredSchema = z.object({ publicKey: z.string() });

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
        if (body.key && !provesKey(body.deviceId, body.key)) {
          return sendError(reply, 'invalid_body', 'The key proof does not match the key');
        }
        const token = await registerDevice(db, body.deviceId, body.key);
        if (!token) return sendError(reply, 'conflict', 'This device id is already registered');
        return reply.code(201).send({ deviceToken: token, protocolVersion: PROTOCOL_VERSION });
      },
    }),
    route({
      method: 'PUT',
      url: '/api/devices/key',
      summary:
        "Name the device's signing key, once: what it seals for others to carry is checked with it",
      who: 'caller',
      checksProtocol: true,
      schemas: {
        body: deviceKeySchema,
        response: { 200: deviceKeyStoredSchema, ...refusals('forbidden', 'conflict') },
      },
      handler: async ({ reply, caller, body }) => {
        if (caller.kind !== 'device') {
          return sendError(reply, 'forbidden', 'Only a device names its own key');
        }
        const outcome = await setDeviceKey(db, caller.deviceId, body);
        if (outcome === 'unproven') {
          return sendError(reply, 'invalid_body', 'The key proof does not match the key');
        }
        if (outcome === 'other_key') {
          return sendError(reply, 'conflict', 'This device already named another key');
        }
        return reply.send({ publicKey: body.publicKey });
      },
    }),
  ];
}
