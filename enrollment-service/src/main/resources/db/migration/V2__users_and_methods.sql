-- A tenant's user (the tenant's own id, e.g. a UPN), created on first use.
CREATE TABLE mfa_user (
    id                 TEXT PRIMARY KEY,
    tenant_id          TEXT        NOT NULL REFERENCES tenant (id),
    user_id            TEXT        NOT NULL,
    mfa_required       BOOLEAN     NOT NULL,
    default_method_id  TEXT,
    profile_version    BIGINT      NOT NULL,  -- grows with every published profile snapshot
    created_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, user_id)
);

-- One registered method. credential_data is public (JSON); secret_data is only ever an
-- AES-GCM envelope (JSON) or a salted hash, never a plaintext secret.
CREATE TABLE mfa_method (
    id               TEXT PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    user_ref         TEXT        NOT NULL REFERENCES mfa_user (id) ON DELETE CASCADE,
    type             TEXT        NOT NULL,
    label            TEXT,
    status           TEXT        NOT NULL,
    credential_data  TEXT        NOT NULL,
    secret_data      TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX mfa_method_user ON mfa_method (tenant_id, user_ref);
