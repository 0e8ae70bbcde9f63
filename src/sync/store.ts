import type { LearningEvent, PushResponse, StoredEvent } from '../protocol';

/**
 * What the sync engine needs from the device's storage. `src/data` implements it over Dexie;
 * the engine itself never touches storage, so it can be tested against any implementation.
 */
export interface SyncStore {
  getDeviceId(): Promise<string>;
  getDeviceToken(): Promise<string | null>;
  setDeviceToken(token: string | null): Promise<void>;
  /** The oldest pending outbox events, at most `limit`, in the order they were written. */
  pendingEvents(limit: number): Promise<LearningEvent[]>;
  /** Deletes accepted outbox entries and keeps refused ones with their reason, in one transaction. */
  settlePush(result: PushResponse): Promise<void>;
  getPullCursor(): Promise<number>;
  /** Stores pulled events, folds them into progress and moves the cursor, in one transaction. */
  applyPulled(events: StoredEvent[], nextCursor: number): Promise<void>;
  setLastSyncedAt(iso: string): Promise<void>;
}
