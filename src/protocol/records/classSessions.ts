import {
  classSessionSchema,
  storedClassSessionSchema,
  type ClassSession,
} from '../../protocol/attendance.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/**
 * A version of a class session (day, topic, items covered). It belongs to the class it names:
 * the class's teachers push it, the class's members pull it. The latest version received wins.
 */
export const classSessionKind = declareRecordKind({
  kind: 'class-session',
  version: 1,
  schema: classSessionSchema,
  stored: storedClassSessionSchema,
  scope: 'organisation',
  idOf: (session) => session.id,
  deviceOf: (session) => session.deviceId,
});

/** A session version as a push carries it. */
export const sessionRecord = (session: ClassSession) => recordOf(classSessionKind, session);
