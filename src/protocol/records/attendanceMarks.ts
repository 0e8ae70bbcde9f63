import {
  attendanceMarkSchema,
  storedAttendanceMarkSchema,
  type AttendanceMark,
} from '../../protocol/attendance.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/**
 * One learner's attendance at one session of a class: the class's teachers push it, the
 * teachers pull every mark and a learner their own. The latest mark received wins.
 */
export const attendanceMarkKind = declareRecordKind({
  kind: 'attendance-mark',
  version: 1,
  schema: attendanceMarkSchema,
  stored: storedAttendanceMarkSchema,
  scope: 'organisation',
  idOf: (mark) => mark.id,
  deviceOf: (mark) => mark.deviceId,
});

/** A mark as a push carries it. */
export const markRecord = (mark: AttendanceMark) => recordOf(attendanceMarkKind, mark);
