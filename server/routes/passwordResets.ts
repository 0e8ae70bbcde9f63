import { z } from 'zod';
import { resetCodeSchema, resetPasswordRequestSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import type { Guards } from '../rateLimits';
import { createResetCode, resetWithCode } from '../services/passwordResets';
import { sendError } from './errors';
import { refusals, route } from './table';

/** Recovery without e-mail or SMS: a manager makes a one-time code, its member uses it. */
export function passwordResetTable(db: Database, guards: Guards) {
  return [
    route({
      method: 'POST',
      url: '/api/orgs/:id/members/:accountId/reset-code',
      summary: "A one-time password reset code for a member, made by the organisation's manager",
      who: 'account',
      preHandler: guards.resetCode,
      schemas: {
        params: z.strictObject({ id: z.uuid(), accountId: z.uuid() }),
        response: { 201: resetCodeSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const outcome = await createResetCode(db, caller.accountId, params.id, params.accountId);
        if (outcome.ok) return reply.code(201).send(outcome.value);
        return outcome.code === 'forbidden'
          ? sendError(reply, 'forbidden', 'Not allowed')
          : sendError(reply, 'not_found', 'Not a member of this organisation');
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/reset-password',
      summary: 'A new password set with a reset code; every session of the account ends',
      who: 'anyone',
      preHandler: guards.resetPassword,
      schemas: {
        body: resetPasswordRequestSchema,
        response: {
          200: z.object({ reset: z.literal(true) }),
          ...refusals('unauthorized'),
        },
      },
      handler: async ({ reply, body }) => {
        if (!(await resetWithCode(db, body)))
          return sendError(reply, 'unauthorized', 'Wrong login or code, or the code has expired');
        return reply.send({ reset: true });
      },
    }),
  ];
}
