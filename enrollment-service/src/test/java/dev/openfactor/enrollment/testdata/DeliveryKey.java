package dev.openfactor.enrollment.testdata;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.crypto.SecretEnvelope;

/** Opens codes in notification commands as notification-service would, with the test delivery key. */
public final class DeliveryKey {

    private static final KeyRing RING = KeyRing.parse("delivery", "d1", "d1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");

    private DeliveryKey() {
    }

    public static String code(JsonNode command) {
        JsonNode secret = command.get("secret");
        SecretEnvelope envelope = new SecretEnvelope(secret.get("kid").asText(), secret.get("iv").asText(),
                secret.get("ciphertext").asText());
        return SealedCode.open(RING, envelope, command.get("notificationId").asText());
    }
}
