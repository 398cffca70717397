-- The latest profile snapshot of each user, as enrollment-service published it. Sign-ins read
-- only this, so they go on while enrollment-service is down.
CREATE TABLE user_profile (
    tenant_id   TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    snapshot    TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

-- Devices of the projection, by id: signed app requests name only their device.
CREATE TABLE profile_device (
    device_id   TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    method_id   TEXT NOT NULL,
    public_key  TEXT NOT NULL
);

CREATE INDEX profile_device_user ON profile_device (tenant_id, user_id);

-- Replay protection: the last accepted TOTP time step per credential. One conditional UPSERT
-- decides, so two replicas racing on one code accept it once.
CREATE TABLE totp_state (
    method_id   TEXT PRIMARY KEY,
    tenant_id   TEXT   NOT NULL,
    last_step   BIGINT NOT NULL
);

-- Consecutive failures and lockout per user; push cool-down after a fraud report.
CREATE TABLE user_guard (
    tenant_id           TEXT        NOT NULL,
    user_id             TEXT        NOT NULL,
    failures            INT         NOT NULL,
    locked_until        TIMESTAMPTZ,
    lock_count          INT         NOT NULL,
    push_blocked_until  TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE challenge (
    id             TEXT PRIMARY KEY,
    tenant_id      TEXT        NOT NULL,
    user_id        TEXT        NOT NULL,
    method         TEXT        NOT NULL,
    method_id      TEXT,
    status         TEXT        NOT NULL,
    delivery       TEXT,
    number_match   TEXT,
    code_salt      TEXT,
    code_hash      TEXT,
    attempts_left  INT         NOT NULL,
    context        TEXT,
    reason         TEXT,
    expires_at     TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    decided_at     TIMESTAMPTZ
);

CREATE INDEX challenge_user_pending ON challenge (tenant_id, user_id) WHERE status = 'PENDING';
CREATE INDEX challenge_pending_expiry ON challenge (expires_at) WHERE status = 'PENDING';

-- Recovery codes already spent, per recovery-code method (a new set is a new method).
CREATE TABLE recovery_code_used (
    method_id   TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    used_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (method_id, code_hash)
);

-- Codes sent by SMS or voice, counted per user and per number for the send limit.
CREATE TABLE code_send (
    id         TEXT PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    scope      TEXT        NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX code_send_scope ON code_send (tenant_id, scope, sent_at);
