-- A class's sessions and attendance (issue 12). Both are chains of immutable versions: nothing
-- is ever updated or deleted, the version with the highest `seq` wins, and the others are the
-- history (who changed what, and when). A deleted session is a version with `deleted`; its marks
-- stay here, kept aside. DO NOT CHANGE WITHOUT A MIGRATION.

-- `seq` is drawn under a write lock (services/attendance.ts), so its order is commit order and a
-- pull after a cursor never skips a row.
CREATE TABLE class_session_versions (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  session_id uuid NOT NULL,
  class_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day date NOT NULL,
  deleted boolean NOT NULL,
  -- The version exactly as validated by src/protocol/attendance.ts.
  record jsonb NOT NULL,
  pushed_by uuid NOT NULL REFERENCES accounts (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX class_session_versions_class ON class_session_versions (class_id, seq);
CREATE INDEX class_session_versions_session ON class_session_versions (session_id, seq);

CREATE TABLE attendance_marks (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  session_id uuid NOT NULL,
  class_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  learner_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('present', 'absent', 'late', 'excused')),
  record jsonb NOT NULL,
  pushed_by uuid NOT NULL REFERENCES accounts (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attendance_marks_class ON attendance_marks (class_id, seq);
CREATE INDEX attendance_marks_learner ON attendance_marks (class_id, learner_id, seq);
