package dev.openfactor.enrollment.service;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.platform.webpush.P256;
import dev.openfactor.platform.webpush.WebPushConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the app is told once, in the activation answer, to work on its own: where enrollment-service
 * and verification-service are reachable, and the VAPID key to subscribe to Web Push with. Checked
 * at start, so a mistyped setting stops the service instead of reaching every app paired with it.
 */
@Startup
@ApplicationScoped
public class AppEndpoints {

    private final String enrollmentUrl;
    private final String verificationUrl;
    private final Optional<String> vapidPublicKey;

    @Inject
    AppEndpoints(EnrollmentConfig config, WebPushConfig webPush) {
        this(config.publicBaseUrl(), config.verificationPublicUrl(), webPush.vapidPublicKey());
    }

    /** The checks on their own, for tests. */
    AppEndpoints(String enrollmentUrl, String verificationUrl, Optional<String> vapidPublicKey) {
        this.enrollmentUrl = baseUrl("openfactor.enrollment.public-base-url", enrollmentUrl);
        this.verificationUrl = baseUrl("openfactor.enrollment.verification-public-url", verificationUrl);
        this.vapidPublicKey = vapidPublicKey.map(String::trim).filter(k -> !k.isEmpty()).map(AppEndpoints::vapidKey);
    }

    public String enrollmentUrl() {
        return enrollmentUrl;
    }

    public String verificationUrl() {
        return verificationUrl;
    }

    public Optional<String> vapidPublicKey() {
        return vapidPublicKey;
    }

    /** An absolute http(s) URL with nothing after the path; the app appends {@code /v1/...}. */
    private static String baseUrl(String key, String value) {
        String trimmed = value.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must be an http(s) base URL such as https://mfa.example.com");
        }
        return trimmed;
    }

    /** The same check notification-service makes of the pair: a point on P-256, as browsers take it. */
    private static String vapidKey(String key) {
        try {
            if (!key.contains("=")) {
                P256.publicKey(Base64.getUrlDecoder().decode(key));
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below, without the value
        }
        throw new IllegalArgumentException("openfactor.webpush.vapid-public-key must be the base64url (no padding) of a"
                + " 65-byte uncompressed P-256 point");
    }
}
