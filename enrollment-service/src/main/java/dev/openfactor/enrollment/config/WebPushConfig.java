package dev.openfactor.enrollment.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The Web Push (VAPID) key pair's public half: told to the app at activation, which subscribes with
 * it; notification-service signs pushes with the private half. The same key name in every service.
 */
@ConfigMapping(prefix = "openfactor.webpush")
public interface WebPushConfig {

    /** Base64url (no padding) of the 65-byte uncompressed P-256 point; none: the app is given no key. */
    Optional<String> vapidPublicKey();
}
