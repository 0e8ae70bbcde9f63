import type { LearningEvent, PushResponse, StoredEvent } from '../protocol';
import type { SyncStore } from '../sync/store';
import { database, type HocSoDatabase } from './db';
import { derivedTables, foldIntoDerived } from './derive';
import { guardStorage } from './errors';
import { deleteMeta, getDeviceId, readMeta, writeMeta } from './meta';

/**
 * The Dexie side of sync for one device database: every change it makes happens in one
 * transaction or not at all.
 */
export function createDexieSyncStore(db: HocSoDatabase = database()): SyncStore {
  return {
    getDeviceId: () => getDeviceId(db),

    async getDeviceToken() {
      const token = await readMeta('deviceToken', db);
      return typeof token === 'string' ? token : null;
    },

    async setDeviceToken(token) {
      if (token) await writeMeta('deviceToken', token, db);
      else await deleteMeta('deviceToken', db);
    },

    async pendingEvents(limit) {
      return db.transaction('r', db.outbox, db.events, async () => {
        const entries = await db.outbox.where('state').equals('pending').limit(limit).toArray();
        const events = await db.events.bulkGet(entries.map((entry) => entry.eventId));
        return events.filter((event): event is LearningEvent => event !== undefined).map(stripSeq);
      });
    },

    async settlePush({ accepted, refused }: PushResponse) {
      await guardStorage(() =>
        db.transaction('rw', db.outbox, async () => {
          await db.outbox.where('eventId').anyOf(accepted).delete();
          for (const { id, reason, message } of refused) {
            await db.outbox
              .where('eventId')
              .equals(id)
              .modify({ state: 'refused', refusal: { reason, message } });
          }
        }),
      );
    },

    async getPullCursor() {
      const cursor = await readMeta('pullCursor', db);
      return typeof cursor === 'number' ? cursor : 0;
    },

    async applyPulled(events: StoredEvent[], nextCursor: number) {
      await guardStorage(() =>
        db.transaction('rw', [db.events, db.meta, db.profiles, ...derivedTables(db)], async () => {
          // A profile deleted from this device stays deleted: its events are not brought back.
          const profiles = new Set(await db.profiles.toCollection().primaryKeys());
          for (const event of events) {
            if (!profiles.has(event.profileId)) continue;
            const known = await db.events.get(event.id);
            await db.events.put({ ...(known ?? event), serverSeq: event.serverSeq });
            if (!known) await foldIntoDerived(stripSeq(event), db);
          }
          await db.meta.put({ key: 'pullCursor', value: nextCursor });
        }),
      );
    },

    async setLastSyncedAt(iso) {
      await writeMeta('lastSyncedAt', iso, db);
    },
  };
}

function stripSeq(event: LearningEvent & { serverSeq?: number }): LearningEvent {
  const { serverSeq: _serverSeq, ...rest } = event;
  return rest as LearningEvent;
}
