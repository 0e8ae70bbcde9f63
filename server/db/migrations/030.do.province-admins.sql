-- Issue 13: a province's admins read the compliance roll-up of every agency in the province,
-- as figures per agency and unit (never a name, staff number or phone). Given by a system
-- admin, like official_communes. DO NOT CHANGE WITHOUT A MIGRATION.
CREATE TABLE province_admins (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  province_code text NOT NULL REFERENCES provinces (code),
  PRIMARY KEY (account_id, province_code)
);
