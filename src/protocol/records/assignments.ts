import { z } from 'zod';
import { slugSchema } from '../../protocol/events.ts';
import { textSchema } from '../../protocol/text.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/** A calendar day (YYYY-MM-DD) this century. */
const isoDay = z.iso
  .date()
  .refine((day) => day >= '2000-01-01' && day <= '2099-12-31', 'a day between 2000 and 2099');

/** The most courses one programme holds. */
export const MAX_PROGRAMME_COURSES = 20;

/**
 * A programme: a named set of courses, passed when every one of them is mastered (the one pass
 * rule). Its id is the admin's own, a kebab-case key made from the name on the phone.
 */
export const programmeItemSchema = z.strictObject({
  kind: z.literal('programme'),
  id: slugSchema.max(80),
  title: textSchema({ min: 1, max: 120 }),
  courses: z
    .array(slugSchema)
    .min(1, 'a programme holds at least one course')
    .max(MAX_PROGRAMME_COURSES)
    .refine((ids) => new Set(ids).size === ids.length, 'each course once'),
});
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;

/** What is assigned: a course or a walkthrough of the installed content, by id, or a programme. */
export const assignedItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['course', 'walkthrough']), id: slugSchema }),
  programmeItemSchema,
]);
export type AssignedItem = z.infer<typeof assignedItemSchema>;

/**
 * Who must do it: every member of the organisation, one member's account, or (in an agency)
 * the staff of one unit or everyone holding one position.
 */
export const assignmentTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organisation') }),
  z.strictObject({ kind: z.literal('member'), accountId: z.uuid() }),
  z.strictObject({ kind: z.literal('unit'), unitId: z.uuid() }),
  z.strictObject({ kind: z.literal('position'), position: textSchema({ min: 1, max: 80 }) }),
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
  /** The first day of it (absent: the day it was made); never after the due date. */
  startDate: isoDay.optional(),
  /** Done again every year: each year's round starts and is due a year after the last. */
  renewal: z.literal('yearly').optional(),
});

/** Takes an assignment back. Records are append-only: a withdrawal is a later record. */
export const withdrawSchema = z.strictObject({
  ...envelope,
  action: z.literal('withdraw'),
  assignmentId: z.uuid({ version: 'v7' }),
});

/** An admin frees one person from an assignment (a programme, mostly), saying why. */
export const exemptSchema = z.strictObject({
  ...envelope,
  action: z.literal('exempt'),
  assignmentId: z.uuid({ version: 'v7' }),
  accountId: z.uuid(),
  reason: textSchema({ min: 1, max: 300 }),
});

export const assignmentRecordSchema = z.discriminatedUnion('action', [
  assignSchema,
  withdrawSchema,
  exemptSchema,
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
  exemptSchema.extend(storedFields),
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
