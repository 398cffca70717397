-- A paired phone app. Its key verifies the device signature headers; the method row it
-- belongs to (type authenticator_app) holds its TOTP secret.
CREATE TABLE device (
    id                TEXT PRIMARY KEY,
    tenant_id         TEXT        NOT NULL,
    user_ref          TEXT        NOT NULL REFERENCES mfa_user (id) ON DELETE CASCADE,
    method_id         TEXT        NOT NULL UNIQUE REFERENCES mfa_method (id) ON DELETE CASCADE,
    public_key        TEXT        NOT NULL,
    push_platform     TEXT        NOT NULL,
    push_token        TEXT,
    push_token_valid  BOOLEAN     NOT NULL,
    name              TEXT        NOT NULL,
    app_version       TEXT,
    created_at        TIMESTAMPTZ NOT NULL
);

-- A pending pairing of the authenticator app. The 9-digit code is stored only as a salted hash.
CREATE TABLE activation (
    id               TEXT PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    user_ref         TEXT        NOT NULL REFERENCES mfa_user (id) ON DELETE CASCADE,
    ref              TEXT        NOT NULL UNIQUE,  -- the numeric reference in the activation URL
    code_salt        TEXT        NOT NULL,
    code_hash        TEXT        NOT NULL,
    device_label     TEXT,
    status           TEXT        NOT NULL,         -- WAITING or ACTIVATED; expiry is derived
    wrong_codes      INT         NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    device_id        TEXT,
    method_id        TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX activation_user ON activation (tenant_id, user_ref);

-- The current verification code of a phone awaiting verification (hashed).
CREATE TABLE phone_code (
    method_id      TEXT PRIMARY KEY REFERENCES mfa_method (id) ON DELETE CASCADE,
    tenant_id      TEXT        NOT NULL,
    code_salt      TEXT        NOT NULL,
    code_hash      TEXT        NOT NULL,
    attempts_left  INT         NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);

-- One row per code sent, counted per user and per number for the send rate limit.
CREATE TABLE code_send (
    id         TEXT PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    scope      TEXT        NOT NULL,  -- user:<user ref> or number:<E.164>
    sent_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX code_send_scope ON code_send (tenant_id, scope, sent_at);
