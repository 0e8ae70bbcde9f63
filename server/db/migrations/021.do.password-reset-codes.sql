-- Issue 16: a person who forgot their password gets a one-time code from a manager of one of
-- their organisations (teacher, team leader, agency admin), with no e-mail or SMS. Only the
-- code's hash is kept; it lives 30 minutes, works once, and a newer code replaces older ones.
CREATE TABLE password_reset_codes (
  code_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  created_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_reset_codes_account ON password_reset_codes (account_id);
