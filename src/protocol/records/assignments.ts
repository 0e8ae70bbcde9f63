import { z } from 'zod';
import { slugSchema } from '../../protocol/events.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/** A calendar day (YYYY-MM-DD) this century. */
const isoDay = z.iso
  .date()
  .refine((day) => day >= '2000-01-01' && day <= '2099-12-31', 'a day between 2000 and 2099');

/** What is assigned: a course or a walkthrough of the installed content, by id. */
export const assignedItemSchema = z.strictObject({
  kind: z.enum(['course', 'walkthrough']),
  id: slugSchema,
});
export type AssignedItem = z.infer<typeof assignedItemSchema>;

/** Who must do it: every member of the organisation, or one member's account. */
export const assignmentTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organisation') }),
  z.strictObject({ kind: z.literal('member'), accountId: z.uuid() }),
]);
export type AssignmentTarget = z.infer<typeof assignmentTargetSchema>;

const envelope = {
  id: z.uuid({ version: 'v7' }),
  deviceId: z.uuid(),
  organisationId: z.uuid(),
  /** When the teacher or admin made the record on their phone. */
  madeAt: z.iso.datetime({ offset: true }),
};

/** A teacher (of a class) or an agency admin gives an item to the organisation or one member. */
export const assignSchema = z.strictObject({
  ...envelope,
  action: z.literal('assign'),
  item: assignedItemSchema,
  target: assignmentTargetSchema,
  /** The last day to finish it, in Vietnam's calendar; null when there is none. */
  dueDate: isoDay.nullable(),
});

/** Takes an assignment back. Records are append-only: a withdrawal is a later record. */
export const withdrawSchema = z.strictObject({
  ...envelope,
  action: z.literal('withdraw'),
  assignmentId: z.uuid({ version: 'v7' }),
});

export const assignmentRecordSchema = z.discriminatedUnion('action', [
  assignSchema,
  withdrawSchema,
]);
export type AssignmentRecord = z.infer<typeof assignmentRecordSchema>;

/** What the server adds: its cursor, and who made the record (named on the learner's home). */
const storedFields = {
  serverSeq: z.int().positive(),
  madeBy: z.object({ accountId: z.uuid(), displayName: z.string() }),
};
export const storedAssignmentSchema = z.discriminatedUnion('action', [
  assignSchema.extend(storedFields),
  withdrawSchema.extend(storedFields),
]);
export type StoredAssignment = z.infer<typeof storedAssignmentSchema>;

/**
 * Assignments of courses and walkthroughs, with an optional due date, in a class or an agency.
 * Its teachers or admins push them; every member pulls those meant for them (the whole
 * organisation's and their own), staff pull all. Status is derived on the phone, never stored.
 */
export const assignmentKind = declareRecordKind({
  kind: 'assignment',
  version: 1,
  schema: assignmentRecordSchema,
  stored: storedAssignmentSchema,
  scope: 'organisation',
  idOf: (record) => record.id,
  deviceOf: (record) => record.deviceId,
});

/** An assignment record as a push carries it. */
export const assignmentRecord = (record: AssignmentRecord) => recordOf(assignmentKind, record);
