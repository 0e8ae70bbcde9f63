import {
  learningEventSchema,
  storedEventSchema,
  type LearningEvent,
} from '../../protocol/events.ts';
import { declareRecordKind, recordOf } from './kind.ts';

/** What a person did while learning: immutable, append-only, the owner's own. */
export const learningEventKind = declareRecordKind({
  kind: 'learning-event',
  version: 1,
  schema: learningEventSchema,
  stored: storedEventSchema,
  scope: 'owner',
  idOf: (event) => event.id,
  deviceOf: (event) => event.deviceId,
});

/** A learning event as a push carries it. */
export const eventRecord = (event: LearningEvent) => recordOf(learningEventKind, event);
