-- Effects recorded by the platform's own tests.
CREATE TABLE probe_effect (
    id        UUID PRIMARY KEY,
    marker    TEXT NOT NULL
);
