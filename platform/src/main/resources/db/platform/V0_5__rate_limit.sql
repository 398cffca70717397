-- Events counted by rate limits (codes sent, push sign-ins started): one row per event and key,
-- kept until it leaves its rule's window. Callers serialize on the key with an advisory lock,
-- then count, so a limit holds however many requests arrive at once, on any replica.
CREATE TABLE rate_limit_event (
    bucket      TEXT        NOT NULL,   -- <rule>:<tenant>/<key>
    expires_at  TIMESTAMPTZ NOT NULL    -- when this event stops counting
);

CREATE INDEX rate_limit_event_bucket ON rate_limit_event (bucket, expires_at);
CREATE INDEX rate_limit_event_age ON rate_limit_event (expires_at);
