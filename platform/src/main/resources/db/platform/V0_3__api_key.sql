-- API keys of relying parties: only the SHA-256 of the secret part is kept.
CREATE TABLE api_key (
    key_id       TEXT PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    label        TEXT        NOT NULL,
    secret_hash  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX api_key_tenant ON api_key (tenant_id);
