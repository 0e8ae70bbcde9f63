-- Issuer signing keys (Ed25519). The private key is stored only for the embedded default key
-- generated at first start; a key from ISSUER_PRIVATE_KEY is never written here (NULL).
-- Old keys stay published so old certificates still verify; a revoked key fails its certificates.
CREATE TABLE issuer_keys (
  key_id text PRIMARY KEY,
  public_key_multibase text NOT NULL UNIQUE,
  private_key bytea,
  valid_from timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One certificate per owner, profile and course; immutable once signed, except revocation.
CREATE TABLE certificates (
  id uuid PRIMARY KEY,
  owner_id text NOT NULL,
  profile_id uuid NOT NULL,
  course_id text NOT NULL,
  request_id uuid NOT NULL,
  holder_name text NOT NULL,
  issued_at timestamptz NOT NULL,
  key_id text NOT NULL REFERENCES issuer_keys (key_id),
  -- The signed credential exactly as issued (text, so the downloaded file is byte-identical).
  credential text NOT NULL,
  qr text NOT NULL,
  revoked_at timestamptz,
  revoke_reason text,
  UNIQUE (owner_id, profile_id, course_id)
);
CREATE INDEX certificates_owner ON certificates (owner_id);
CREATE INDEX certificates_revoked ON certificates (revoked_at) WHERE revoked_at IS NOT NULL;
