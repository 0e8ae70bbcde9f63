-- Issue 13: an agency's units and its staff (staff number, unit, position), and programmes and
-- exemptions on the assignment records. DO NOT CHANGE WITHOUT A MIGRATION.
CREATE TABLE agency_units (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL,
  UNIQUE (organisation_id, name)
);

-- One row per staff member of an agency (a member with the learner role). The staff number is
-- the agency's own and unique inside it; the account, and all its learning, is the person's.
CREATE TABLE agency_staff (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  staff_number text NOT NULL,
  unit_id uuid NOT NULL REFERENCES agency_units (id),
  position text NOT NULL,
  PRIMARY KEY (organisation_id, account_id),
  UNIQUE (organisation_id, staff_number)
);
CREATE INDEX agency_staff_unit ON agency_staff (unit_id);

-- An admin exempts one person from a programme with a reason: a third action on the records.
ALTER TABLE assignments DROP CONSTRAINT assignments_action_check;
ALTER TABLE assignments ADD CONSTRAINT assignments_action_check
  CHECK (action IN ('assign', 'withdraw', 'exempt'));
