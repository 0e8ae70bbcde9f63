import type { CourseProgress } from '../domain/progress';
import type { Course, LearningEvent, RefusalReason } from '../protocol';

/** An event on this device; `serverSeq` is set once the server has stored it. */
export type EventRow = LearningEvent & { serverSeq?: number };

export type ProgressRow = CourseProgress;

export interface OutboxRow {
  seq?: number;
  eventId: string;
  createdAt: string;
  /** `pending` until the server accepts it (then the row is deleted) or refuses it for good. */
  state: 'pending' | 'refused';
  refusal?: { reason: RefusalReason; message: string };
}

export interface ProfileRow {
  id: string;
  name: string;
  createdAt: string;
}

export interface PackRow {
  id: string;
  version: number;
  hash: string;
  installedAt: string;
}

export type CourseRow = Course & { packId: string };

export interface MetaRow {
  key: MetaKey;
  value: string | number;
}

/** Keys of the `meta` table; their meaning is a contract like the schema itself. */
export type MetaKey =
  'deviceId' | 'deviceToken' | 'pullCursor' | 'lastSyncedAt' | 'defaultProfileId' | 'language';
