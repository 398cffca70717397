package dev.openfactor.platform.crypto;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one-time code a notification command carries ({@code secret} of
 * {@code dev.openfactor.notification.command.v1}): the JSON {@code {"code":"<code>"}} sealed under the
 * delivery key, bound to the command's notification id. Enrollment (phone verification) and
 * verification (sign-in codes) seal with it; notification-service opens with it.
 */
public final class SealedCode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedCode() {
    }

    public static SecretEnvelope seal(KeyRing delivery, String notificationId, String code) {
        try {
            return delivery.sealString(JSON.writeValueAsString(Map.of("code", code)), AssociatedData.notification(notificationId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("code not serialisable", e);
        }
    }

    /**
     * The code, or null if the sealed JSON has none.
     *
     * @throws EnvelopeException if the envelope does not open for this notification or holds no JSON
     */
    public static String open(KeyRing delivery, SecretEnvelope secret, String notificationId) {
        String plain = delivery.openString(secret, AssociatedData.notification(notificationId));
        try {
            JsonNode node = JSON.readTree(plain);
            return node.path("code").asText(null);
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("sealed code is not JSON");
        }
    }
}
