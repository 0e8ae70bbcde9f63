-- Issue 17, carry to sync. A device names its Ed25519 signing key (at registration, or once on
-- its next sync); records it seals and another phone carries are checked against it. A device
-- first met through a carried file has a key and no token until it registers with that key.
ALTER TABLE devices ADD COLUMN public_key text;
ALTER TABLE devices ALTER COLUMN token_hash DROP NOT NULL;

-- The server's X25519 sealing keys: the newest seals new files, older ones still open theirs.
CREATE TABLE carry_keys (
  key_id text PRIMARY KEY,
  public_key text NOT NULL UNIQUE,
  private_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every carried bundle stored, once: a replay finds its row and changes nothing. The outcome of
-- its records is kept so the device, at its next sync, settles them as if it had pushed them.
CREATE TABLE carried_bundles (
  bundle_id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  counter bigint NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  accepted jsonb NOT NULL,
  refused jsonb NOT NULL
);
CREATE INDEX carried_bundles_device ON carried_bundles (device_id, received_at);
