-- People with accounts. A login is a username or a phone number; the password is argon2id.
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  username text UNIQUE,
  phone text UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  is_system_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (username IS NOT NULL OR phone IS NOT NULL)
);

-- Short-lived access tokens and rotating refresh tokens, stored only as hashes.
CREATE TABLE access_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX access_tokens_account ON access_tokens (account_id);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- All tokens rotated from one sign-in share a family; reusing a spent one revokes the family.
  family_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- A device signed in to an account, so its events can be claimed by that account.
ALTER TABLE devices ADD COLUMN account_id uuid REFERENCES accounts (id);

-- Teams (a community digital technology team of a commune), classes and agencies.
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('team', 'class', 'agency')),
  name text NOT NULL,
  commune_code text NOT NULL REFERENCES communes (code),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_commune ON organisations (commune_code);

CREATE TABLE memberships (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('learner', 'volunteer', 'team_leader', 'teacher', 'agency_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

-- Commune officials read aggregates of the communes they are given.
CREATE TABLE official_communes (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  commune_code text NOT NULL REFERENCES communes (code),
  PRIMARY KEY (account_id, commune_code)
);

-- One-time (or few-time) codes that enrol someone in an organisation with a role.
CREATE TABLE join_codes (
  code_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL,
  max_uses integer NOT NULL CHECK (max_uses > 0),
  uses integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts (id)
);

-- Who did what: sign-ins, role changes, exports. Ids and actions only, no personal details.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}'
);
