-- The community tech team's log of people helped (issue 7). A visit record is a chain of
-- immutable versions; the amendment rule (src/domain/visits/amend.ts) decides each version's
-- status. DO NOT CHANGE WITHOUT A MIGRATION.

-- One row per record: which team it belongs to and who logged it (pushed its first version).
CREATE TABLE team_visits (
  visit_id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  volunteer_id uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_visits_team ON team_visits (team_id, volunteer_id);

-- Every version ever pushed, never deleted. `key` names the stored row: two rows may share a
-- version number when two phones amended the same record (one of them is then a conflict).
CREATE TABLE team_visit_versions (
  key bigserial PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES team_visits (visit_id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  amends integer CHECK (amends >= 1 AND amends < version),
  status text NOT NULL CHECK (status IN ('head', 'superseded', 'conflict')),
  -- The version exactly as validated by src/protocol/visits.ts (personal fields included).
  record jsonb NOT NULL,
  pushed_by uuid NOT NULL REFERENCES accounts (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  resolved_by uuid REFERENCES accounts (id),
  resolved_at timestamptz,
  -- Copies of the fields the dashboard groups by, so aggregation never parses JSON.
  visit_date date NOT NULL,
  commune_code text NOT NULL REFERENCES communes (code),
  outcome text NOT NULL,
  minutes integer NOT NULL,
  age_band text,
  gender text,
  village text NOT NULL,
  -- Distinct service keys (`walkthrough:<id>`, `course:<id>`, `other`).
  service_keys text[] NOT NULL
);
CREATE UNIQUE INDEX team_visit_versions_one_head ON team_visit_versions (visit_id)
  WHERE status = 'head';
CREATE INDEX team_visit_versions_visit ON team_visit_versions (visit_id, version);
CREATE INDEX team_visit_versions_team_heads ON team_visit_versions (team_id, visit_date)
  WHERE status = 'head';
CREATE INDEX team_visit_versions_team_conflicts ON team_visit_versions (team_id)
  WHERE status = 'conflict';

-- When each member's last push reached the server: the roster and "figures as of" times.
CREATE TABLE team_visit_pushes (
  team_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  last_push_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, account_id)
);
