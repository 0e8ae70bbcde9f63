-- Issue 16: a team leader approves a visit's version or sends it back with a comment; the
-- volunteer who logged the visit reads it. Append-only: the latest review of a visit (by seq)
-- is the one that counts. DO NOT CHANGE WITHOUT A MIGRATION.
CREATE TABLE visit_reviews (
  -- The pull cursor, drawn under the review write lock, so cursor order is commit order.
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  team_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  visit_id uuid NOT NULL REFERENCES team_visits (visit_id) ON DELETE CASCADE,
  -- Who logged the visit (copied from team_visits), so a volunteer pulls only theirs.
  volunteer_id uuid NOT NULL REFERENCES accounts (id),
  made_by uuid NOT NULL REFERENCES accounts (id),
  -- The record exactly as validated by src/protocol/records/visitReviews.ts.
  record jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_reviews_by_team ON visit_reviews (team_id, seq);
