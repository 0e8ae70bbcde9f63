-- Devices register anonymously and get a token; only its hash is kept.
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz
);

-- Every event a person did, stored once. server_seq orders them for pull: client clocks never do.
CREATE TABLE events (
  id uuid PRIMARY KEY,
  server_seq bigserial NOT NULL UNIQUE,
  -- Whose data this is: "device:<id>" for an anonymous device; accounts come later.
  owner_id text NOT NULL,
  device_id uuid NOT NULL,
  profile_id uuid NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_owner_seq ON events (owner_id, server_seq);
