import { attendanceMarkKind } from '../../src/protocol';
import { pullMarks } from '../services/attendance';
import { classReader, pushToClasses } from './classAttendance';
import type { RecordHandler } from './handler';

/**
 * Attendance marks belong to the class they name: its teachers push them and pull every mark;
 * a learner of the class pulls their own marks only. Scope `org:<class id>`.
 */
export const attendanceMarkHandler: RecordHandler<typeof attendanceMarkKind> = {
  kind: attendanceMarkKind,

  push: (db, { caller, records }) => pushToClasses(db, caller, attendanceMarkKind.kind, records),

  async pull(db, { caller, scope, since, limit }) {
    const reader = await classReader(db, caller, scope);
    if (!reader) return null;
    const page = await pullMarks(db, reader.classId, reader.learnerId, since, limit);
    return {
      records: page.versions.map((data) => ({ kind: attendanceMarkKind.kind, id: data.id, data })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
};
