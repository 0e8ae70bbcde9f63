import { newEventId } from '../lib/ids';
import {
  learningEventSchema,
  type EventPayload,
  type EventType,
  type LearningEvent,
} from '../protocol';
import { database, type HocSoDatabase } from './db';
import { derivedTables, foldIntoDerived } from './derive';
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
  db: HocSoDatabase = database(),
): Promise<LearningEvent> {
  const event = learningEventSchema.parse({
    id: newEventId(),
    deviceId: await getDeviceId(db),
    profileId,
    occurredAt: new Date().toISOString(),
    type,
    payload,
  });
  await guardStorage(() =>
    db.transaction('rw', [db.events, db.outbox, ...derivedTables(db)], async () => {
      await db.events.add(event);
      await foldIntoDerived(event, db);
      await db.outbox.add({
        kind: 'learning-event',
        recordId: event.id,
        createdAt: event.occurredAt,
        state: 'pending',
      });
    }),
  );
  return event;
}
