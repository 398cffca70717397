package dev.openfactor.prompt.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code openfactor.prompt.*}: where this service and its two peers are, and how long things live. */
@ConfigMapping(prefix = "openfactor.prompt")
public interface PromptConfig {

    /** Public base URL: the OpenID Connect issuer, and the origin of every page. */
    String issuer();

    String enrollmentUrl();

    String verificationUrl();

    /** Where people get OpenFactor Authenticator (linked from the registration pages). */
    String authenticatorUrl();

    /** Base64 of 32 bytes: seals tenants' API keys and the signing keys at rest. */
    String dataKey();

    /** How old an id_token_hint or request object may be ({@code iat}); hints arrive already expired. */
    @WithDefault("PT10M")
    Duration assertionMaxAge();

    /** A prompt, registration included, must finish within this. */
    @WithDefault("PT20M")
    Duration promptLifetime();

    @WithDefault("PT60S")
    Duration codeLifetime();

    @WithDefault("PT10M")
    Duration idTokenLifetime();

    /** How long a page's status request waits server-side for a change (long-poll). */
    @WithDefault("25")
    int longPollSeconds();
}
