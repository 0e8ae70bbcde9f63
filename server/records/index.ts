import type { RecordKindName } from '../../src/protocol';
import { assignmentHandler } from './assignments';
import type { RecordHandler } from './handler';
import { learningEventHandler } from './learningEvents';
import { visitVersionHandler } from './visitVersions';
import { classSessionHandler } from './classSessions';
import { attendanceMarkHandler } from './attendanceMarks';
import { visitReviewHandler } from './visitReviews';

export type { RecordHandler } from './handler';

/** The server's handler of every record kind the protocol declares. */
export const RECORD_HANDLERS: { [K in RecordKindName]: RecordHandler } = {
  'learning-event': learningEventHandler,
  'visit-version': visitVersionHandler,
  'class-session': classSessionHandler,
  'attendance-mark': attendanceMarkHandler,
  assignment: assignmentHandler,
  'visit-review': visitReviewHandler,
};
