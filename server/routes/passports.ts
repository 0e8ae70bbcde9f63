import { passportRequestSchema, passportSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import type { IssuerSettings } from '../services/certificates';
import { issuePassport } from '../services/passports';
import { sendError } from './errors';
import { refusals, route } from './table';

/** The progress passport: a person's own record as the server holds it, signed. */
export function passportTable(db: Database, settings: IssuerSettings) {
  return [
    route({
      method: 'POST',
      url: '/api/passports',
      summary: "A signed progress passport of one of the caller's profiles (or the account)",
      who: 'caller',
      checksProtocol: true,
      schemas: {
        body: passportRequestSchema,
        response: { 200: passportSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, body }) => {
        const passport = await issuePassport(db, settings, caller, body);
        // Another device's profile answers exactly like one with nothing synced yet.
        if (!passport)
          return sendError(reply, 'not_found', 'The server holds no records of this profile yet');
        return reply.send(passport);
      },
    }),
  ];
}
