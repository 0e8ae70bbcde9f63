import { z } from 'zod';
import { assignmentProgressSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { assignmentProgress } from '../services/assignmentProgress';
import { sendError } from './errors';
import { refusals, route } from './table';

const idParams = z.strictObject({ id: z.uuid() });

/** The teacher's (or agency admin's) table of learners × assigned items, from what has synced. */
export function assignmentProgressTable(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/api/orgs/:id/assignment-progress',
      summary:
        "Each standing assignment with its learners' status, the quiz questions most missed and when each last synced (the class's teachers, the agency's admins)",
      who: 'account',
      schemas: {
        params: idParams,
        response: { 200: assignmentProgressSchema, ...refusals('not_found') },
      },
      handler: async ({ reply, caller, params }) => {
        const outcome = await assignmentProgress(db, caller.accountId, params.id);
        if (outcome.ok) return reply.send(outcome.value);
        return sendError(
          reply,
          outcome.code,
          outcome.code === 'forbidden' ? 'Only the teacher or admin sees this' : 'Not found',
        );
      },
    }),
  ];
}
