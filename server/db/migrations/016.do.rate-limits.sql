-- Issue 15: rate-limit counters live in the database, so every server instance behind a proxy
-- counts the same attempts (Redis holds them instead when REDIS_URL is set). One row per key
-- (e.g. `sign-in:login:0911222333`), reset when its window ends; old rows are swept as it goes.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);
