import type { DeviceKey, PulledRecord, PushedRecord, PushMark, RecordKindName } from '../protocol';

/** The oldest pending records of a scope, and the highest outbox number among them. */
export interface PendingBatch {
  records: PushedRecord[];
  highWater: number;
}

/** What one pull walks: a kind, for the caller's own records or an organisation's. */
export interface PullTarget {
  kind: RecordKindName;
  /** `org:<id>`, or undefined for the caller's own records. */
  scope?: string;
}

/**
 * What the sync engine needs from the device's storage. `src/data` implements it over Dexie;
 * the engine itself never touches storage, so it can be tested against any implementation.
 */
export interface SyncStore {
  getDeviceId(): Promise<string>;
  getDeviceToken(): Promise<string | null>;
  setDeviceToken(token: string | null): Promise<void>;
  /** The device's signing key with its proof, named when the device registers. */
  deviceKey?(): Promise<DeviceKey>;
  /**
   * The oldest pending outbox records of every kind, at most `limit`, in the order they were
   * written. A record that cannot be read yet (a visit while the team log is locked) ends the
   * batch: nothing after it is sent before it, so a lost answer never settles it unsent.
   */
  pendingRecords(limit: number): Promise<PendingBatch>;
  /** Remembers, before it is sent, that a batch up to `highWater` is on its way. */
  markPushInFlight(highWater: number): Promise<void>;
  /** The `highWater` of a batch sent but never answered, or null. */
  pushInFlight(): Promise<number | null>;
  /**
   * Settles every pending entry up to `highWater` (a batch the server answered, or one whose
   * answer was lost and whose mark the server kept), in one transaction: refused entries stay
   * with their reason, the others are deleted as stored; each record's own state follows, and
   * the batch in flight is forgotten.
   */
  settleUpTo(mark: PushMark): Promise<void>;
  /** The kinds and scopes to pull now. */
  pullTargets(): Promise<PullTarget[]>;
  getPullCursor(target: PullTarget): Promise<number>;
  /** Stores a pulled page, folds it into what it changes and moves the target's cursor. */
  applyPulled(target: PullTarget, records: PulledRecord[], nextCursor: number): Promise<void>;
  setLastSyncedAt(iso: string): Promise<void>;
}
