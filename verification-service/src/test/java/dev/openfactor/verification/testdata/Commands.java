package dev.openfactor.verification.testdata;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.crypto.SecretEnvelope;
import dev.openfactor.platform.testing.TopicReader;

/** Reads notification commands off the real topic and opens their codes as notification-service would. */
public final class Commands {

    private static final KeyRing DELIVERY = KeyRing.parse("delivery", "d1", "d1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Commands() {
    }

    public static List<JsonNode> await(String bootstrap, String tenantId, String userId, int count) {
        String key = tenantId + "/" + userId;
        try (TopicReader reader = new TopicReader(bootstrap, "openfactor.notifications")) {
            return reader.awaitMatching(r -> key.equals(r.key()), count, Duration.ofSeconds(20)).stream()
                    .map(r -> read(r.event().data())).toList();
        }
    }

    public static String code(JsonNode command) {
        JsonNode s = command.get("secret");
        return SealedCode.open(DELIVERY, new SecretEnvelope(s.get("kid").asText(), s.get("iv").asText(), s.get("ciphertext").asText()),
                command.get("notificationId").asText());
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
