package dev.openfactor.platform.webpush;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.input.InputLimits;

/**
 * A browser's push subscription: the push token of a {@code webpush} device is its
 * {@code PushSubscription.toJSON()}, {@code {"endpoint":"https://…","expirationTime":null,
 * "keys":{"p256dh":"<base64url>","auth":"<base64url>"}}} (other fields are ignored). The endpoint is
 * a capability URL: it is never logged, and {@link #toString} names only its host. Whether its push
 * service may be called is {@link PushServiceAllowlist}'s question, not the parser's.
 */
public record WebPushSubscription(URI endpoint, byte[] p256dh, byte[] auth) {

    public static final int AUTH_BYTES = 16;

    public WebPushSubscription {
        java.util.Objects.requireNonNull(endpoint);
        p256dh = p256dh.clone();
        auth = auth.clone();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @throws InvalidSubscriptionException saying which part is wrong, never quoting it
     */
    public static WebPushSubscription parse(String token) {
        if (token == null || token.getBytes(StandardCharsets.UTF_8).length > InputLimits.PUSH_TOKEN) {
            throw new InvalidSubscriptionException("is missing or too long");
        }
        JsonNode root;
        try {
            root = JSON.readTree(token);
        } catch (IOException e) {
            throw new InvalidSubscriptionException("is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSubscriptionException("is not a JSON object");
        }
        URI endpoint = endpoint(root.get("endpoint"));
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isObject()) {
            throw new InvalidSubscriptionException("has no keys object");
        }
        byte[] p256dh = base64url(keys.get("p256dh"), "keys.p256dh");
        try {
            P256.publicKey(p256dh);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("keys.p256dh is not an uncompressed P-256 point on the curve");
        }
        byte[] auth = base64url(keys.get("auth"), "keys.auth");
        if (auth.length != AUTH_BYTES) {
            throw new InvalidSubscriptionException("keys.auth is not 16 bytes");
        }
        return new WebPushSubscription(endpoint, p256dh, auth);
    }

    /** The browser's key for the ECDH of RFC 8291 (checked on the curve when parsed). */
    public ECPublicKey userAgentKey() {
        return P256.publicKey(p256dh);
    }

    public byte[] p256dh() {
        return p256dh.clone();
    }

    public byte[] auth() {
        return auth.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebPushSubscription s && endpoint.equals(s.endpoint)
                && java.util.Arrays.equals(p256dh, s.p256dh) && java.util.Arrays.equals(auth, s.auth);
    }

    @Override
    public int hashCode() {
        return endpoint.hashCode();
    }

    @Override
    public String toString() {
        return "WebPushSubscription[" + endpoint.getHost() + "]";
    }

    private static URI endpoint(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidSubscriptionException("has no endpoint");
        }
        String text = node.textValue();
        // Printable ASCII only: no spaces, control or look-alike characters, nothing a URL parser might normalise.
        if (text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidSubscriptionException("endpoint is not a printable ASCII URL");
        }
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
                throw new InvalidSubscriptionException("endpoint is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException("endpoint is not a URL");
        }
    }

    private static byte[] base64url(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new InvalidSubscriptionException("has no " + field);
        }
        try {
            return Base64.getUrlDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(field + " is not base64url");
        }
    }

    /** A push token that is not a usable subscription; the message never contains the token. */
    public static final class InvalidSubscriptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSubscriptionException(String reason) {
            super(reason);
        }
    }
}
