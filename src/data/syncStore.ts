import {
  assignmentKind,
  assignmentRecord,
  learningEventKind,
  reviewRecord,
  storedOf,
  visitReviewKind,
  visitVersionId,
  visitVersionKind,
  type LearningEvent,
  type PulledRecord,
  type PushedRecord,
  type PushMark,
  type RecordRef,
  type Refusal,
  type StoredEvent,
} from '../protocol';
import type { PullTarget, SyncStore } from './syncStoreContract';
import {
  applyPulledClassRecords,
  classPullCursor,
  classPullTargets,
  classRecordTables,
  isClassRecordKind,
  pendingClassRecord,
  settleClassRecord,
  type ClassRecordKind,
} from './attendanceSync';
import { database, type HocSoDatabase } from './db';
import { deviceKeyClaim } from './deviceKey';
import { derivedTables, foldIntoDerived } from './derive';
import { guardStorage } from './errors';
import { deleteMeta, getDeviceId, readMeta, writeMeta } from './meta';
import type { AssignmentRow, VisitReviewRow, VisitVersionRow } from './rows';
import { markSent } from './teamVault';
import { readVersion, storePulled } from './visits';
import { reviewOf, storePulledReviews } from './visitReviews';

/**
 * Whose records a sync store carries: the device's anonymous profiles (pushed with the
 * device token), or one profile signed in to an account (pushed and pulled as the account).
 */
export type SyncScope = { kind: 'device' } | { kind: 'account'; profileId: string };

/**
 * The unlocked team-log key of an account, or null while its log is locked. Visit versions are
 * sealed on the phone: they are read (to be pushed) and sealed (when pulled) only with it.
 */
export type VisitKey = (accountId: string) => CryptoKey | null;

const noKey: VisitKey = () => null;

/** A pending outbox entry of this scope, with the record it names. */
type Pending =
  | { seq: number; kind: 'learning-event'; event: LearningEvent }
  | { seq: number; kind: 'visit-version'; row: VisitVersionRow }
  | { seq: number; kind: ClassRecordKind; record: PushedRecord }
  | { seq: number; kind: 'assignment'; assignment: AssignmentRow }
  | { seq: number; kind: 'visit-review'; review: VisitReviewRow };

const visitRef = (recordId: string): [string, number] => {
  const at = recordId.lastIndexOf(':');
  return [recordId.slice(0, at), Number(recordId.slice(at + 1))];
};

/** The Dexie sync store, which also settles records that arrived carried by another phone. */
export interface DexieSyncStore extends SyncStore {
  /** Settles a carried bundle's records as its receipt says, leaving any push in flight alone. */
  settleReceipt(receipt: { accepted: RecordRef[]; refused: Refusal[] }): Promise<void>;
}

/**
 * The Dexie side of sync for one device database and one scope: every change it makes
 * happens in one transaction or not at all.
 */
export function createDexieSyncStore(
  db: HocSoDatabase = database(),
  scope: SyncScope = { kind: 'device' },
  visitKey: VisitKey = noKey,
): DexieSyncStore {
  async function accountId(): Promise<string | null> {
    if (scope.kind !== 'account') return null;
    return (await db.credentials.get(scope.profileId))?.accountId ?? null;
  }

  /** Whether an event of this device belongs to this store's scope. */
  async function inScope(): Promise<(event: LearningEvent) => boolean> {
    if (scope.kind === 'account') return (event) => event.profileId === scope.profileId;
    const signedIn = new Set(await db.credentials.toCollection().primaryKeys());
    return (event) => !signedIn.has(event.profileId);
  }

  /** This scope's pending outbox entries with their records, oldest first. */
  async function pendingInScope(): Promise<Pending[]> {
    const belongs = await inScope();
    const account = await accountId();
    const entries = await db.outbox.where('state').equals('pending').sortBy('seq');
    const pending: Pending[] = [];
    for (const entry of entries) {
      if (entry.kind === learningEventKind.kind) {
        const event = await db.events.get(entry.recordId);
        if (event && belongs(event)) pending.push({ seq: entry.seq!, kind: entry.kind, event });
      } else if (isClassRecordKind(entry.kind)) {
        if (scope.kind !== 'account') continue;
        const record = await pendingClassRecord(entry.kind, entry.recordId, scope.profileId, db);
        if (record) pending.push({ seq: entry.seq!, kind: entry.kind, record });
      } else if (account && entry.kind === assignmentKind.kind) {
        const assignment = await db.assignments.get([account, entry.recordId]);
        if (assignment) pending.push({ seq: entry.seq!, kind: entry.kind, assignment });
      } else if (account && entry.kind === visitReviewKind.kind) {
        const review = await db.visitReviews.get([account, entry.recordId]);
        if (review) pending.push({ seq: entry.seq!, kind: entry.kind, review });
      } else if (account && entry.kind === visitVersionKind.kind) {
        const row = await db.visitVersions.get(visitRef(entry.recordId));
        if (row?.accountId === account) pending.push({ seq: entry.seq!, kind: entry.kind, row });
      }
    }
    return pending;
  }

  const outboxKey = (kind: string, id: string) => [kind, id];

  /** Applies what the server said of each record to the outbox and to the record's own row. */
  async function settle(accepted: RecordRef[], refused: Refusal[]): Promise<void> {
    const account = await accountId();
    for (const { kind, id } of accepted) {
      await db.outbox.where('[kind+recordId]').equals(outboxKey(kind, id)).delete();
      if (kind === visitVersionKind.kind) {
        await db.visitVersions.update(visitRef(id), { state: 'sent' });
      }
      if (isClassRecordKind(kind)) await settleClassRecord(kind, id, 'sent', db);
      if (kind === assignmentKind.kind && account) {
        await db.assignments.update([account, id], { state: 'stored' });
      }
      if (kind === visitReviewKind.kind && account) {
        await db.visitReviews.update([account, id], { state: 'stored' });
      }
    }
    for (const { kind, id, reason, message } of refused) {
      const entry = db.outbox.where('[kind+recordId]').equals(outboxKey(kind, id));
      if (kind === visitVersionKind.kind && reason === 'conflict') {
        // Stored on the server and flagged for the leader: settled, shown as a conflict.
        await entry.delete();
        await db.visitVersions.update(visitRef(id), { state: 'conflict' });
        continue;
      }
      await entry.modify({ state: 'refused', refusal: { reason, message } });
      if (kind === visitVersionKind.kind) {
        await db.visitVersions.update(visitRef(id), { state: 'refused', refusal: reason });
      }
      if (isClassRecordKind(kind)) await settleClassRecord(kind, id, 'refused', db, reason);
      if (kind === assignmentKind.kind && account) {
        await db.assignments.update([account, id], {
          state: 'refused',
          refusal: { reason, message },
        });
      }
      if (kind === visitReviewKind.kind && account) {
        await db.visitReviews.update([account, id], {
          state: 'refused',
          refusal: { reason, message },
        });
      }
    }
    if (account && accepted.some((r) => r.kind === visitVersionKind.kind)) {
      await markSent(account, undefined, db);
    }
    if (scope.kind === 'device') await settleBundlesArrivedOtherwise();
  }

  /**
   * Carry files this phone made whose records have all left the outbox (pushed by the phone
   * itself, settled from its mark, or arrived in another file) reached the server: no receipt
   * is waited for any more.
   */
  async function settleBundlesArrivedOtherwise(): Promise<void> {
    for (const bundle of await db.carryMade.where('state').equals('waiting').toArray()) {
      if (!bundle.records) continue;
      const stillPending = await db.outbox
        .where('[kind+recordId]')
        .anyOf(bundle.records.map(({ kind, id }) => outboxKey(kind, id)))
        .filter((entry) => entry.state === 'pending')
        .count();
      if (stillPending === 0) {
        await db.carryMade.update(bundle.bundleId, {
          state: 'arrived',
          arrivedAt: new Date().toISOString(),
        });
      }
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

  const settleTables = [
    db.outbox,
    db.events,
    db.visitVersions,
    db.assignments,
    db.visitReviews,
    db.teamVaults,
    db.meta,
    db.credentials,
    db.classSessions,
    db.attendanceMarks,
    db.carryMade,
  ];

  async function applyPulledEvents(events: StoredEvent[], nextCursor: number): Promise<void> {
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
  }

  /** Keeps this account's versions logged on its other phones, then moves the team's cursor. */
  async function applyPulledVisits(teamId: string, records: PulledRecord[], nextCursor: number) {
    if (scope.kind !== 'account') return;
    const account = await accountId();
    const key = account ? visitKey(account) : null;
    if (!account || !key) return;
    const own = records.flatMap((r) =>
      r.kind === visitVersionKind.kind && r.data.pushedBy.accountId === account ? [r.data] : [],
    );
    await storePulled(key, account, own, db);
    await guardStorage(() =>
      db.credentials
        .where('profileId')
        .equals(scope.profileId)
        .modify((row) => {
          row.visitCursors = { ...row.visitCursors, [teamId]: nextCursor };
        }),
    );
  }

  /** Keeps a team's reviews (comments sealed) for this account, then moves the team's cursor. */
  async function applyPulledReviews(teamId: string, records: PulledRecord[], nextCursor: number) {
    if (scope.kind !== 'account') return;
    const account = await accountId();
    const key = account ? visitKey(account) : null;
    if (!account || !key) return;
    const reviews = records.flatMap((r) => (r.kind === visitReviewKind.kind ? [r.data] : []));
    await storePulledReviews(key, account, reviews, db);
    await guardStorage(() =>
      db.credentials
        .where('profileId')
        .equals(scope.profileId)
        .modify((row) => {
          row.reviewCursors = { ...row.reviewCursors, [teamId]: nextCursor };
        }),
    );
  }

  /** Keeps an organisation's pulled assignments for this account and moves its cursor. */
  async function applyPulledAssignments(
    organisationId: string,
    records: PulledRecord[],
    nextCursor: number,
  ): Promise<void> {
    if (scope.kind !== 'account') return;
    const account = await accountId();
    if (!account) return;
    await guardStorage(() =>
      db.transaction('rw', db.assignments, db.credentials, async () => {
        for (const pulled of records) {
          if (pulled.kind !== assignmentKind.kind) continue;
          const { serverSeq: _seq, madeBy, ...record } = pulled.data;
          await db.assignments.put({
            accountId: account,
            id: record.id,
            organisationId: record.organisationId,
            record,
            madeBy,
            state: 'stored',
          });
        }
        await db.credentials
          .where('profileId')
          .equals(scope.profileId)
          .modify((row) => {
            row.assignmentCursors = { ...row.assignmentCursors, [organisationId]: nextCursor };
          });
      }),
    );
  }

  return {
    getDeviceId: () => getDeviceId(db),
    deviceKey: () => deviceKeyClaim(db),

    async getDeviceToken() {
      const token = await readMeta('deviceToken', db);
      return typeof token === 'string' ? token : null;
    },

    async setDeviceToken(token) {
      if (token) await writeMeta('deviceToken', token, db);
      else await deleteMeta('deviceToken', db);
    },

    async pendingRecords(limit) {
      const pending = await db.transaction(
        'r',
        [
          db.outbox,
          db.events,
          db.credentials,
          db.visitVersions,
          db.assignments,
          db.visitReviews,
          ...classRecordTables(db),
        ],
        pendingInScope,
      );
      const account = await accountId();
      const key = account ? visitKey(account) : null;
      const records: PushedRecord[] = [];
      let highWater = 0;
      for (const entry of pending.slice(0, limit)) {
        if (entry.kind === learningEventKind.kind) {
          records.push({ kind: entry.kind, id: entry.event.id, data: stripSeq(entry.event) });
        } else if (entry.kind === assignmentKind.kind) {
          records.push(assignmentRecord(entry.assignment.record));
        } else if (entry.kind === visitReviewKind.kind) {
          // A review's comment is sealed like a visit: it waits for the log to be unlocked.
          if (!key) break;
          records.push(reviewRecord(await reviewOf(key, entry.review, db)));
        } else if (entry.kind !== visitVersionKind.kind) {
          records.push(entry.record);
        } else {
          // A visit can be read only with the team log unlocked; nothing after it goes first.
          if (!key) break;
          const version = await readVersion(key, entry.row);
          records.push({ kind: entry.kind, id: visitVersionId(version), data: version });
        }
        highWater = entry.seq;
      }
      return { records, highWater };
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

    async settleReceipt({ accepted, refused }) {
      await guardStorage(() =>
        db.transaction('rw', settleTables, async () => {
          await settle(accepted, refused);
        }),
      );
    },

    async settleUpTo({ highWater, refused }: PushMark) {
      await guardStorage(() =>
        db.transaction('rw', settleTables, async () => {
          const settled = (await pendingInScope())
            .filter(({ seq }) => seq <= highWater)
            .map((entry) => ({ kind: entry.kind, id: pendingId(entry) }));
          const inScope = new Set(settled.map((r) => `${r.kind} ${r.id}`));
          await settle(
            storedOf(settled, refused),
            refused.filter((r) => inScope.has(`${r.kind} ${r.id}`)),
          );
          await forgetPushInFlight();
        }),
      );
    },

    async pullTargets() {
      const targets: PullTarget[] = [{ kind: learningEventKind.kind }];
      if (scope.kind === 'account') targets.push(...(await classPullTargets(scope.profileId, db)));
      const account = await accountId();
      if (!account) return targets;
      const organisations = (await db.orgMemberships.get(account))?.organisations ?? [];
      for (const { organisationId, kind } of organisations) {
        if (kind !== 'team')
          targets.push({ kind: assignmentKind.kind, scope: `org:${organisationId}` });
      }
      if (!visitKey(account)) return targets;
      const memberships = await db.teamMemberships.get(account);
      for (const team of memberships?.teams ?? []) {
        targets.push({ kind: visitVersionKind.kind, scope: `org:${team.teamId}` });
        targets.push({ kind: visitReviewKind.kind, scope: `org:${team.teamId}` });
      }
      return targets;
    },

    async getPullCursor(target) {
      if (isClassRecordKind(target.kind)) return classPullCursor(target.kind, target.scope, db);
      if (target.kind === assignmentKind.kind) {
        if (scope.kind !== 'account' || !target.scope) return 0;
        const cursors = (await db.credentials.get(scope.profileId))?.assignmentCursors;
        return cursors?.[target.scope.slice('org:'.length)] ?? 0;
      }
      if (target.kind === visitVersionKind.kind) {
        if (scope.kind !== 'account' || !target.scope) return 0;
        const cursors = (await db.credentials.get(scope.profileId))?.visitCursors;
        return cursors?.[target.scope.slice('org:'.length)] ?? 0;
      }
      if (target.kind === visitReviewKind.kind) {
        if (scope.kind !== 'account' || !target.scope) return 0;
        const cursors = (await db.credentials.get(scope.profileId))?.reviewCursors;
        return cursors?.[target.scope.slice('org:'.length)] ?? 0;
      }
      if (scope.kind === 'account')
        return (await db.credentials.get(scope.profileId))?.pullCursor ?? 0;
      const cursor = await readMeta('pullCursor', db);
      return typeof cursor === 'number' ? cursor : 0;
    },

    async applyPulled(target, records, nextCursor) {
      if (isClassRecordKind(target.kind)) {
        if (scope.kind !== 'account') return;
        await applyPulledClassRecords(
          target.kind,
          target.scope,
          records,
          nextCursor,
          scope.profileId,
          db,
        );
        return;
      }
      if (target.kind === assignmentKind.kind) {
        if (!target.scope) return;
        await applyPulledAssignments(target.scope.slice('org:'.length), records, nextCursor);
        return;
      }
      if (target.kind === visitVersionKind.kind) {
        if (!target.scope) return;
        await applyPulledVisits(target.scope.slice('org:'.length), records, nextCursor);
        return;
      }
      if (target.kind === visitReviewKind.kind) {
        if (!target.scope) return;
        await applyPulledReviews(target.scope.slice('org:'.length), records, nextCursor);
        return;
      }
      const events = records.flatMap((r) => (r.kind === learningEventKind.kind ? [r.data] : []));
      await applyPulledEvents(events, nextCursor);
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

/** The id the server knows a pending entry's record by. */
function pendingId(entry: Pending): string {
  if (entry.kind === learningEventKind.kind) return entry.event.id;
  if (entry.kind === assignmentKind.kind) return entry.assignment.id;
  if (entry.kind === visitReviewKind.kind) return entry.review.id;
  if (entry.kind === visitVersionKind.kind) return visitVersionId(entry.row);
  return entry.record.id;
}
