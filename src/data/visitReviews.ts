import { Dexie, liveQuery } from 'dexie';
import { newEventId } from '../lib/ids';
import { open, seal } from '../lib/vault';
import {
  visitReviewKind,
  type ReviewDecision,
  type StoredVisitReview,
  type VisitReview,
} from '../protocol';
import { database, type HocSoDatabase } from './db';
import { guardStorage } from './errors';
import { getDeviceId } from './meta';
import type { VisitReviewRow } from './rows';

/** The leader on this phone, as the server will name them. */
export interface Reviewer {
  accountId: string;
  displayName: string;
}

/**
 * A leader approves a visit's version, or sends it back with a comment: kept on the phone
 * (the comment sealed) and put in the one outbox in the same transaction, so it works offline.
 */
export async function reviewVisit(
  key: CryptoKey,
  reviewer: Reviewer,
  input: {
    teamId: string;
    visitId: string;
    version: number;
    decision: ReviewDecision;
    comment?: string;
  },
  db: HocSoDatabase = database(),
): Promise<VisitReviewRow> {
  const comment = input.comment?.trim();
  const row: VisitReviewRow = {
    accountId: reviewer.accountId,
    id: newEventId(),
    teamId: input.teamId,
    visitId: input.visitId,
    version: input.version,
    decision: input.decision,
    ...(comment ? { comment: await seal(key, comment) } : {}),
    madeAt: new Date().toISOString(),
    madeBy: reviewer,
    state: 'waiting',
  };
  await guardStorage(() =>
    db.transaction('rw', db.visitReviews, db.outbox, async () => {
      await db.visitReviews.add(row);
      await db.outbox.add({
        kind: visitReviewKind.kind,
        recordId: row.id,
        createdAt: row.madeAt,
        state: 'pending',
      });
    }),
  );
  return row;
}

/** The record a review row stands for, as it is pushed (the comment opened with the key). */
export async function reviewOf(
  key: CryptoKey,
  row: VisitReviewRow,
  db: HocSoDatabase = database(),
): Promise<VisitReview> {
  return {
    id: row.id,
    deviceId: await getDeviceId(db),
    teamId: row.teamId,
    visitId: row.visitId,
    version: row.version,
    decision: row.decision,
    ...(row.comment ? { comment: await open<string>(key, row.comment) } : {}),
    madeAt: row.madeAt,
  };
}

/** Keeps pulled reviews for this account, the comment sealed; one already kept is updated. */
export async function storePulledReviews(
  key: CryptoKey,
  accountId: string,
  reviews: StoredVisitReview[],
  db: HocSoDatabase = database(),
): Promise<void> {
  const rows: VisitReviewRow[] = [];
  for (const review of reviews) {
    rows.push({
      accountId,
      id: review.id,
      teamId: review.teamId,
      visitId: review.visitId,
      version: review.version,
      decision: review.decision,
      ...(review.comment ? { comment: await seal(key, review.comment) } : {}),
      madeAt: review.madeAt,
      madeBy: review.madeBy,
      serverSeq: review.serverSeq,
      state: 'stored',
    });
  }
  await guardStorage(() => db.visitReviews.bulkPut(rows));
}

/**
 * The review that counts for each visit of a team: the latest by the server's order, and
 * reviews made here and not yet sent after every stored one.
 */
export async function latestReviews(
  accountId: string,
  teamId: string,
  db: HocSoDatabase = database(),
): Promise<Map<string, VisitReviewRow>> {
  const rows = await db.visitReviews
    .where('[accountId+teamId]')
    .equals([accountId, teamId])
    .toArray();
  const order = (r: VisitReviewRow) => r.serverSeq ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => order(a) - order(b) || a.madeAt.localeCompare(b.madeAt));
  const latest = new Map<string, VisitReviewRow>();
  for (const row of rows) if (row.state !== 'refused') latest.set(row.visitId, row);
  return latest;
}

/** The comment of a review, opened with the team-log key; empty when there is none. */
export async function reviewComment(key: CryptoKey, row: VisitReviewRow): Promise<string> {
  return row.comment ? open<string>(key, row.comment) : '';
}

/**
 * Calls `onMore` whenever a review made on this phone starts waiting, so the app asks its
 * sync engines to send it soon (screens never sync by themselves). Returns the unsubscribe.
 */
export function watchWaitingReviews(
  onMore: () => void,
  db: HocSoDatabase = database(),
): () => void {
  let last = Number.POSITIVE_INFINITY;
  const subscription = liveQuery(() =>
    db.outbox
      .where('[kind+recordId]')
      .between([visitReviewKind.kind, Dexie.minKey], [visitReviewKind.kind, Dexie.maxKey])
      .count(),
  ).subscribe({
    next: (count) => {
      if (count > last) onMore();
      last = count;
    },
  });
  return () => subscription.unsubscribe();
}
