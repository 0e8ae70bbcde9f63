import { z } from 'zod';
import { placeSchema, provinceCodeSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { communesOf, provinces } from '../services/places';
import { route } from './table';

/** The 34 provinces and their communes: public facts, for pickers in the app. */
export function placeTable(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/api/places/provinces',
      summary: 'Every province',
      who: 'anyone',
      schemas: { response: { 200: z.array(placeSchema) } },
      handler: async () => provinces(db),
    }),
    route({
      method: 'GET',
      url: '/api/places/provinces/:code/communes',
      summary: 'The communes of a province',
      who: 'anyone',
      schemas: {
        params: z.strictObject({ code: provinceCodeSchema }),
        response: { 200: z.array(placeSchema) },
      },
      handler: async ({ params }) => communesOf(db, params.code),
    }),
  ];
}
