import { attendanceMarkKind } from '../../src/protocol';
import { pullMarks } from '../services/attendance';
import { classReader, pushToClasses } from './classAttendance';
import { pullFromOrganisation, type RecordHandler } from './handler';

/**
 * Attendance marks belong to the class they name: its teachers push them and pull every mark;
 * a learner of the class pulls their own marks only. Scope `org:<class id>`.
 */
export const attendanceMarkHandler: RecordHandler<typeof attendanceMarkKind> = {
  kind: attendanceMarkKind,

  push: (db, { caller, records }) => pushToClasses(db, caller, attendanceMarkKind.kind, records),

  pull(db, { caller, scope, since, limit }) {
    return pullFromOrganisation(
      attendanceMarkKind,
      scope,
      async (classId) => {
        const reader = await classReader(db, caller, classId);
        return reader && pullMarks(db, classId, reader.learnerId, since, limit);
      },
      (mark) => mark.id,
    );
  },
};
