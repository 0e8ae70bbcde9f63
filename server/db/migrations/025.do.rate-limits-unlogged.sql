-- Every guarded request (each push, each sign-in) writes its counter. An unlogged table writes
-- no WAL, so that write commits without waiting for the disk. A crash empties the table: the
-- counters start again from zero, which only forgives a minute's attempts.
ALTER TABLE rate_limits SET UNLOGGED;
