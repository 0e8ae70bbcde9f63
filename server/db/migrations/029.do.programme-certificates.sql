-- A programme's certificate (issue 13) lives in the one certificates table, so revocation, the
-- credential download, the revocation list and the verify page serve it as they serve a
-- course's. Its course_id is `programme:<assignment id>:<round>` (never a course's kebab-case
-- id); the listing of course certificates leaves these rows out. One per account, programme and
-- round of a yearly programme.
ALTER TABLE certificates
  ADD COLUMN organisation_id uuid REFERENCES organisations (id),
  ADD COLUMN assignment_id uuid,
  ADD COLUMN round integer;
CREATE UNIQUE INDEX certificates_programme_round ON certificates (owner_id, assignment_id, round)
  WHERE assignment_id IS NOT NULL;
