-- Issue 15: anyone signed in may start a team, but a team counts in a commune's figures only once
-- that commune's officials (or a system admin) approve it. Teams from before are approved: they
-- were already counted, and their figures must not vanish.
ALTER TABLE organisations ADD COLUMN approved_at timestamptz;
ALTER TABLE organisations ADD COLUMN approved_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
UPDATE organisations SET approved_at = created_at WHERE kind = 'team';
CREATE INDEX organisations_pending ON organisations (commune_code) WHERE approved_at IS NULL;
