-- Content keys (Ed25519) sign the content packs this server serves, so a course passed phone to
-- phone as a file can be checked offline. Kept like issuer_keys: the private key is stored only
-- for the key generated at first start; a key from CONTENT_PRIVATE_KEY is never written (NULL).
-- Old keys stay published so files signed before a rotation still install.
CREATE TABLE content_keys (
  key_id text PRIMARY KEY,
  public_key_multibase text NOT NULL UNIQUE,
  private_key bytea,
  valid_from timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
