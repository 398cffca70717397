-- Organizations served by this installation. API keys live in the platform's api_key table.
CREATE TABLE tenant (
    id            TEXT PRIMARY KEY,
    name          TEXT        NOT NULL UNIQUE,
    display_name  TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
