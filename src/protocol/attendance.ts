import { z } from 'zod';
import { textSchema } from './text.ts';

/**
 * A class's sessions and attendance (issue 12). Both are chains of immutable versions: a
 * session version states the session whole (day, topic, items covered, deleted or not); a mark
 * states one learner's attendance at one session. The version the server received last wins;
 * every version is kept, with who pushed it and when. Everyone is present unless marked
 * otherwise. DO NOT CHANGE THESE SHAPES WITHOUT A MIGRATION.
 */

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A calendar day this century (PostgreSQL refuses year 0). */
export const sessionDaySchema = z.iso
  .date()
  .refine((day) => day >= '2000-01-01' && day <= '2099-12-31', 'a day between 2000 and 2099');

/** A month as `YYYY-MM`, the period of an attendance sheet. */
export const monthSchema = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** Who pushed a version, as the server records it. */
export const editorSchema = z.strictObject({ accountId: z.uuid(), displayName: z.string() });

/** One version of a class session, as the teacher's phone pushes it. */
export const classSessionSchema = z.strictObject({
  /** This version's id: a new one for every edit. */
  id: z.uuid({ version: 'v7' }),
  sessionId: z.uuid(),
  classId: z.uuid(),
  deviceId: z.uuid(),
  day: sessionDaySchema,
  topic: textSchema({ min: 1, max: 120 }),
  /** What the session covered, in a few words each. */
  items: z.array(textSchema({ min: 1, max: 120 })).max(30),
  /** A deleted session leaves the sheet; its marks are kept aside. */
  deleted: z.boolean(),
  /** The phone's clock when saved: shown, never used for ordering. */
  savedAt: z.iso.datetime({ offset: true }),
});
export type ClassSession = z.infer<typeof classSessionSchema>;

/** What the server adds to every version it stores: its cursor, who pushed it and when. */
const storedParts = {
  serverSeq: z.int().positive(),
  pushedBy: editorSchema,
  receivedAt: z.iso.datetime({ offset: true }),
};

export const storedClassSessionSchema = classSessionSchema.extend(storedParts);
export type StoredClassSession = z.infer<typeof storedClassSessionSchema>;

/** One learner's attendance at one session, as the teacher's phone pushes it. */
export const attendanceMarkSchema = z.strictObject({
  /** This version's id: a new one for every change. */
  id: z.uuid({ version: 'v7' }),
  sessionId: z.uuid(),
  classId: z.uuid(),
  learnerId: z.uuid(),
  deviceId: z.uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  savedAt: z.iso.datetime({ offset: true }),
});
export type AttendanceMark = z.infer<typeof attendanceMarkSchema>;

export const storedAttendanceMarkSchema = attendanceMarkSchema.extend(storedParts);
export type StoredAttendanceMark = z.infer<typeof storedAttendanceMarkSchema>;
