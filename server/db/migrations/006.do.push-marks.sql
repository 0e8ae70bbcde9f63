-- Each device's high-water mark per owner: the highest outbox number of a batch whose events
-- are all stored, with the refusals of that batch. A phone whose answer was cut asks for it
-- and settles its outbox without sending the batch again. It is written only after the
-- events are committed, so it may lag behind them but never runs ahead.
CREATE TABLE push_marks (
  device_id uuid NOT NULL,
  owner_id text NOT NULL,
  high_water bigint NOT NULL CHECK (high_water >= 0),
  refused jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, owner_id)
);

-- server_seq comes from a sequence, so it is unique without an index of its own, and every
-- read goes through (owner_id, server_seq). Dropping the extra index saves one B-tree insert
-- for every event pushed.
ALTER TABLE events DROP CONSTRAINT events_server_seq_key;
