import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../src/protocol';
import type { Database } from '../db/database';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/health', async () => {
    await db.query('SELECT 1');
    return { status: 'ok', protocolVersion: PROTOCOL_VERSION, database: db.kind };
  });
}
