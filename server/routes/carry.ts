import {
  carriedRequestSchema,
  carriedResponseSchema,
  carryReceiptsQuerySchema,
  carryReceiptsSchema,
  carrySealKeySchema,
} from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { carryReceipts, currentCarryKey, receiveCarried } from '../services/carry';
import { sendError } from './errors';
import { refusals, route } from './table';

/** Largest carried file: 500 records sealed, with room to spare. */
const CARRIED_BODY_LIMIT = 4 * 1024 * 1024;

/** Carry to sync: the key files are sealed for, a carried file forwarded, and its receipts. */
export function carryTable(db: Database, guards: Guards) {
  return [
    route({
      method: 'GET',
      url: '/api/sync/carry-key',
      summary: "The server's X25519 key that phones seal their carried records for",
      who: 'anyone',
      schemas: { response: { 200: carrySealKeySchema } },
      handler: async ({ reply }) => reply.send(await currentCarryKey(db)),
    }),
    route({
      method: 'POST',
      url: '/api/sync/carried',
      summary:
        "Forward another phone's sealed records: stored once as if it pushed them, or refused",
      who: 'account',
      checksProtocol: true,
      bodyLimit: CARRIED_BODY_LIMIT,
      preHandler: guards.push,
      schemas: { body: carriedRequestSchema, response: { 200: carriedResponseSchema } },
      handler: async ({ reply, body }) => reply.send(await receiveCarried(db, body.file)),
    }),
    route({
      method: 'GET',
      url: '/api/sync/carried/receipts',
      summary: "What arrived of a device's carried records, for the device to settle",
      who: 'caller',
      checksProtocol: true,
      schemas: {
        querystring: carryReceiptsQuerySchema,
        response: { 200: carryReceiptsSchema, ...refusals('forbidden') },
      },
      handler: async ({ reply, caller, query }) => {
        if (caller.kind !== 'device' || caller.deviceId !== query.deviceId) {
          return sendError(reply, 'forbidden', 'Only the device itself reads its receipts');
        }
        return reply.send(await carryReceipts(db, query.deviceId));
      },
    }),
  ];
}
