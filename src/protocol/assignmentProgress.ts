import { z } from 'zod';
import { assignedItemSchema, assignmentTargetSchema } from './records/assignments.ts';

export const assignmentStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not_started') }),
  z.object({ kind: z.literal('in_progress') }),
  z.object({ kind: z.literal('done'), day: z.iso.date() }),
  z.object({ kind: z.literal('overdue'), started: z.boolean() }),
  z.object({ kind: z.literal('exempt'), reason: z.string() }),
]);

/**
 * `GET /api/orgs/:id/assignment-progress`, for the organisation's teacher or admin: each standing
 * assignment, each learner it is for and where they stand, and for a course the quiz questions
 * its learners missed most; from what their phones have synced, as of `asOf`.
 */
export const assignmentProgressSchema = z.object({
  asOf: z.iso.datetime({ offset: true }),
  learners: z.array(
    z.object({
      accountId: z.uuid(),
      displayName: z.string(),
      /** When the server last received anything this learner did; null if never. */
      lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.uuid(),
      item: assignedItemSchema,
      target: assignmentTargetSchema,
      dueDate: z.iso.date().nullable(),
      statuses: z.array(z.object({ accountId: z.uuid(), status: assignmentStatusSchema })),
      /** A course's questions that its learners ever got wrong: how many learners, most first. */
      missed: z.array(z.object({ questionId: z.string(), learners: z.int().min(1) })),
    }),
  ),
});
export type AssignmentProgress = z.infer<typeof assignmentProgressSchema>;
