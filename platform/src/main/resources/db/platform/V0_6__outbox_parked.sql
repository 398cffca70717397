-- A row the broker can never take (too large, invalid record or topic, unserialisable) is set
-- aside instead of being retried forever ahead of every other tenant's events. It stays for an
-- operator to inspect; clearing parked_at puts it back in the queue.
ALTER TABLE outbox ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN park_reason TEXT;

DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (parked_at) WHERE parked_at IS NOT NULL;
