import type {
  LearningEvent,
  PulledRecord,
  PushedRecord,
  PushMark,
  PushResponse,
  RecordKindName,
  StoredEvent,
} from '../protocol';

/** The oldest pending events of a scope, and the highest outbox number among them. */
export interface PendingBatch {
  events: LearningEvent[];
  highWater: number;
}

/**
 * What the sync engine needs from the device's storage. `src/data` implements it over Dexie;
 * the engine itself never touches storage, so it can be tested against any implementation.
 */
export interface SyncStore {
  getDeviceId(): Promise<string>;
  getDeviceToken(): Promise<string | null>;
  setDeviceToken(token: string | null): Promise<void>;
  /** The oldest pending outbox events, at most `limit`, in the order they were written. */
  pendingEvents(limit: number): Promise<PendingBatch>;
  /** Remembers, before it is sent, that a batch up to `highWater` is on its way. */
  markPushInFlight(highWater: number): Promise<void>;
  /** The `highWater` of a batch sent but never answered, or null. */
  pushInFlight(): Promise<number | null>;
  /**
   * Deletes accepted outbox entries and keeps refused ones with their reason, and forgets the
   * batch in flight, in one transaction.
   */
  settlePush(result: PushResponse): Promise<void>;
  /**
   * Settles every pending entry up to the server's mark (a batch whose answer was lost):
   * deleted as accepted, or kept with the refusal the mark lists; in one transaction.
   */
  settleUpTo(mark: PushMark): Promise<void>;
  getPullCursor(): Promise<number>;
  /** Stores pulled events, folds them into progress and moves the cursor, in one transaction. */
  applyPulled(events: StoredEvent[], nextCursor: number): Promise<void>;
  setLastSyncedAt(iso: string): Promise<void>;
}

/** One kind of one organisation's records, pulled page by page. */
export interface PullTarget {
  kind: RecordKindName;
  /** `org:<id>` */
  scope: string;
}

/**
 * What the engine needs to push and pull the records an account keeps in its organisations
 * (assignments). The server stores each once by id, so a record whose answer was lost is simply
 * sent again: these need no high-water mark.
 */
export interface OrganisationRecordStore {
  /** The oldest records waiting to be sent, at most `limit`. */
  pendingRecords(limit: number): Promise<PushedRecord[]>;
  /** Marks accepted records stored and keeps refused ones with their reason. */
  settleRecords(result: PushResponse): Promise<void>;
  getPullCursor(target: PullTarget): Promise<number>;
  /** Stores a pulled page and moves the target's cursor, in one transaction. */
  applyPulled(target: PullTarget, records: PulledRecord[], nextCursor: number): Promise<void>;
}
