import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { invalidBody } from './errors';

/** The 34 provinces and their communes: public facts, for pickers in the app. */
export function placeRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/places/provinces', async () =>
    db.query(`SELECT code, name, kind FROM provinces ORDER BY code`),
  );

  app.get('/api/places/provinces/:code/communes', async (request, reply) => {
    const params = z.strictObject({ code: z.string().regex(/^\d{2}$/) }).safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    return db.query(
      `SELECT code, name, kind FROM communes WHERE province_code = $1 ORDER BY code`,
      [params.data.code],
    );
  });
}
