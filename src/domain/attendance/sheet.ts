import {
  monthSchema,
  type AttendanceMark,
  type AttendanceStatus,
  type ClassSession,
} from '../../protocol/attendance.ts';
import { currentSessions, sessionAttendance } from './marks.ts';
import type { Version } from './versions.ts';

/** Whether a text is a month as the sheet takes it (`YYYY-MM`). */
export const isMonth = (text: string | null): text is string => monthSchema.safeParse(text).success;

export interface SheetLearner {
  accountId: string;
  displayName: string;
}

export interface SheetSession {
  sessionId: string;
  day: string;
  topic: string;
}

/** A month's attendance: learners (by name) down, the month's sessions (by day) across. */
export interface AttendanceSheet {
  month: string;
  sessions: SheetSession[];
  rows: { learner: SheetLearner; statuses: AttendanceStatus[]; present: number }[];
}

type SessionVersion = Pick<ClassSession, 'id' | 'sessionId' | 'day' | 'topic' | 'deleted'> &
  Version;
type MarkVersion = Pick<AttendanceMark, 'id' | 'sessionId' | 'learnerId' | 'status'> & Version;

/** Present or late counts as attending. */
const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late']);

/** The sheet of a month (`YYYY-MM`): sessions not deleted, in day order; learners by name. */
export function attendanceSheet(
  month: string,
  learners: readonly SheetLearner[],
  sessions: readonly SessionVersion[],
  marks: readonly MarkVersion[],
): AttendanceSheet {
  const ofMonth = currentSessions(sessions)
    .filter((session) => !session.deleted && session.day.startsWith(`${month}-`))
    .sort((a, b) => a.day.localeCompare(b.day) || a.sessionId.localeCompare(b.sessionId));
  const byName = [...learners].sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
  const learnerIds = byName.map((learner) => learner.accountId);
  const columns = ofMonth.map((session) => sessionAttendance(session.sessionId, learnerIds, marks));
  return {
    month,
    sessions: ofMonth.map(({ sessionId, day, topic }) => ({ sessionId, day, topic })),
    rows: byName.map((learner) => {
      const statuses = columns.map((column) => column.get(learner.accountId) ?? 'present');
      return {
        learner,
        statuses,
        present: statuses.filter((status) => ATTENDED.has(status)).length,
      };
    }),
  };
}
