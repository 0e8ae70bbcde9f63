-- Join codes for a whole room: each code gets an id so its maker can list and revoke it (the
-- code itself is stored only as a hash and never shown again), and the time it was made.
ALTER TABLE join_codes ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE join_codes ADD CONSTRAINT join_codes_id_key UNIQUE (id);
ALTER TABLE join_codes ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE join_codes ADD COLUMN revoked_at timestamptz;
CREATE INDEX join_codes_organisation ON join_codes (organisation_id);
