import { z } from 'zod';
import { assignmentProgressSchema } from '../../src/protocol';
import type { Database } from '../db/database';
import { assignmentProgress } from '../services/assignmentProgress';
import { assignmentProgressExport } from '../services/assignmentProgressExport';
import type { ExportFormat } from '../services/exportFiles';
import { sendError } from './errors';
import { fileAnswer, refusals, route, sendExport } from './table';

const idParams = z.strictObject({ id: z.uuid() });

/** The teacher's (or agency admin's) table of learners × assigned items, from what has synced. */
export function assignmentProgressTable(db: Database) {
  const file = (format: ExportFormat) =>
    route({
      method: 'GET',
      url: `/api/orgs/:id/assignment-progress.${format}`,
      summary: `The progress table as ${format}: one row per learner and assigned item, by name (the class's teachers, the agency's admins)`,
      who: 'account',
      schemas: {
        params: idParams,
        response: {
          200: fileAnswer(format),
          ...refusals('not_found'),
        },
      },
      handler: async ({ reply, caller, params }) => {
        const outcome = await assignmentProgressExport(db, caller.accountId, params.id, format);
        if (!outcome.ok) {
          return sendError(
            reply,
            outcome.code,
            outcome.code === 'forbidden' ? 'Only the teacher or admin exports this' : 'Not found',
          );
        }
        return sendExport(
          db,
          reply,
          {
            actorId: caller.accountId,
            target: `org:${params.id}`,
            kind: 'assignment-progress',
            file: outcome.value,
            fileName: `tien-do.${format}`,
          },
          format,
        );
      },
    });
  return [
    file('csv'),
    file('xlsx'),
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
