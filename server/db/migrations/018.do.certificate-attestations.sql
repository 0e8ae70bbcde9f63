-- A teacher's or volunteer's attestation, recorded from their phone, that a learner of their
-- organisation takes a course's quiz under their supervision. The learner's next certificate
-- for that course signed while it is open says so (OB 3.0 evidence); each is used once.
CREATE TABLE certificate_attestations (
  id uuid PRIMARY KEY,
  learner_account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  course_id text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  attested_by uuid NOT NULL REFERENCES accounts (id),
  attester_role text NOT NULL CHECK (attester_role IN ('teacher', 'volunteer', 'team_leader')),
  attested_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  certificate_id uuid UNIQUE REFERENCES certificates (id)
);
CREATE INDEX certificate_attestations_open ON certificate_attestations (learner_account_id, course_id)
  WHERE certificate_id IS NULL;
