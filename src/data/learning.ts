import { applyEvent, courseOf, emptyProgress } from '../domain/progress';
import { newEventId } from '../lib/ids';
import {
  learningEventSchema,
  type EventPayload,
  type EventType,
  type LearningEvent,
} from '../protocol';
import { database } from './db';
import { guardStorage } from './errors';
import { getDeviceId } from './meta';

/**
 * Records something a person did: the immutable event, the progress it changes and the outbox
 * entry that will carry it to the server, all in one transaction — all three or none.
 */
export async function recordEvent<T extends EventType>(
  profileId: string,
  type: T,
  payload: EventPayload<T>,
): Promise<LearningEvent> {
  const event = learningEventSchema.parse({
    id: newEventId(),
    deviceId: await getDeviceId(),
    profileId,
    occurredAt: new Date().toISOString(),
    type,
    payload,
  });
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.events, db.courseProgress, db.outbox, async () => {
      await db.events.add(event);
      const courseId = courseOf(event);
      const before =
        (await db.courseProgress.get([profileId, courseId])) ?? emptyProgress(profileId, courseId);
      await db.courseProgress.put(applyEvent(before, event));
      await db.outbox.add({
        eventId: event.id,
        createdAt: event.occurredAt,
        state: 'pending',
      });
    }),
  );
  return event;
}
