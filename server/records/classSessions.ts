import { classSessionKind } from '../../src/protocol';
import { pullSessions } from '../services/attendance';
import { classReader, pushToClasses } from './classAttendance';
import { pullFromOrganisation, type RecordHandler } from './handler';

/**
 * Session versions belong to the class they name: its teachers push them; its teachers and
 * learners pull them (a day and a topic, nothing personal). Scope `org:<class id>`.
 */
export const classSessionHandler: RecordHandler<typeof classSessionKind> = {
  kind: classSessionKind,

  push: (db, { caller, records }) => pushToClasses(db, caller, classSessionKind.kind, records),

  pull(db, { caller, scope, since, limit }) {
    return pullFromOrganisation(
      classSessionKind,
      scope,
      async (classId) =>
        (await classReader(db, caller, classId)) && pullSessions(db, classId, since, limit),
      (session) => session.id,
    );
  },
};
