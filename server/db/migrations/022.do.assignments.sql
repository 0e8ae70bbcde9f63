-- Issues 12 and 13: teachers and agency admins assign courses and walkthroughs, with an optional
-- due date, to their whole organisation or one member. Records are append-only: a withdrawal is
-- a later row naming the assignment. Status (not started, done, overdue) is derived on the
-- phone from progress, never stored. DO NOT CHANGE WITHOUT A MIGRATION.
CREATE TABLE assignments (
  -- The pull cursor, drawn under the assignment write lock, so cursor order is commit order.
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('assign', 'withdraw')),
  -- The one member it is for (a withdrawal copies its assignment's), or null for everyone.
  target_account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
  made_by uuid NOT NULL REFERENCES accounts (id),
  -- The record exactly as validated by src/protocol/records/assignments.ts.
  record jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignments_by_organisation ON assignments (organisation_id, seq);
