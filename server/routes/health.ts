import { healthResponseSchema, PROTOCOL_VERSION } from '../../src/protocol';
import type { Database } from '../db/database';
import { route } from './table';

export function healthTable(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      summary: 'The server and its database answer',
      who: 'anyone',
      schemas: { response: { 200: healthResponseSchema } },
      handler: async () => {
        await db.query('SELECT 1');
        return { status: 'ok', protocolVersion: PROTOCOL_VERSION, database: db.kind };
      },
    }),
  ];
}
