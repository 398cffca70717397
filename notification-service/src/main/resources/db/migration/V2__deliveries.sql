-- One row per notification command: the unique id makes consumption idempotent (a redelivered
-- command finds its row and sends nothing), the state machine makes sending at most once per
-- attempt, and retries wait here, not in the Kafka partition.
CREATE TABLE delivery (
    notification_id  TEXT PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    user_id          TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    command          TEXT        NOT NULL,  -- the command as received; its code is still sealed
    state            TEXT        NOT NULL,  -- PENDING, SENDING, SENT, FAILED, ADDRESS_INVALID, EXPIRED
    attempts         INT         NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    claimed_until    TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    received_at      TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');

-- What the sandbox channel "sent": rendered content included, for local runs only.
CREATE TABLE sandbox_delivery (
    id               TEXT PRIMARY KEY,
    notification_id  TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    address          TEXT        NOT NULL,
    challenge_id     TEXT,
    content          TEXT        NOT NULL,
    delivered_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_delivery_address ON sandbox_delivery (address, delivered_at);
