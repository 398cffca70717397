package dev.openfactor.enrollment.testdata;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.SecretEnvelope;

/** Opens codes in notification commands as notification-service would, with the test delivery key. */
public final class DeliveryKey {

    private static final KeyRing RING = KeyRing.parse("delivery", "d1", "d1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeliveryKey() {
    }

    public static String code(JsonNode command) {
        try {
            JsonNode secret = command.get("secret");
            SecretEnvelope envelope = new SecretEnvelope(secret.get("kid").asText(), secret.get("iv").asText(),
                    secret.get("ciphertext").asText());
            byte[] plain = RING.open(envelope, "openfactor:notification:" + command.get("notificationId").asText());
            return MAPPER.readTree(new String(plain, StandardCharsets.UTF_8)).get("code").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
