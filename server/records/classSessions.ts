import { classSessionKind } from '../../src/protocol';
import { pullSessions } from '../services/attendance';
import { classReader, pushToClasses } from './classAttendance';
import type { RecordHandler } from './handler';

/**
 * Session versions belong to the class they name: its teachers push them; its teachers and
 * learners pull them (a day and a topic, nothing personal). Scope `org:<class id>`.
 */
export const classSessionHandler: RecordHandler<typeof classSessionKind> = {
  kind: classSessionKind,

  push: (db, { caller, records }) => pushToClasses(db, caller, classSessionKind.kind, records),

  async pull(db, { caller, scope, since, limit }) {
    const reader = await classReader(db, caller, scope);
    if (!reader) return null;
    const page = await pullSessions(db, reader.classId, since, limit);
    return {
      records: page.versions.map((data) => ({ kind: classSessionKind.kind, id: data.id, data })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  },
};
