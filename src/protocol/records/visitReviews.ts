import { z } from 'zod';
import { textSchema } from '../../protocol/text.ts';
import { declareRecordKind, recordOf } from './kind.ts';

export const REVIEW_DECISIONS = ['approved', 'sent_back'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A team leader's word on one version of a visit (issue 16): approved, or sent back to the
 * volunteer with a comment saying what to change. Append-only: a later review of the same visit
 * replaces the earlier one (the server's order). DO NOT CHANGE THIS SHAPE WITHOUT A MIGRATION.
 */
export const visitReviewSchema = z
  .strictObject({
    id: z.uuid({ version: 'v7' }),
    deviceId: z.uuid(),
    teamId: z.uuid(),
    visitId: z.uuid(),
    /** The version the leader read. */
    version: z.int().min(1).max(1000),
    decision: z.enum(REVIEW_DECISIONS),
    /** What to change; needed when sending back. Read by the volunteer who logged the visit. */
    comment: textSchema({ max: 500, multiline: true }).optional(),
    /** When the leader made it on their phone: shown, never used for ordering. */
    madeAt: z.iso.datetime({ offset: true }),
  })
  .refine((r) => r.decision === 'approved' || !!r.comment, {
    message: 'a visit is sent back with a comment saying what to change',
    path: ['comment'],
  });
export type VisitReview = z.infer<typeof visitReviewSchema>;

export const storedVisitReviewSchema = z.object({
  ...visitReviewSchema.shape,
  serverSeq: z.int().positive(),
  madeBy: z.object({ accountId: z.uuid(), displayName: z.string() }),
});
export type StoredVisitReview = z.infer<typeof storedVisitReviewSchema>;

/**
 * Reviews belong to the team: only its leaders push them; a leader pulls the team's, a
 * volunteer those of the visits they logged. Scope `org:<team>`.
 */
export const visitReviewKind = declareRecordKind({
  kind: 'visit-review',
  version: 1,
  schema: visitReviewSchema,
  stored: storedVisitReviewSchema,
  scope: 'organisation',
  idOf: (review) => review.id,
  deviceOf: (review) => review.deviceId,
});

/** A review as a push carries it. */
export const reviewRecord = (review: VisitReview) => recordOf(visitReviewKind, review);
