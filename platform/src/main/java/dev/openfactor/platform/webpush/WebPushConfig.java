package dev.openfactor.platform.webpush;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Web Push: which push services a subscription may name (enrollment checks it when the app
 * registers, notification again before each send) and the VAPID key pair notification signs with.
 * Without both keys the webpush channel is off. The private key is never logged.
 */
@ConfigMapping(prefix = "openfactor.webpush")
public interface WebPushConfig {

    /**
     * Push-service hosts an endpoint may name: exact names, or {@code *.example.com} for any
     * subdomain of example.com (not example.com itself); compared case-insensitively. The default
     * is the browser vendors' services (Chrome/Edge via FCM, Firefox, Safari, Windows).
     */
    @WithDefault("fcm.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com,*.wns.windows.com")
    List<String> allowedHosts();

    /** Also admit http/https to 127.0.0.1, [::1] and localhost on any port: tests and local runs only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** base64url of the 65-byte uncompressed P-256 point: what browsers take as {@code applicationServerKey}. */
    Optional<String> vapidPublicKey();

    /** base64url of the 32-byte private scalar. A secret: from the environment or a mounted file. */
    Optional<String> vapidPrivateKey();

    /**
     * The VAPID {@code sub} claim: how a push service reaches the operator (mailto: or https:).
     * Apple's service refuses a localhost address, so production sets a real one.
     */
    @WithDefault("mailto:admin@localhost")
    String subject();
}
