-- Device request signatures seen within the acceptance window: each is accepted once, on any replica.
CREATE TABLE device_signature_seen (
    signature_sha256 BYTEA       PRIMARY KEY,
    device_id        TEXT        NOT NULL,
    seen_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX device_signature_seen_age ON device_signature_seen (seen_at);
