-- Issue 12: a learner a teacher enrolled from a roster keeps the birth year the file gave, so
-- that importing the same roster again finds them (same name, same year, already a learner of
-- the class) and skips them instead of making a second account. Null for everyone else.
-- DO NOT CHANGE WITHOUT A MIGRATION.
ALTER TABLE accounts ADD COLUMN birth_year smallint;
