import type { LearningEvent, PushResponse, StoredEvent } from '../protocol';
import type { SyncStore } from '../sync/store';
import { database, type HocSoDatabase } from './db';
import { derivedTables, foldIntoDerived } from './derive';
import { guardStorage } from './errors';
import { deleteMeta, getDeviceId, readMeta, writeMeta } from './meta';

/**
 * Whose events a sync store carries: the device's anonymous profiles (pushed with the
 * device token), or one profile signed in to an account (pushed and pulled as the account).
 */
export type SyncScope = { kind: 'device' } | { kind: 'account'; profileId: string };

/**
 * The Dexie side of sync for one device database and one scope: every change it makes
 * happens in one transaction or not at all.
 */
export function createDexieSyncStore(
  db: HocSoDatabase = database(),
  scope: SyncScope = { kind: 'device' },
): SyncStore {
  /** Whether an event of this device belongs to this store's scope. */
  async function inScope(): Promise<(event: LearningEvent) => boolean> {
    if (scope.kind === 'account') return (event) => event.profileId === scope.profileId;
    const signedIn = new Set(await db.credentials.toCollection().primaryKeys());
    return (event) => !signedIn.has(event.profileId);
  }

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
      return db.transaction('r', db.outbox, db.events, db.credentials, async () => {
        const belongs = await inScope();
        const entries = await db.outbox.where('state').equals('pending').toArray();
        const events = await db.events.bulkGet(entries.map((entry) => entry.eventId));
        return events
          .filter((event): event is LearningEvent => event !== undefined && belongs(event))
          .slice(0, limit)
          .map(stripSeq);
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
      if (scope.kind === 'account')
        return (await db.credentials.get(scope.profileId))?.pullCursor ?? 0;
      const cursor = await readMeta('pullCursor', db);
      return typeof cursor === 'number' ? cursor : 0;
    },

    async applyPulled(events: StoredEvent[], nextCursor: number) {
      const tables = [db.events, db.meta, db.profiles, db.credentials, ...derivedTables(db)];
      await guardStorage(() =>
        db.transaction('rw', tables, async () => {
          // A profile deleted from this device stays deleted: its events are not brought back.
          const profiles = new Set(await db.profiles.toCollection().primaryKeys());
          for (const pulled of events) {
            // An account's events from its other phones belong to the profile signed in here.
            const event =
              scope.kind === 'account' ? { ...pulled, profileId: scope.profileId } : pulled;
            if (!profiles.has(event.profileId)) continue;
            const known = await db.events.get(event.id);
            await db.events.put({ ...(known ?? event), serverSeq: event.serverSeq });
            if (!known) await foldIntoDerived(stripSeq(event), db);
          }
          if (scope.kind === 'account') {
            await db.credentials.update(scope.profileId, { pullCursor: nextCursor });
          } else {
            await db.meta.put({ key: 'pullCursor', value: nextCursor });
          }
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
