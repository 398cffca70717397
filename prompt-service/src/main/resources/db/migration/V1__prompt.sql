-- Relying parties: one row per OpenID Connect client, each bound to one tenant of enrollment-service.
CREATE TABLE client (
    client_id           text PRIMARY KEY,
    tenant_id           text NOT NULL,
    display_name        text NOT NULL,
    -- The tenant's API key, sealed under the data key (AES-256-GCM, client_id as associated data).
    api_key_sealed      text NOT NULL,
    -- JSON: redirectUris, relyingParty {issuer, audience, jwksUrl | jwks}, userClaim, methods, secretHash
    registration        jsonb NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- RSA signing keys. Published until retired; the one signing is the most recently activated, so a
-- switch is one UPDATE that every replica sees at once, and a never-activated key is the published 'next'.
CREATE TABLE signing_key (
    kid                 text PRIMARY KEY,
    retired             boolean NOT NULL DEFAULT false,
    private_key_sealed  text NOT NULL,
    certificate         bytea NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    activated_at        timestamptz
);

-- One sign-in (or registration) a relying party asked for, bound to the browser that started it.
CREATE TABLE prompt (
    prompt_id           text PRIMARY KEY,
    client_id           text NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
    flow                text NOT NULL CHECK (flow IN ('id_token', 'code')),
    user_id             text NOT NULL,
    subject             text NOT NULL,
    redirect_uri        text NOT NULL,
    state               text,
    nonce               text,
    acr_values          text[] NOT NULL DEFAULT '{}',
    -- The hint's tid (Entra ID tenant), echoed in the id_token.
    tenant_hint         text,
    code_challenge      text,
    browser_hash        text NOT NULL,
    csrf_token          text NOT NULL,
    -- open → done (amr set) | refused; then answered once
    status              text NOT NULL CHECK (status IN ('open', 'done', 'refused', 'answered')),
    amr                 text,
    challenge_id        text,
    activation_id       text,
    phone_method_id     text,
    wizard              jsonb NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL
);
-- A relying party's state is accepted once: a replayed authorization request is refused.
CREATE UNIQUE INDEX prompt_client_state ON prompt (client_id, state) WHERE state IS NOT NULL;
CREATE INDEX prompt_expires ON prompt (expires_at);

-- Authorization codes of the code flow: stored hashed, 60 s, single use.
CREATE TABLE authorization_code (
    code_hash           text PRIMARY KEY,
    prompt_id           text NOT NULL REFERENCES prompt (prompt_id) ON DELETE CASCADE,
    expires_at          timestamptz NOT NULL,
    used_at             timestamptz
);
