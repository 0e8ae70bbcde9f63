import {
  learningEventKind,
  type LearningEvent,
  type PushMark,
  type PushResponse,
  type StoredEvent,
} from '../protocol';
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

  /** This scope's pending outbox entries with their events, oldest first. */
  async function pendingInScope(): Promise<{ seq: number; event: LearningEvent }[]> {
    const belongs = await inScope();
    const entries = await db.outbox.where('state').equals('pending').sortBy('seq');
    const events = await db.events.bulkGet(entries.map((entry) => entry.eventId));
    return entries.flatMap((entry, i) => {
      const event = events[i];
      return event && belongs(event) ? [{ seq: entry.seq!, event }] : [];
    });
  }

  async function keepRefused(refused: PushResponse['refused']): Promise<void> {
    for (const { kind, id, reason, message } of refused) {
      if (kind !== learningEventKind.kind) continue;
      await db.outbox
        .where('eventId')
        .equals(id)
        .modify({ state: 'refused', refusal: { reason, message } });
    }
  }

  async function forgetPushInFlight(): Promise<void> {
    if (scope.kind === 'account') {
      await db.credentials
        .where('profileId')
        .equals(scope.profileId)
        .modify((row) => {
          delete row.pushInFlight;
        });
    } else {
      await db.meta.delete('pushInFlight');
    }
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
        const pending = await pendingInScope();
        const batch = pending.slice(0, limit);
        return {
          events: batch.map(({ event }) => stripSeq(event)),
          highWater: batch.at(-1)?.seq ?? 0,
        };
      });
    },

    async markPushInFlight(highWater) {
      await guardStorage(async () => {
        if (scope.kind === 'account') {
          await db.credentials.update(scope.profileId, { pushInFlight: highWater });
        } else {
          await db.meta.put({ key: 'pushInFlight', value: highWater });
        }
      });
    },

    async pushInFlight() {
      const value =
        scope.kind === 'account'
          ? (await db.credentials.get(scope.profileId))?.pushInFlight
          : await readMeta('pushInFlight', db);
      return typeof value === 'number' ? value : null;
    },

    async settlePush({ accepted, refused }: PushResponse) {
      const acceptedEvents = accepted.filter((r) => r.kind === learningEventKind.kind);
      await guardStorage(() =>
        db.transaction('rw', db.outbox, db.meta, db.credentials, async () => {
          await db.outbox
            .where('eventId')
            .anyOf(acceptedEvents.map((r) => r.id))
            .delete();
          await keepRefused(refused);
          await forgetPushInFlight();
        }),
      );
    },

    async settleUpTo({ highWater, refused }: PushMark) {
      await guardStorage(() =>
        db.transaction('rw', [db.outbox, db.events, db.meta, db.credentials], async () => {
          const refusedIds = new Set(
            refused.filter((r) => r.kind === learningEventKind.kind).map((r) => r.id),
          );
          const settled = (await pendingInScope()).filter(({ seq }) => seq <= highWater);
          await db.outbox.bulkDelete(
            settled.filter(({ event }) => !refusedIds.has(event.id)).map(({ seq }) => seq),
          );
          await keepRefused(refused);
          await forgetPushInFlight();
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
