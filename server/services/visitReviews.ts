import type { StoredVisitReview, VisitReview } from '../../src/protocol';
import { madeByPage, type MadeByRow } from './madeByPages';
import type { RecordPage } from './pages';
import type { Database } from '../db/database';

/** Serialises review writers, so that `seq` order is commit order and pull never skips one. */
const REVIEW_WRITE_LOCK = 7_201_024;

/** Who logged each of these visits of a team (visits of other teams are left out). */
export async function visitVolunteers(
  db: Database,
  teamId: string,
  visitIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ visit_id: string; volunteer_id: string }>(
    `SELECT visit_id, volunteer_id FROM team_visits WHERE team_id = $1 AND visit_id = ANY($2::uuid[])`,
    [teamId, visitIds],
  );
  return new Map(rows.map((r) => [r.visit_id, r.volunteer_id]));
}

/**
 * Stores reviews of one leader in one transaction, each once by id: a retry with the same
 * content is accepted again; another record under a taken id is a conflict.
 */
export async function storeReviews(
  db: Database,
  madeBy: string,
  reviews: readonly { review: VisitReview; volunteerId: string }[],
): Promise<{ accepted: string[]; conflicts: string[] }> {
  const outcome = { accepted: [] as string[], conflicts: [] as string[] };
  if (reviews.length === 0) return outcome;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REVIEW_WRITE_LOCK]);
    for (const { review, volunteerId } of reviews) {
      const json = JSON.stringify(review);
      const inserted = await tx.query(
        `INSERT INTO visit_reviews (id, team_id, visit_id, volunteer_id, made_by, record)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [review.id, review.teamId, review.visitId, volunteerId, madeBy, json],
      );
      const same =
        inserted.length > 0 ||
        (
          await tx.query(
            `SELECT 1 FROM visit_reviews WHERE id = $1 AND made_by = $2 AND record = $3::jsonb`,
            [review.id, madeBy, json],
          )
        ).length > 0;
      (same ? outcome.accepted : outcome.conflicts).push(review.id);
    }
  });
  return outcome;
}

/** A team's reviews after the cursor: all (for a leader) or those of one volunteer's visits. */
export async function pullReviews(
  db: Database,
  teamId: string,
  volunteerId: string | null,
  since: number,
  limit: number,
): Promise<RecordPage<StoredVisitReview>> {
  const rows = await db.query<MadeByRow<VisitReview>>(
    `SELECT r.seq::text AS seq, r.record, r.made_by, a.display_name
     FROM visit_reviews r JOIN accounts a ON a.id = r.made_by
     WHERE r.team_id = $1 AND r.seq > $2 AND ($3::uuid IS NULL OR r.volunteer_id = $3)
     ORDER BY r.seq LIMIT $4`,
    [teamId, since, volunteerId, limit + 1],
  );
  return madeByPage(rows, since, limit);
}
